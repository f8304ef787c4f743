/** Dashboards Grafana's dashboard linter would report, refused by the real CLI with the linter's rule named. */
import { dashboardCase, rulesFile, type InvalidCase } from '../../helpers/invalid.ts';

export const where = 'dashboards/case.ts: dashboard app-case panel "Bad"';
export const perInstance =
  "recordingRule({ record: 'job_instance:requests:rate5m', expr: promql`sum by (job, instance) (rate(${requests}[5m]))`, tests: [evaluates('sums', { at: '10m', series, samples: [{ labels: target, value: 1 }] })] })";
export const narrowed = '{job=~"$job", instance=~"$instance"}';

export const CASES: InvalidCase[] = [
  {
    name: 'a panel over a per-instance recording rule that ignores the instance picker',
    files: { ...rulesFile('', { recording: perInstance }), ...dashboardCase("timeseries({ title: 'Bad', unit: 'reqps', targets: [target(promql`sum(job_instance:app_requests:rate5m{job=~\"$job\"})`)] })") },
    where,
    rule: 'dashboard-lint',
    message: 'query A: instance selector not found (target-instance-rule)',
  },
  {
    name: 'a panel whose selector is not narrowed by the job picker',
    files: dashboardCase("timeseries({ title: 'Bad', unit: 'reqps', targets: [target(promql`sum(rate(${requests}{instance=~\"$instance\"}[$__rate_interval]))`)] })"),
    where,
    rule: 'dashboard-lint',
    message: 'query A: job selector not found (target-job-rule)',
  },
  {
    name: 'a counter shown without rate',
    files: dashboardCase("timeseries({ title: 'Bad', unit: 'short', spansJobs: 'every job', targets: [target(promql`sum(${requests})`)] })"),
    where,
    rule: 'dashboard-lint',
    message: "counter metric 'app_requests_total' is not aggregated with rate, irate, or increase (target-counter-agg-rule)",
  },
  {
    name: 'a panel with an empty description',
    files: dashboardCase(`timeseries({ title: 'Bad', description: '', unit: 'reqps', targets: [target(promql\`sum(rate(\${requests}${narrowed}[$__rate_interval]))\`)] })`),
    where,
    rule: 'dashboard-lint',
    message: 'has missing title or description',
  },
  {
    name: 'a unit Grafana does not know',
    files: dashboardCase(`timeseries({ title: 'Bad', unit: 'requests/s', targets: [target(promql\`sum(rate(\${requests}${narrowed}[$__rate_interval]))\`)] })`),
    where,
    rule: 'dashboard-lint',
    message: "has no or invalid units defined: 'requests/s' (panel-units-rule)",
  },
  {
    name: 'a panel spanning jobs for a reason of spaces',
    files: dashboardCase("timeseries({ title: 'Bad', unit: 'reqps', spansJobs: '  ', targets: [target(promql`sum(rate(${requests}[$__rate_interval]))`)] })"),
    where,
    rule: 'dashboard-lint',
    message: 'spansJobs has no visible characters; say why the panel spans jobs',
  },
];
