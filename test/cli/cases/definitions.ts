/**
 * The invalid-definition suite: every way a definition can be wrong, run through the real CLI in
 * its own process (test/helpers/invalid.ts). Each must exit 1, name the file, the definition and
 * the rule, and leave the existing output byte-for-byte as it was.
 */
import { configWith, dashboardCase, dashboardFile, exporter, gaugeFile, metric, recording, rulesFile, type InvalidCase } from '../../helpers/invalid.ts';

export const CASES: InvalidCase[] = [
  { name: 'a syntax error in a catalogue file', files: { 'catalog/case.ts': 'export default defineDomain({ name: ' }, where: 'catalog/case.ts: file', rule: 'load', message: 'cannot load' },
  { name: 'a bucket helper called with bad arguments', files: metric("d: histogram({ name: 'd_seconds', help: 'h', unit: 'seconds', buckets: exponentialBuckets(0, 2, 5) }),"), where: 'catalog/case.ts: file', rule: 'load', message: 'exponentialBuckets: start must be > 0' },
  { name: 'a syntax error in the config file', files: { 'sextant.config.ts': 'export default {' }, where: 'sextant.config.ts: file', rule: 'load', message: 'cannot load' },
  { name: 'a catalogue file without a default export', files: { 'catalog/case.ts': 'export const x = 1;\n' }, where: 'catalog/case.ts: default export', rule: 'definition-shape', message: 'must `export default defineDomain' },
  { name: 'a domain name that is not snake_case', files: metric("a: counter({ name: 'a_total', help: 'h' }),", { name: 'Case-Domain' }), where: 'catalog/case.ts: Case-Domain', rule: 'definition-shape', message: 'must be snake_case' },
  { name: 'a domain defined in two files', files: metric("a: counter({ name: 'a_total', help: 'h' }),", { name: 'base' }), where: 'catalog/case.ts: base', rule: 'definition-shape', message: 'already defined in catalog/base.ts' },
  { name: 'a metric written as a plain object', files: metric("a: { name: 'a_total', help: 'h' },"), where: 'catalog/case.ts: case.a', rule: 'definition-shape', message: 'is not a metric' },
  { name: 'a counter without _total', files: metric("a: counter({ name: 'jobs_done', help: 'h' }),"), where: 'catalog/case.ts: app_jobs_done', rule: 'type-suffix', message: 'counters must end in _total' },
  { name: 'a gauge ending in _total', files: metric("a: gauge({ name: 'jobs_total', help: 'h' }),"), where: 'catalog/case.ts: app_jobs_total', rule: 'type-suffix', message: 'only counters end in _total' },
  { name: 'an application metric declared untyped', files: metric("a: untyped({ name: 'jobs', help: 'h' }),"), where: 'catalog/case.ts: app_jobs', rule: 'type-suffix', message: 'untyped metrics are only for' },
  { name: 'a metric name with a hyphen', files: metric("a: gauge({ name: 'queue-length', help: 'h' }),"), where: 'catalog/case.ts: app_queue-length', rule: 'metric-name', message: 'may only contain ASCII letters' },
  { name: 'a metric name over 200 characters', files: metric(`a: gauge({ name: '${'q'.repeat(210)}', help: 'h' }),`), where: `catalog/case.ts: app_${'q'.repeat(210)}`, rule: 'metric-name', message: 'the limit is 200' },
  { name: 'an upstream metric with the reserved __ prefix', files: metric("a: gauge({ name: '__internal', help: 'h' }),", { owner: exporter }), where: 'catalog/case.ts: __internal', rule: 'metric-name', message: 'reserved for Prometheus internals' },
  { name: 'a metric name with a colon', files: metric("a: gauge({ name: 'job:depth', help: 'h' }),"), where: 'catalog/case.ts: app_job:depth', rule: 'metric-name', message: 'reserved for recording rule names' },
  { name: 'a duration in milliseconds', files: metric("a: histogram({ name: 'latency_milliseconds', help: 'h', buckets: [1, 10] }),"), where: 'catalog/case.ts: app_latency_milliseconds', rule: 'unit-suffix', message: 'measure in seconds' },
  { name: 'a name ending in _seconds without a declared unit', files: metric("a: gauge({ name: 'uptime_seconds', help: 'h' }),"), where: 'catalog/case.ts: app_uptime_seconds', rule: 'unit-suffix', message: "declare unit: 'seconds'" },
  { name: 'a declared unit the name does not end with', files: metric("a: gauge({ name: 'heap_size', help: 'h', unit: 'bytes' }),"), where: 'catalog/case.ts: app_heap_size', rule: 'unit-suffix', message: 'must end in _bytes' },
  { name: 'a percentage instead of a ratio', files: metric("a: gauge({ name: 'cpu_usage_percent', help: 'h' }),"), where: 'catalog/case.ts: app_cpu_usage_percent', rule: 'unit-suffix', message: 'measure in ratio' },
  { name: 'a label named le', files: metric("a: histogram({ name: 'd_seconds', help: 'h', unit: 'seconds', buckets: [1], labels: { le: ['1'] } }),"), where: 'catalog/case.ts: app_d_seconds', rule: 'label-names', message: "'le' is reserved" },
  { name: 'a label named instance', files: metric("a: gauge({ name: 'g', help: 'h', labels: { instance: ['a'] } }),"), where: 'catalog/case.ts: app_g', rule: 'label-names', message: "'instance' is reserved" },
  { name: 'a camelCase label', files: metric("a: gauge({ name: 'g', help: 'h', labels: { jobType: ['a'] } }),"), where: 'catalog/case.ts: app_g', rule: 'label-names', message: 'snake_case' },
  { name: 'a user_id label', files: metric("a: counter({ name: 'logins_total', help: 'h', labels: { user_id: bounded(100, 'few') } }),"), where: 'catalog/case.ts: app_logins_total', rule: 'label-values', message: "label 'user_id': is unbounded by nature" },
  { name: 'a label with neither values nor a bound', files: metric("a: counter({ name: 'a_total', help: 'h', labels: { route: 'string' } }),"), where: 'catalog/case.ts: app_a_total', rule: 'label-values', message: 'declares neither values nor a bound' },
  { name: 'a label value listed twice', files: metric("a: counter({ name: 'a_total', help: 'h', labels: { status: ['ok', 'ok'] } }),"), where: 'catalog/case.ts: app_a_total', rule: 'label-values', message: "value 'ok' is listed twice" },
  { name: 'a bound over the configured maximum', files: metric("a: counter({ name: 'a_total', help: 'h', labels: { shard: bounded(5000, 'shards') } }),"), where: 'catalog/case.ts: app_a_total', rule: 'label-values', message: 'exceeds limits.maxLabelBound' },
  { name: 'a bound without a reason', files: metric("a: counter({ name: 'a_total', help: 'h', labels: { shard: bounded(5, '') } }),"), where: 'catalog/case.ts: app_a_total', rule: 'label-values', message: 'needs a reason' },
  { name: 'buckets out of order', files: metric("a: histogram({ name: 'd_seconds', help: 'h', unit: 'seconds', buckets: [1, 0.5] }),"), where: 'catalog/case.ts: app_d_seconds', rule: 'buckets', message: 'strictly increasing' },
  { name: 'a negative duration bucket', files: metric("a: histogram({ name: 'd_seconds', help: 'h', unit: 'seconds', buckets: [-1, 1] }),"), where: 'catalog/case.ts: app_d_seconds', rule: 'buckets', message: 'buckets must be positive' },
  { name: 'a histogram without buckets', files: metric("a: histogram({ name: 'd_seconds', help: 'h', unit: 'seconds' }),"), where: 'catalog/case.ts: app_d_seconds', rule: 'buckets', message: 'a histogram needs buckets' },
  { name: 'a summary quantile above 1', files: metric("a: summary({ name: 'd_seconds', help: 'h', unit: 'seconds', quantiles: [0.5, 2] }),"), where: 'catalog/case.ts: app_d_seconds', rule: 'quantiles', message: 'quantile 2 is outside 0–1' },
  { name: "a gauge named like another file's histogram _count", files: metric("a: gauge({ name: 'request_duration_seconds_count', help: 'h' }),"), where: 'catalog/case.ts: app_request_duration_seconds_count', rule: 'series-collisions', message: 'collides with histogram app_request_duration_seconds (base.latency, catalog/base.ts)' },
  { name: 'an empty help text', files: metric("a: gauge({ name: 'g', help: '' }),"), where: 'catalog/case.ts: app_g', rule: 'help-text', message: 'help text is empty' },
  { name: 'a metric over the per-metric series budget', files: metric("a: counter({ name: 'a_total', help: 'h', labels: { x: bounded(200, 'x'), y: bounded(200, 'y') } }),"), where: 'catalog/case.ts: app_a_total', rule: 'series-budget', message: 'can create 40000 series' },
  { name: 'a catalogue over the total series budget', files: { 'sextant.config.ts': "import { defineConfig } from 'sextant';\nexport default defineConfig({ namespace: 'app', limits: { seriesTotal: 3 } });\n" }, where: 'catalog/: catalogue', rule: 'series-budget', message: 'over limits.seriesTotal (3)' },
  { name: 'a namespace that is not snake_case', files: { 'sextant.config.ts': "import { defineConfig } from 'sextant';\nexport default defineConfig({ namespace: 'Task-Forge' });\n" }, where: 'sextant.config.ts: namespace', rule: 'config', message: 'must be lowercase snake_case' },
];

