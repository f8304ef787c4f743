/**
 * Invalid queries: PromQL that parses and names catalogue metrics, but means nothing or the wrong
 * thing (a gauge under rate(), φ = 95, a label value the catalogue never declares, a level naming
 * a label the rule drops, a rule feeding on itself, a window shorter than its job's scrapes). Each
 * runs through the real CLI (test/helpers/invalid.ts).
 */
import { dashboardCase, gaugeFile, recording, rulesFile, type InvalidCase } from '../../helpers/invalid.ts';

export const alertAt = 'alerts/case.ts: alert RequestsHigh';
export const panelAt = 'dashboards/case.ts: dashboard app-case panel "Bad"';
export const panel = (query: string) => dashboardCase(`timeseries({ title: 'Bad', unit: 'short', targets: [target(promql\`${query}\`)] })`);
export const rule = (record: string, expr: string) => `recordingRule({ record: '${record}', expr: promql\`${expr}\`, tests: [evaluates('runs', { at: '10m', series, samples: [] })] })`;
/** A scrape job that scrapes the base domain every minute. */
export const slowJob = {
  'scrape/case.ts': `import { defineScrapeJob } from 'sextant';
import base from '../catalog/base.ts';
export default defineScrapeJob({ name: 'slow', interval: '1m', timeout: '10s', targets: { compose: ['slow:8080'], hosts: ['127.0.0.1:8080'] }, exposes: [base] });
`,
};

export const CASES: InvalidCase[] = [
  { name: 'an unclosed parenthesis', files: rulesFile('expr: promql`rate(${requests}[5m] > 0.5`'), where: alertAt, rule: 'promql-syntax', message: 'syntax error at character 34: unexpected end of expression' },
  // rate() of a gauge, however it is hidden, and the converse.
  { name: 'rate over a subquery of a gauge', files: { ...gaugeFile, ...rulesFile('expr: promql`rate(app_depth[5m:1m]) > 1`') }, where: alertAt, rule: 'promql-rate-type', message: 'rate() over gauge app_depth in rate(app_depth[5m:1m])' },
  { name: 'increase over a gauge moved by offset', files: { ...gaugeFile, ...rulesFile('expr: promql`increase((app_depth[10m] offset 1h)) > 1`') }, where: alertAt, rule: 'promql-rate-type', message: 'increase() over gauge app_depth' },
  {
    name: 'rate over a recording rule that records a gauge',
    files: { ...gaugeFile, ...rulesFile('expr: promql`rate(job:app_depth:max[5m]) > 1`', { recording: rule('job:depth:max', 'max by (job) (app_depth)') }) },
    where: alertAt,
    rule: 'promql-rate-type',
    message: 'rate() over recording rule job:app_depth:max in rate(job:app_depth:max[5m]): the rule records a level',
  },
  { name: 'deriv over a counter', files: rulesFile('expr: promql`deriv(${requests}[5m]) > 1`'), where: alertAt, rule: 'promql-rate-type', message: 'deriv() over counter app_requests_total' },
  // φ outside 0–1.
  { name: 'a percentile written as a percentage', files: rulesFile('expr: promql`histogram_quantile(95, sum by (le) (rate(${bucketOf(latency)}[5m]))) > 1`'), where: alertAt, rule: 'promql-quantile-range', message: 'histogram_quantile() with φ 95' },
  { name: 'a negative quantile_over_time on a panel', files: panel('quantile_over_time(-0.5, ${requests}[$__rate_interval])'), where: panelAt, rule: 'promql-quantile-range', message: 'query A: quantile_over_time() with φ -0.5' },
  // Label values the catalogue does not declare.
  { name: 'a matcher on an undeclared label value', files: rulesFile('expr: promql`rate(${requests}{route="/c"}[5m]) > 1`'), where: alertAt, rule: 'promql-label-value', message: 'route="/c" in app_requests_total{route="/c"} matches nothing' },
  { name: 'a panel regex matching no declared value', files: panel('sum(rate(${requests}{route=~"/x.*"}[$__rate_interval]))'), where: panelAt, rule: 'promql-label-value', message: 'route=~"/x.*"' },
  { name: 'a negative matcher that excludes nothing', files: rulesFile('expr: promql`rate(${requests}{route!="/c"}[5m]) > 1`'), where: alertAt, rule: 'promql-label-value', message: 'excludes nothing' },
  {
    name: 'an undeclared value on a recording rule that keeps a catalogue label',
    files: rulesFile('expr: promql`job_route:app_requests:rate5m{route="/c"} > 1`', { recording: rule('job_route:requests:rate5m', 'sum by (job, route) (rate(${requests}[5m]))') }),
    where: alertAt,
    rule: 'promql-label-value',
    message: 'route="/c" in job_route:app_requests:rate5m{route="/c"} matches nothing',
  },
  // The level of a recording rule against what its result keeps.
  { name: 'a level naming a label the rule aggregates away', files: rulesFile('', { recording: recording('job_route:requests:rate5m') }), where: 'alerts/case.ts: recording rule job_route:requests:rate5m', rule: 'rule-levels', message: "level 'job_route' names 'route', which the expression does not keep" },
  // Cycles between recording rules.
  {
    name: 'two recording rules reading each other',
    files: rulesFile('', { recording: `${rule('job:requests:a', 'sum by (job) (job:app_requests:b)')}, ${rule('job:requests:b', 'sum by (job) (job:app_requests:a)')}` }),
    where: 'alerts/case.ts: recording rule job:requests:a',
    rule: 'rule-cycles',
    message: 'job:requests:a → job:requests:b → job:requests:a',
  },
  // Windows against the job's own scrape interval.
  { name: "a window shorter than four of its job's scrapes", files: { ...slowJob, ...rulesFile('expr: promql`rate(${requests}[2m]) > 0.5`') }, where: alertAt, rule: 'promql-range-window', message: 'range window [2m] over app_requests_total is shorter than 4 scrape intervals (240s: app_requests_total is scraped every 60s)' },
  { name: 'a subquery of fewer than four steps', files: rulesFile('expr: promql`max_over_time(rate(${requests}[5m])[3m:1m]) > 0.5`'), where: alertAt, rule: 'promql-range-window', message: 'subquery range [3m:1m] over rate(app_requests_total[5m]) is shorter than 4 steps' },
  { name: 'resets over a gauge', files: { ...gaugeFile, ...rulesFile('expr: promql`resets(app_depth[10m]) > 1`') }, where: alertAt, rule: 'promql-rate-type', message: 'resets() over gauge app_depth in resets(app_depth[10m]): resets only makes sense for counters; use changes() for a gauge' },
];
