/**
 * The invalid-definition suite for structure, scrape and config, collisions after normalisation,
 * and how problems are reported (cause first): each case through the real CLI
 * (test/helpers/invalid.ts), plus the order of stderr when one cause has consequences.
 */
import { configWith, dashboardCase, metric, rulesFile, type InvalidCase } from '../../helpers/invalid.ts';

/** A scrape job `scrape/<file>.ts`; `fields` are spread into a valid job exposing the base domain. */
export const scrapeFile = (fields: string, file = 'case', exposes = '[base]') => ({
  [`scrape/${file}.ts`]: `import { defineScrapeJob } from 'sextant';
import base from '../catalog/base.ts';
export default defineScrapeJob({ name: 'shop', targets: { compose: ['shop:8080'], hosts: ['127.0.0.1:8080'] }, exposes: ${exposes}, ${fields} });
`,
});
/** The rules file of the base suite, reading a threshold of the config. */
export const rulesReadingThreshold = (threshold: string) => ({
  'alerts/case.ts': `import config from '../sextant.config.ts';\n${rulesFile(`expr: promql\`rate(\${requests}[5m]) > \${config.alerts.thresholds.${threshold}}\``)['alerts/case.ts']}`,
});
export const configWithThreshold = (alerts: string) => configWith(`alerts: { ${alerts} }`);

export const STRUCTURE: InvalidCase[] = [
  { name: 'a domain with no metrics', files: metric(''), where: 'catalog/case.ts: case', rule: 'definition-shape', message: 'domain has no metrics' },
  { name: 'two metrics under one key of a domain', files: metric("a: counter({ name: 'a_total', help: 'h' }),\n    a: gauge({ name: 'g', help: 'h' }),"), where: 'catalog/case.ts: key a (line 9)', rule: 'duplicate-keys', message: "'a' is written twice in one object (first on line 8); JavaScript silently keeps only the last one" },
  { name: 'a label declared twice on one metric', files: metric("a: counter({ name: 'a_total', help: 'h', labels: { route: ['/a'], route: ['/b'] } }),"), where: 'catalog/case.ts: key route (line 8)', rule: 'duplicate-keys', message: "'route' is written twice" },
  { name: 'an alert field written twice', files: rulesFile("for: '5m', for: '5m'"), where: 'alerts/case.ts: key for (line 19)', rule: 'duplicate-keys', message: "'for' is written twice" },
  { name: 'a threshold written twice in the config', files: configWithThreshold('thresholds: { errors: 1, errors: 2 }'), where: 'sextant.config.ts: key errors (line 2)', rule: 'duplicate-keys', message: "'errors' is written twice" },
  { name: 'a misspelt labels option of a metric', files: metric("a: counter({ name: 'a_total', help: 'h', lables: { route: ['/a'] } } as never),"), where: 'catalog/case.ts: app_a_total', rule: 'definition-shape', message: "unknown key 'lables' in the counter() options, so it would be ignored: did you mean 'labels'?" },
  {
    name: 'an application label the Kubernetes pod discovery sets',
    files: { ...metric("a: counter({ name: 'a_total', help: 'h', labels: { pod: ['a', 'b'] } }),"), ...scrapeFile('', 'shop'), 'scrape/shop.ts': scrapeFile('', 'shop')['scrape/shop.ts']!.replace("import base from '../catalog/base.ts';", "import base from '../catalog/case.ts';") },
    where: 'catalog/case.ts: app_a_total',
    rule: 'target-labels',
    message: "label 'pod' is also a target label: the plain Kubernetes pod discovery of scrape job shop (scrape/shop.ts) sets 'pod', so Prometheus would rename this one exported_pod",
  },
  { name: 'a rules file with nothing in it', files: { 'alerts/case.ts': "import { defineRules } from 'sextant';\nexport default defineRules({ name: 'case', title: 'Case', recording: [], alerts: [] });\n" }, where: 'alerts/case.ts: case', rule: 'definition-shape', message: 'rules file has no alerts and no recording rules: add them, or delete the file' },
  { name: 'a rules file titled with a zero-width space', files: { 'alerts/case.ts': rulesFile('')['alerts/case.ts']!.replace("title: 'Case'", "title: '\\u200b'") }, where: 'alerts/case.ts: case', rule: 'definition-shape', message: 'title is empty or has no visible characters' },
  { name: 'a domain description of spaces', files: { 'catalog/case.ts': metric("a: gauge({ name: 'g', help: 'h' }),")['catalog/case.ts']!.replace("description: 'The definition under test.'", "description: '   '") }, where: 'catalog/case.ts: case', rule: 'definition-shape', message: 'description has no visible characters' },
];

export const SCRAPE_AND_CONFIG: InvalidCase[] = [
  { name: 'a target on port 65536', files: scrapeFile("targets: { compose: ['shop:8080'], hosts: ['127.0.0.1:65536'] }"), where: 'scrape/case.ts: scrape job shop', rule: 'scrape-jobs', message: "target '127.0.0.1:65536' (hosts) has port 65536, outside 1–65535" },
  { name: 'a target on port 0', files: scrapeFile("targets: { compose: ['shop:8080'], hosts: ['127.0.0.1:0'] }"), where: 'scrape/case.ts: scrape job shop', rule: 'scrape-jobs', message: 'has port 0, outside 1–65535' },
  { name: 'a misspelt key of a scrape job', files: scrapeFile("metricPath: '/stats'"), where: 'scrape/case.ts: scrape job shop', rule: 'definition-shape', message: "unknown key 'metricPath' in defineScrapeJob(), so it would be ignored: did you mean 'metricsPath'?" },
  { name: 'a metrics path with a query string', files: scrapeFile("metricsPath: '/metrics?format=text'"), where: 'scrape/case.ts: scrape job shop', rule: 'scrape-jobs', message: "metrics path '/metrics?format=text' holds a query string" },
  { name: 'credentials in a webhook URL', files: configWith("alertmanager: { pageWebhookUrl: 'https://bot:s3cret@hooks.example.com/page' }"), where: 'sextant.config.ts: alertmanager.pageWebhookUrl', rule: 'config', message: 'carries credentials (user:password@), which would be written in clear' },
  { name: 'credentials in the remote-write URL', files: configWith("prometheus: { remoteWrite: { url: 'https://user:pw@mimir.example.com/api/v1/push' } }"), where: 'sextant.config.ts: prometheus.remoteWrite.url', rule: 'kubernetes-config', message: 'prometheus.remoteWrite.bearerTokenFile' },
  { name: 'a scrape job exposing a domain that is not there', files: scrapeFile('', 'case', '[base, base.domains]'), where: 'scrape/case.ts: scrape job shop', rule: 'definition-shape', message: 'exposes must list catalogue domains' },
  { name: 'a misspelt config section', files: configWith("alertmanger: { pageWebhookUrl: 'http://x:1/' }"), where: 'sextant.config.ts: alertmanger', rule: 'config-keys', message: "unknown key 'alertmanger' in the config, so it would be ignored: did you mean 'alertmanager'?" },
  { name: 'a misspelt thresholds object', files: configWithThreshold('thresholdz: { errors: 1 }'), where: 'sextant.config.ts: alerts.thresholdz', rule: 'config-keys', message: "did you mean 'thresholds'?" },
  { name: 'a misspelt key deep in the config', files: configWith("kubernetes: { images: { prometeus: 'prom/prometheus:v2.53.4' } }"), where: 'sextant.config.ts: kubernetes.images.prometeus', rule: 'config-keys', message: "did you mean 'prometheus'?" },
  { name: 'a retention of zero days', files: configWith("kubernetes: { retention: '0d' }"), where: 'sextant.config.ts: kubernetes.retention', rule: 'kubernetes-config', message: "'0d' is not a Prometheus duration longer than 0" },
  { name: 'a runbook base URL that already has a fragment', files: configWithThreshold("runbookBaseUrl: 'https://wiki.example.com/alerts#list'"), where: 'sextant.config.ts: alerts.runbookBaseUrl', rule: 'config', message: 'the generator appends #<alert anchor> to it' },
  { name: 'a datasource URL with a query string', files: configWith("grafana: { prometheusUrl: 'http://prometheus:9090?x=1' }"), where: 'sextant.config.ts: grafana.prometheusUrl', rule: 'config', message: 'Grafana appends API paths to it' },
  { name: 'a datasource URL on port 0', files: configWith("grafana: { prometheusUrl: 'http://prometheus:0' }"), where: 'sextant.config.ts: grafana.prometheusUrl', rule: 'config', message: "'http://prometheus:0' has port 0, where nothing can listen" },
  { name: 'a metrics path already percent-encoded', files: scrapeFile("metricsPath: '/a%20b'"), where: 'scrape/case.ts: scrape job shop', rule: 'scrape-jobs', message: "metrics path '/a%20b' holds a percent-encoding, which Prometheus escapes again" },
  { name: 'a sample limit whose reason is only spaces', files: scrapeFile("sampleLimit: { samples: 100, reason: '  ' }"), where: 'scrape/case.ts: scrape job shop', rule: 'scrape-jobs', message: "sampleLimit's reason has no visible characters" },
  { name: 'a webhook URL with a line break in it', files: configWith("alertmanager: { pageWebhookUrl: 'https://hooks.example.com/a\\nb' }"), where: 'sextant.config.ts: alertmanager.pageWebhookUrl', rule: 'config', message: 'holds a space, tab, line break or control character' },
];

export const COLLISIONS: InvalidCase[] = [
  {
    name: 'two scrape jobs whose names differ only in case',
    files: { ...scrapeFile('', 'a'), 'scrape/b.ts': scrapeFile('', 'b')['scrape/b.ts']!.replace("name: 'shop'", "name: 'Shop'").replace(/8080/g, '8081') },
    where: 'scrape/b.ts: scrape job Shop',
    rule: 'generated-names',
    message: "PodMonitor name 'app-shop' is also the one of scrape job shop (scrape/a.ts) once normalised",
  },
  {
    name: 'two rules files whose names differ by a doubled underscore',
    files: {
      'alerts/case.ts': rulesFile('')['alerts/case.ts']!.replace("name: 'case'", "name: 'shop_api'"),
      'alerts/other.ts': rulesFile('')['alerts/case.ts']!.replace("name: 'case'", "name: 'shop__api'").replace("name: 'RequestsHigh'", "name: 'OtherHigh'"),
    },
    where: 'alerts/other.ts: rules shop__api',
    rule: 'generated-names',
    message: "PrometheusRule name 'app-shop-api' is also the one of rules shop_api (alerts/case.ts) once normalised",
  },
  {
    name: 'two alerts whose names differ only in case',
    files: rulesFile('', { extraAlert: "alert({ ...base_alert, name: 'Requestshigh' })" }),
    where: 'alerts/case.ts: alert Requestshigh',
    rule: 'generated-names',
    message: "runbook anchor '#requestshigh' is also the one of alert RequestsHigh (alerts/case.ts) once normalised; rename one of them so their names differ after lower-casing",
  },
];

export const MESSAGES: InvalidCase[] = [
  {
    name: 'a catalogue file reading a property of something undefined',
    files: metric("a: counter({ name: 'a_total', help: 'h', labels: { route: ({} as { routes?: { values: string[] } }).routes!.values } }),"),
    where: 'catalog/case.ts: file',
    rule: 'load',
    message: "cannot load: Cannot read properties of undefined (reading 'values') (at catalog/case.ts:8)",
  },
  { name: 'an alert reading a threshold the config does not have', files: rulesReadingThreshold('requestsHigh'), where: 'alerts/case.ts: file', rule: 'load', message: 'the value interpolated after promql`rate(${…}[5m]) >` is undefined: it reads a metric, rule or threshold that does not exist (renamed or removed?) (at alerts/case.ts:20)' },
  { name: 'an alert test reading a metric the catalogue no longer has', files: rulesFile("tests: [silent('none', { at: '10m', series: [input(base.metrics.removed, target, '0x20')] })]"), where: 'alerts/case.ts: file', rule: 'load', message: 'the metric of input() is undefined' },
  { name: 'a panel reading a metric the catalogue no longer has', files: dashboardCase("timeseries({ title: 'Bad', unit: 'short', targets: [target(promql`sum(${base.metrics.requestz})`)] })"), where: 'dashboards/case.ts: file', rule: 'load', message: '(at dashboards/case.ts:' },
];

/** A panel the base dashboard accepts, with `extra` options spread in. */
export const panelWith = (extra: string) => `timeseries({ title: 'Extra', unit: 'reqps', targets: [target(promql\`sum(rate(\${requests}{job=~"$job", instance=~"$instance"}[$__rate_interval]))\`)], ${extra} } as never)`;
export const MISSPELT: InvalidCase[] = [
  { name: 'a misspelt alert field', files: rulesFile("sumary: 's'"), where: 'alerts/case.ts: alert RequestsHigh', rule: 'definition-shape', message: "unknown key 'sumary' in alert(), so it would be ignored: did you mean 'summary'?" },
  { name: 'a misspelt runbook field', files: rulesFile("runbook: { meaning: 'm', cuases: ['c'], causes: ['c'], checks: ['k'] }"), where: 'alerts/case.ts: alert RequestsHigh', rule: 'definition-shape', message: "unknown key 'cuases' in the runbook, so it would be ignored: did you mean 'causes'?" },
  { name: 'a misspelt option of a test', files: rulesFile("tests: [...tests, silent('quiet', { at: '10m', series, sereis: series } as never)]"), where: "alerts/case.ts: alert RequestsHigh, test 'quiet'", rule: 'definition-shape', message: "unknown key 'sereis' in the test options, so it would be ignored: did you mean 'series'?" },
  {
    name: 'a misspelt option of a recording rule',
    files: rulesFile('', { recording: "recordingRule({ record: 'job:requests:rate5m', expr: promql`sum by (job) (rate(${requests}[5m]))`, tests: [evaluates('sums', { at: '10m', series, samples: [{ labels: { job: 'a' }, value: 1 }] })], test: [] } as never)" }),
    where: 'alerts/case.ts: recording rule job:requests:rate5m',
    rule: 'definition-shape',
    message: "unknown key 'test' in recordingRule(), so it would be ignored: did you mean 'tests'?",
  },
  { name: 'a misspelt key of defineRules', files: { 'alerts/case.ts': rulesFile('')['alerts/case.ts']!.replace("title: 'Case',", "title: 'Case', alert: [],") }, where: 'alerts/case.ts: case', rule: 'definition-shape', message: "unknown key 'alert' in defineRules(), so it would be ignored: did you mean 'alerts'?" },
  { name: 'a misspelt panel option', files: dashboardCase(panelWith("unti: 'reqps'")), where: 'dashboards/case.ts: case panel "Extra"', rule: 'definition-shape', message: "unknown key 'unti' in the panel options, so it would be ignored: did you mean 'unit'?" },
  { name: 'a misspelt target option', files: dashboardCase("stat({ title: 'Now', unit: 'reqps', targets: [target(promql`sum(rate(${requests}{job=~\"$job\", instance=~\"$instance\"}[$__rate_interval]))`, '', { instnt: true } as never)] })"), where: 'dashboards/case.ts: case panel "Now"', rule: 'definition-shape', message: "unknown key 'instnt' in the target() options, so it would be ignored: did you mean 'instant'?" },
  { name: 'a misspelt dashboard key', files: dashboardCase('', "{ varaibles: [] }"), where: 'dashboards/case.ts: case', rule: 'definition-shape', message: "unknown key 'varaibles' in defineDashboard(), so it would be ignored: did you mean 'variables'?" },
];