CASES.push(
  { name: 'a query naming an unknown metric', files: rulesFile("expr: promql`rate(app_requests_totl[5m]) > 1`"), where: 'alerts/case.ts: alert RequestsHigh', rule: 'promql-unknown-metric', message: "unknown metric 'app_requests_totl'" },
  { name: 'a matcher on a label the metric lacks', files: rulesFile('expr: promql`rate(${requests}{status="500"}[5m]) > 1`'), where: 'alerts/case.ts: alert RequestsHigh', rule: 'promql-unknown-label', message: "label 'status' is not on app_requests_total" },
  { name: 'grouping by a label the metric lacks', files: rulesFile('expr: promql`sum by (status) (rate(${requests}[5m])) > 1`'), where: 'alerts/case.ts: alert RequestsHigh', rule: 'promql-unknown-label', message: "'sum by' names label 'status'" },
  { name: 'rate over a gauge', files: { ...gaugeFile, ...rulesFile('expr: promql`rate(app_depth[5m]) > 1`') }, where: 'alerts/case.ts: alert RequestsHigh', rule: 'promql-rate-type', message: 'rate() over gauge app_depth' },
  { name: 'histogram_quantile without le', files: rulesFile('expr: promql`histogram_quantile(0.9, sum by (route) (rate(${bucketOf(latency)}[5m]))) > 1`'), where: 'alerts/case.ts: alert RequestsHigh', rule: 'promql-histogram-quantile', message: "no 'le' label" },
  { name: 'a range window under four scrape intervals', files: rulesFile('expr: promql`rate(${requests}[30s]) > 1`'), where: 'alerts/case.ts: alert RequestsHigh', rule: 'promql-range-window', message: 'shorter than 4 scrape intervals' },
  { name: 'an alert without a firing test', files: rulesFile("tests: tests.filter((t) => t.kind !== 'fires')"), where: 'alerts/case.ts: alert RequestsHigh', rule: 'rule-tests', message: 'needs a test where it fires' },
  { name: 'an alert without a silent test', files: rulesFile("tests: tests.filter((t) => t.kind !== 'silent')"), where: 'alerts/case.ts: alert RequestsHigh', rule: 'rule-tests', message: 'needs a test where it stays silent' },
  { name: 'two alerts of one name', files: rulesFile('', { extraAlert: 'alert({ ...base_alert })' }), where: 'alerts/case.ts: alert RequestsHigh', rule: 'rule-names', message: 'alert RequestsHigh is already defined in alerts/case.ts' },
  { name: 'two recording rules of one name', files: rulesFile('', { recording: `${recording('job:requests:rate5m')}, ${recording('job:requests:rate5m')}` }), where: 'alerts/case.ts: recording rule job:requests:rate5m', rule: 'rule-names', message: 'already defined' },
  { name: 'a recording rule name off the convention', files: rulesFile('', { recording: recording('requests_rate5m') }), where: 'alerts/case.ts: recording rule requests_rate5m', rule: 'rule-names', message: 'level:metric:operations' },
  { name: 'an invalid for duration', files: rulesFile("for: '5 minutes'"), where: 'alerts/case.ts: alert RequestsHigh', rule: 'alert-fields', message: "for '5 minutes' is not a Prometheus duration" },
  { name: 'a severity outside the set', files: rulesFile("severity: 'page'"), where: 'alerts/case.ts: alert RequestsHigh', rule: 'alert-fields', message: "severity 'page' is not one of critical, warning, info" },
  { name: 'an annotation template that does not parse', files: rulesFile("summary: 'High on {{ $labels.route'"), where: 'alerts/case.ts: alert RequestsHigh', rule: 'annotation-templates', message: 'is never closed' },
  { name: 'a rules file without a default export', files: { 'alerts/case.ts': 'export const rules = [];\n' }, where: 'alerts/case.ts: default export', rule: 'definition-shape', message: 'must `export default defineRules' },
);

