/** The Prometheus dashboard: its targets and scrapes, rule evaluation, storage, and the alerts it sends. */
import { defineDashboard, promql, row, stat, target, timeseries, type DashboardDef, type Folder } from '../../index.ts';
import { domain, scrape } from './domain.ts';
import { rate, sel } from '../../dsl/panels.ts';

export function prometheusDashboard(folder: Folder): DashboardDef {
  const p = domain.metrics;
  const { up, scrapeDuration, samplesScraped, samplesPostRelabeling, seriesAdded } = scrape.metrics;
  return defineDashboard({
    name: 'prometheus',
    title: 'Prometheus',
    folder,
    description: 'The monitoring system itself: scrapes, rule evaluation, storage, and the sending of alerts to Alertmanager.',
    tags: ['prometheus', 'meta'],
    scope: up,
    rows: [
      row('Health', [
        stat({ title: 'Targets up', unit: 'short', width: 6, targets: [target(promql`sum(${sel(up)})`)] }),
        stat({
          title: 'Prometheus config loaded',
          unit: 'short',
          width: 6,
          alerts: ['PrometheusConfigReloadFailed'],
          valueText: { '0': { text: 'failed', color: 'red' }, '1': { text: 'ok', color: 'green' } },
          targets: [target(promql`min(${sel(p.configReloadSuccessful)})`)],
        }),
        stat({ title: 'Head series', unit: 'short', width: 6, targets: [target(promql`sum(${sel(p.headSeries)})`)] }),
        stat({ title: 'Prometheus build', unit: 'short', width: 6, targets: [target(promql`count by (version) (${sel(p.buildInfo)})`, '{{version}}')] }),
      ]),
      row('Scrapes', [
        timeseries({ title: 'Targets up by job', unit: 'short', targets: [target(promql`sum by (job) (${sel(up)})`, '{{job}}')] }),
        timeseries({ title: 'Scrape duration', unit: 's', targets: [target(promql`max by (job) (${sel(scrapeDuration)})`, '{{job}}')] }),
        timeseries({
          title: 'Samples per scrape',
          unit: 'short',
          targets: [
            target(promql`sum by (job) (${sel(samplesScraped)})`, 'scraped {{job}}'),
            target(promql`sum by (job) (${sel(samplesPostRelabeling)})`, 'kept {{job}}'),
            target(promql`sum by (job) (${sel(seriesAdded)})`, 'new series {{job}}'),
          ],
        }),
        timeseries({
          title: 'Samples appended and rejected scrapes',
          unit: 'ops',
          alerts: ['PrometheusSampleLimitHit'],
          targets: [target(promql`sum by (type) (${rate(p.headSamplesAppended)})`, 'appended {{type}}'), target(promql`sum(${rate(p.scrapesExceededSampleLimit)})`, 'over sample limit')],
        }),
      ]),
      row('Rules and storage', [
        timeseries({ title: 'Rule group duration', unit: 's', targets: [target(promql`max by (rule_group) (${sel(p.ruleGroupLastDuration)})`, '{{rule_group}}'), target(promql`max(${sel(p.ruleGroupInterval)})`, 'interval')] }),
        timeseries({
          title: 'Rule evaluation problems',
          unit: 'ops',
          alerts: ['PrometheusRuleEvaluationFailures', 'PrometheusMissingRuleEvaluations'],
          targets: [target(promql`sum by (rule_group) (${rate(p.ruleEvaluationFailures)})`, 'failed {{rule_group}}'), target(promql`sum by (rule_group) (${rate(p.ruleGroupIterationsMissed)})`, 'missed {{rule_group}}')],
        }),
        timeseries({ title: 'Query time (p90)', unit: 's', targets: [target(promql`max by (slice) (${sel(p.queryDuration, 'quantile="0.9"')})`, '{{slice}}')] }),
        timeseries({
          title: 'Storage problems',
          unit: 'ops',
          alerts: ['PrometheusTsdbCompactionsFailing'],
          targets: [target(promql`sum(${rate(p.compactionsFailed)})`, 'failed compactions'), target(promql`sum(${rate(p.walCorruptions)})`, 'WAL corruptions')],
        }),
        timeseries({ title: 'HTTP requests by handler', unit: 'reqps', targets: [target(promql`sum by (handler, code) (${rate(p.httpRequests)})`, '{{handler}} {{code}}')] }),
        stat({ title: 'Config reloaded at', unit: 'dateTimeAsIso', width: 6, targets: [target(promql`max(${sel(p.configReloadTimestamp)}) * 1000`)] }),
      ]),
      row('Notifications', [
        timeseries({
          title: 'Alerts sent to Alertmanager',
          unit: 'ops',
          alerts: ['PrometheusNotificationsDropped', 'PrometheusErrorSendingAlerts'],
          targets: [target(promql`sum(${rate(p.notificationsSent)})`, 'sent'), target(promql`sum(${rate(p.notificationsErrors)})`, 'errors'), target(promql`sum(${rate(p.notificationsDropped)})`, 'dropped')],
        }),
        timeseries({
          title: 'Notification queue',
          unit: 'short',
          alerts: ['PrometheusNotificationQueueFull', 'PrometheusNotConnectedToAlertmanagers'],
          targets: [
            target(promql`max(${sel(p.notificationsQueueLength)})`, 'queued'),
            target(promql`max(${sel(p.notificationsQueueCapacity)})`, 'capacity'),
            target(promql`max(${sel(p.alertmanagersDiscovered)})`, 'alertmanagers'),
          ],
        }),
      ]),
    ],
  });
}
