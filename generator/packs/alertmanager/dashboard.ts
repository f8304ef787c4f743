/** The Alertmanager dashboard: its configuration, the alerts and silences it holds, and the notifications it sends. */
import { defineDashboard, promql, row, stat, target, timeseries, type DashboardDef, type Folder } from '../../index.ts';
import { domain } from './domain.ts';
import { average, rate, sel } from '../../dsl/panels.ts';

export function alertmanagerDashboard(folder: Folder): DashboardDef {
  const am = domain.metrics;
  return defineDashboard({
    name: 'alertmanager',
    title: 'Alertmanager',
    folder,
    description: 'The end of the alerting pipeline: the alerts Alertmanager holds, its silences, and the notifications it sends to each integration.',
    tags: ['alertmanager', 'meta'],
    scope: am.configReloadSuccessful,
    rows: [
      row('Health', [
        stat({
          title: 'Alertmanager config loaded',
          unit: 'short',
          width: 8,
          alerts: ['AlertmanagerConfigReloadFailed'],
          valueText: { '0': { text: 'failed', color: 'red' }, '1': { text: 'ok', color: 'green' } },
          targets: [target(promql`min(${sel(am.configReloadSuccessful)})`)],
        }),
        stat({ title: 'Config reloaded at', unit: 'dateTimeAsIso', width: 8, targets: [target(promql`max(${sel(am.configReloadTimestamp)}) * 1000`)] }),
        stat({ title: 'Clustering', unit: 'short', width: 8, targets: [target(promql`max(${sel(am.clusterEnabled)})`)] }),
      ]),
      row('Alerts and notifications', [
        timeseries({
          title: 'Alerts by state',
          unit: 'short',
          targets: [
            target(promql`sum by (state) (${sel(am.alerts)})`, '{{state}}'),
            target(promql`sum by (state) (${sel(am.silences)})`, 'silences {{state}}'),
            target(promql`sum by (status) (${rate(am.alertsReceived)})`, 'received {{status}}/s'),
            target(promql`sum(${rate(am.alertsInvalid)})`, 'invalid/s'),
          ],
        }),
        timeseries({
          title: 'Notifications by integration',
          unit: 'ops',
          alerts: ['AlertmanagerNotificationsFailing'],
          targets: [target(promql`sum by (integration) (${rate(am.notifications)})`, 'sent {{integration}}'), target(promql`sum by (integration) (${rate(am.notificationsFailed)})`, 'failed {{integration}}')],
        }),
        timeseries({
          title: 'Notification latency',
          unit: 's',
          targets: [target(average(am.notificationLatency, 'integration'), '{{integration}}')],
        }),
      ]),
    ],
  });
}