CASES.push(
  { name: 'a panel querying an unknown metric', files: dashboardCase("timeseries({ title: 'Bad', unit: 'short', targets: [target(promql`sum(app_request_totl)`)] })"), where: 'dashboards/case.ts: dashboard app-case panel "Bad"', rule: 'promql-unknown-metric', message: "query A: unknown metric 'app_request_totl'" },
  { name: 'a panel grouping by an unknown label', files: dashboardCase("timeseries({ title: 'Bad', unit: 'short', targets: [target(promql`sum by (status) (rate(${requests}[$__rate_interval]))`)] })"), where: 'dashboards/case.ts: dashboard app-case panel "Bad"', rule: 'promql-unknown-label', message: "'sum by' names label 'status'" },
  { name: 'two dashboards with one uid', files: { ...dashboardCase(''), 'dashboards/case_again.ts': dashboardFile('') }, where: 'dashboards/case_again.ts: dashboard app-case', rule: 'dashboard-uids', message: "uid 'app-case' is also the uid of the dashboard in dashboards/case.ts" },
  { name: 'overlapping panels', files: dashboardCase("timeseries({ title: 'Bad', unit: 'short', gridPos: { x: 6, y: 2, w: 12, h: 8 }, targets: [target(promql`sum(${requests})`)] })"), where: 'dashboards/case.ts: dashboard app-case panel "Bad"', rule: 'dashboard-grid', message: 'overlaps panel "Requests"' },
  { name: 'a panel without a unit', files: dashboardCase("timeseries({ title: 'Bad', targets: [target(promql`sum(${requests})`)] })"), where: 'dashboards/case.ts: dashboard app-case panel "Bad"', rule: 'dashboard-units', message: 'has no unit' },
  { name: 'a rate over a fixed window on a panel', files: dashboardCase("timeseries({ title: 'Bad', unit: 'reqps', targets: [target(promql`sum(rate(${requests}[5m]))`)] })"), where: 'dashboards/case.ts: dashboard app-case panel "Bad"', rule: 'dashboard-rate-interval', message: 'rate() over [5m]; use [$__rate_interval]' },
);

