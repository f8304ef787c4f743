/**
 * Prometheus's own metrics (meta-monitoring), and the series it writes itself for every target it
 * scrapes (`up`, `scrape_*`) and every alert it holds (`ALERTS`): those are Prometheus's too, so
 * they come with this pack; a project's own alerts on `up` import `scrape` from here.
 */
import { bounded, counter, defineDomain, gauge, summary, upstream } from '../../index.ts';

/** The Prometheus release the names, types and labels were taken from. */
export const PROMETHEUS_VERSION = '2.53.4';

const ruleGroup = bounded(64, 'one per rule group loaded');
const alertmanager = bounded(8, 'one per Alertmanager Prometheus sends to');
const buildValue = bounded(1, 'one build per process');

export const domain = defineDomain({
  name: 'prometheus',
  title: 'Prometheus (meta-monitoring)',
  description: "Prometheus's own metrics, for the meta-monitoring alerts: config reloads, rule evaluation, notification delivery and the TSDB.",
  owner: upstream('prometheus', PROMETHEUS_VERSION, 'a live Prometheus 2.53 (Debian trixie\'s prometheus, the minor of the image prom/prometheus:v2.53.4), compared in test/packs/prometheus.test.ts and test/upstream/servers.test.ts', {
    uncataloguedPrefixes: ['prometheus_', 'go_', 'process_', 'promhttp_', 'net_conntrack_'],
  }),
  metrics: {
    configReloadSuccessful: gauge({ name: 'prometheus_config_last_reload_successful', help: 'Whether the last configuration reload attempt was successful.' }),
    configReloadTimestamp: gauge({ name: 'prometheus_config_last_reload_success_timestamp_seconds', help: 'Timestamp of the last successful configuration reload.', unit: 'seconds' }),
    ruleEvaluationFailures: counter({ name: 'prometheus_rule_evaluation_failures_total', help: 'The total number of rule evaluation failures.', labels: { rule_group: ruleGroup } }),
    ruleGroupLastDuration: gauge({ name: 'prometheus_rule_group_last_duration_seconds', help: 'The duration of the last rule evaluation.', unit: 'seconds', labels: { rule_group: ruleGroup } }),
    ruleGroupInterval: gauge({ name: 'prometheus_rule_group_interval_seconds', help: 'The interval of a rule group.', unit: 'seconds', labels: { rule_group: ruleGroup } }),
    ruleGroupIterationsMissed: counter({ name: 'prometheus_rule_group_iterations_missed_total', help: 'The total number of rule group evaluations missed due to slow rule group evaluation.', labels: { rule_group: ruleGroup } }),
    notificationsDropped: counter({ name: 'prometheus_notifications_dropped_total', help: 'Total number of alerts dropped due to errors when sending to Alertmanager.' }),
    notificationsErrors: counter({ name: 'prometheus_notifications_errors_total', help: 'Total number of errors sending alert notifications.', labels: { alertmanager } }),
    notificationsSent: counter({ name: 'prometheus_notifications_sent_total', help: 'Total number of alerts sent.', labels: { alertmanager } }),
    notificationsQueueLength: gauge({ name: 'prometheus_notifications_queue_length', help: 'The number of alert notifications in the queue.' }),
    notificationsQueueCapacity: gauge({ name: 'prometheus_notifications_queue_capacity', help: 'The capacity of the alert notifications queue.' }),
    alertmanagersDiscovered: gauge({ name: 'prometheus_notifications_alertmanagers_discovered', help: 'The number of alertmanagers discovered and active.' }),
    headSeries: gauge({ name: 'prometheus_tsdb_head_series', help: 'Total number of series in the head block.' }),
    headSamplesAppended: counter({ name: 'prometheus_tsdb_head_samples_appended_total', help: 'Total number of appended samples.', labels: { type: ['float', 'histogram'] } }),
    compactionsFailed: counter({ name: 'prometheus_tsdb_compactions_failed_total', help: 'Total number of compactions that failed for the partition.' }),
    walCorruptions: counter({ name: 'prometheus_tsdb_wal_corruptions_total', help: 'Total number of WAL corruptions.' }),
    scrapesExceededSampleLimit: counter({ name: 'prometheus_target_scrapes_exceeded_sample_limit_total', help: 'Total number of scrapes that hit the sample limit and were rejected.' }),
    httpRequests: counter({
      name: 'prometheus_http_requests_total',
      help: 'Counter of HTTP requests.',
      labels: { code: bounded(16, 'HTTP status codes Prometheus answers with'), handler: bounded(64, 'one per API or UI route') },
      labelSets: bounded(256, 'each handler answers with a few status codes'),
    }),
    queryDuration: summary({
      name: 'prometheus_engine_query_duration_seconds',
      help: 'Query timings',
      unit: 'seconds',
      labels: { slice: ['inner_eval', 'prepare_time', 'queue_time', 'result_sort'] },
      quantiles: [0.5, 0.9, 0.99],
    }),
    buildInfo: gauge({
      name: 'prometheus_build_info',
      help: 'A metric with a constant \'1\' value labeled by version, revision, branch, and goversion from which prometheus was built.',
      labels: { branch: buildValue, goarch: buildValue, goos: buildValue, goversion: buildValue, revision: buildValue, tags: buildValue, version: buildValue },
    }),
  },
});

