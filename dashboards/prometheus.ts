import { defineDashboard, promql, row, stat, sumOf, countOf, target, timeseries } from 'sextant';
import alertmanager from '../catalog/alertmanager.ts';
import prometheus from '../catalog/prometheus.ts';
import scrape from '../catalog/scrape.ts';
import { rate, sel, UNITS } from './shared/common.ts';

const p = prometheus.metrics;
const am = alertmanager.metrics;

export default defineDashboard({
  name: 'prometheus',
  title: 'Prometheus and Alertmanager',
  folder: 'Infrastructure',
  description: 'The monitoring system itself: scrapes, rule evaluation, storage, and the delivery of alerts.',
  tags: ['prometheus', 'alertmanager', 'meta'],
  scope: scrape.metrics.up,
  rows: [
    row('Health', [
      stat({ title: 'Targets up', unit: UNITS.count, width: 6, alerts: ['TargetDown', 'JobDown'], targets: [target(promql`sum(${sel(scrape.metrics.up)})`)] }),
      stat({
        title: 'Prometheus config loaded',
        unit: UNITS.count,
        width: 6,
        alerts: ['PrometheusConfigReloadFailed'],
        valueText: { '0': { text: 'failed', color: 'red' }, '1': { text: 'ok', color: 'green' } },
        targets: [target(promql`min(${sel(p.configReloadSuccessful)})`)],
      }),
      stat({
        title: 'Alertmanager config loaded',
        unit: UNITS.count,
        width: 6,
        alerts: ['AlertmanagerConfigReloadFailed'],
        valueText: { '0': { text: 'failed', color: 'red' }, '1': { text: 'ok', color: 'green' } },
        targets: [target(promql`min(${sel(am.configReloadSuccessful)})`)],
      }),
      stat({ title: 'Head series', unit: UNITS.count, width: 6, targets: [target(promql`sum(${sel(p.headSeries)})`)] }),
    ]),
    row('Scrapes', [
      timeseries({ title: 'Targets up by job', unit: UNITS.count, alerts: ['TargetDown', 'JobDown', 'JobMissing'], targets: [target(promql`sum by (job) (${sel(scrape.metrics.up)})`, '{{job}}')] }),
      timeseries({ title: 'Scrape duration', unit: UNITS.seconds, targets: [target(promql`max by (job) (${sel(scrape.metrics.scrapeDuration)})`, '{{job}}')] }),
      timeseries({
        title: 'Samples per scrape',
        unit: UNITS.count,
        targets: [
          target(promql`sum by (job) (${sel(scrape.metrics.samplesScraped)})`, 'scraped {{job}}'),
          target(promql`sum by (job) (${sel(scrape.metrics.samplesPostRelabeling)})`, 'kept {{job}}'),
          target(promql`sum by (job) (${sel(scrape.metrics.seriesAdded)})`, 'new series {{job}}'),
        ],
      }),
      timeseries({
        title: 'Samples appended and rejected scrapes',
        unit: UNITS.perSecond,
        alerts: ['PrometheusSampleLimitHit'],
        targets: [
          target(promql`sum by (type) (${rate(p.headSamplesAppended)})`, 'appended {{type}}'),
          target(promql`sum(${rate(p.scrapesExceededSampleLimit)})`, 'over sample limit'),
        ],
      }),
    ]),
    row('Rules and storage', [
      timeseries({ title: 'Rule group duration', unit: UNITS.seconds, targets: [target(promql`max by (rule_group) (${sel(p.ruleGroupLastDuration)})`, '{{rule_group}}'), target(promql`max(${sel(p.ruleGroupInterval)})`, 'interval')] }),
      timeseries({
        title: 'Rule evaluation problems',
        unit: UNITS.perSecond,
        alerts: ['PrometheusRuleEvaluationFailures', 'PrometheusMissingRuleEvaluations'],
        targets: [target(promql`sum by (rule_group) (${rate(p.ruleEvaluationFailures)})`, 'failed {{rule_group}}'), target(promql`sum by (rule_group) (${rate(p.ruleGroupIterationsMissed)})`, 'missed {{rule_group}}')],
      }),
      timeseries({
        title: 'Query time (p90)',
        unit: UNITS.seconds,
        targets: [target(promql`max by (slice) (${sel(p.queryDuration, 'quantile="0.9"')})`, '{{slice}}')],
      }),
      timeseries({
        title: 'Storage problems',
        unit: UNITS.perSecond,
        alerts: ['PrometheusTsdbCompactionsFailing'],
        targets: [target(promql`sum(${rate(p.compactionsFailed)})`, 'failed compactions'), target(promql`sum(${rate(p.walCorruptions)})`, 'WAL corruptions')],
      }),
      timeseries({ title: 'HTTP requests by handler', unit: UNITS.requestsPerSecond, targets: [target(promql`sum by (handler, code) (${rate(p.httpRequests)})`, '{{handler}} {{code}}')] }),
      stat({ title: 'Prometheus build', unit: UNITS.count, width: 6, targets: [target(promql`count by (version) (${sel(p.buildInfo)})`, '{{version}}')] }),
      stat({ title: 'Config reloaded at', unit: 'dateTimeAsIso', width: 6, targets: [target(promql`max(${sel(p.configReloadTimestamp)}) * 1000`)] }),
    ]),
    row('Notifications', [
      timeseries({
        title: 'Alerts sent to Alertmanager',
        unit: UNITS.perSecond,
        alerts: ['PrometheusNotificationsDropped', 'PrometheusErrorSendingAlerts'],
        targets: [
          target(promql`sum(${rate(p.notificationsSent)})`, 'sent'),
          target(promql`sum(${rate(p.notificationsErrors)})`, 'errors'),
          target(promql`sum(${rate(p.notificationsDropped)})`, 'dropped'),
        ],
      }),
      timeseries({
        title: 'Notification queue',
        unit: UNITS.count,
        alerts: ['PrometheusNotificationQueueFull', 'PrometheusNotConnectedToAlertmanagers'],
        targets: [
          target(promql`max(${sel(p.notificationsQueueLength)})`, 'queued'),
          target(promql`max(${sel(p.notificationsQueueCapacity)})`, 'capacity'),
          target(promql`max(${sel(p.alertmanagersDiscovered)})`, 'alertmanagers'),
        ],
      }),
      timeseries({
        title: 'Alertmanager: alerts by state',
        unit: UNITS.count,
        targets: [
          target(promql`sum by (state) (${sel(am.alerts)})`, '{{state}}'),
          target(promql`sum by (state) (${sel(am.silences)})`, 'silences {{state}}'),
          target(promql`sum by (status) (${rate(am.alertsReceived)})`, 'received {{status}}/s'),
          target(promql`sum(${rate(am.alertsInvalid)})`, 'invalid/s'),
        ],
      }),
      timeseries({
        title: 'Alertmanager: notifications by integration',
        unit: UNITS.perSecond,
        alerts: ['AlertmanagerNotificationsFailing'],
        targets: [
          target(promql`sum by (integration) (${rate(am.notifications)})`, 'sent {{integration}}'),
          target(promql`sum by (integration) (${rate(am.notificationsFailed)})`, 'failed {{integration}}'),
        ],
      }),
      timeseries({
        title: 'Alertmanager: notification latency',
        unit: UNITS.seconds,
        targets: [target(promql`sum by (integration) (${rate(sumOf(am.notificationLatency))}) / sum by (integration) (${rate(countOf(am.notificationLatency))})`, '{{integration}}')],
      }),
      stat({ title: 'Alertmanager clustering', unit: UNITS.count, width: 6, targets: [target(promql`max(${sel(am.clusterEnabled)})`)] }),
    ]),
  ],
});