CASES.push(
  { name: 'a selector label that is not a Kubernetes label', files: configWith("kubernetes: { ruleLabels: { 'team name': 'a' } }"), where: 'sextant.config.ts: kubernetes.ruleLabels', rule: 'kubernetes-config', message: "'team name' is not a Kubernetes label key" },
  { name: 'a namespace that is not a DNS-1123 label', files: configWith("kubernetes: { namespace: 'Monitoring_NS' }"), where: 'sextant.config.ts: kubernetes.namespace', rule: 'kubernetes-config', message: "'Monitoring_NS' is not a valid namespace" },
  { name: 'a scrape job whose pod label is not a Kubernetes label', files: { 'scrape/case.ts': "import { defineScrapeJob } from 'sextant';\nexport default defineScrapeJob({ name: 'shop', targets: { compose: ['shop:8080'], hosts: ['127.0.0.1:8080'] }, sampleLimit: { samples: 100, reason: 'r' }, kubernetes: { podLabels: { 'app name': 'shop' } } });\n" }, where: 'scrape/case.ts: scrape job shop', rule: 'scrape-jobs', message: "'app name' is not a Kubernetes label key" },
  { name: 'a Kubernetes image without a pinned tag', files: configWith("kubernetes: { images: { prometheus: 'prom/prometheus:latest' } }"), where: 'sextant.config.ts: kubernetes.images.prometheus', rule: 'kubernetes-config', message: "'prom/prometheus:latest' is not an image with a pinned tag" },
  { name: 'a remote-write URL that is not a URL', files: configWith("prometheus: { remoteWrite: { url: 'mimir:9009/api/v1/push' } }"), where: 'sextant.config.ts: prometheus.remoteWrite.url', rule: 'kubernetes-config', message: "'mimir:9009/api/v1/push' is not an http(s) URL" },
);