export const scrape = defineDomain({
  name: 'scrape',
  title: 'Scrape health (per target)',
  description:
    'Series Prometheus writes for every target it scrapes, labelled only with the target labels (job, instance). ' +
    '`up == 0` is the target-down alert: a scraped service is unreachable.',
  owner: upstream('prometheus', PROMETHEUS_VERSION, 'the series Prometheus records for every scrape (prometheus.io/docs, "Jobs and instances")', { synthetic: true }),
  metrics: {
    up: gauge({ name: 'up', help: '1 if the last scrape of the target succeeded, 0 if it failed.' }),
    scrapeDuration: gauge({ name: 'scrape_duration_seconds', help: 'How long the last scrape of the target took.', unit: 'seconds' }),
    samplesScraped: gauge({ name: 'scrape_samples_scraped', help: 'Samples the target exposed in the last scrape.' }),
    samplesPostRelabeling: gauge({ name: 'scrape_samples_post_metric_relabeling', help: 'Samples left after metric relabelling in the last scrape.' }),
    seriesAdded: gauge({ name: 'scrape_series_added', help: 'New series the last scrape created.' }),
  },
});

export const alertSeries = defineDomain({
  name: 'alert_series',
  title: 'Alert state (written by Prometheus)',
  description:
    'The series Prometheus writes for every pending or firing alert; the firing-alerts panels read them. Besides these ' +
    'labels, each series carries the labels of its alert (job, instance, queue…), which vary from alert to alert.',
  owner: upstream('prometheus', PROMETHEUS_VERSION, 'the ALERTS series of Prometheus alerting rules (prometheus.io/docs, "Inspecting alerts during runtime")', {
    synthetic: true,
  }),
  metrics: {
    alerts: gauge({
      name: 'ALERTS',
      help: '1 for every alert that is pending or firing, labelled with the alert name, its state and its labels.',
      labels: {
        alertname: bounded(128, 'one per alerting rule'),
        alertstate: ['pending', 'firing'],
        severity: ['critical', 'warning', 'info'],
      },
    }),
    alertsForState: gauge({
      name: 'ALERTS_FOR_STATE',
      help: 'When each pending or firing alert became active, as a Unix time, so alerts survive a Prometheus restart.',
      unit: 'seconds',
      labels: { alertname: bounded(128, 'one per alerting rule'), severity: ['critical', 'warning', 'info'] },
      notDashboarded: 'internal state of the rule manager',
    }),
  },
});
