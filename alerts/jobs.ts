import { alert, defineRules, evaluates, fires, input, pending, promql, recordingRule, silent } from '#sextant';
import jobs from '../catalog/jobs.ts';
import config from '../sextant.config.ts';
import { latencyRules } from './shared/latency.ts';
import { WORKER } from './shared/targets.ts';

const t = config.alerts.thresholds;
const { processed, failed, processingDuration } = jobs.metrics;
const email = { ...WORKER, queue: 'default', job_type: 'email' } as const;

const succeeded = (values: string) => input(processed, { ...email, result: 'success' }, values);
const unsuccessful = (values: string) => input(processed, { ...email, result: 'failed' }, values);
const failedAttempts = (values: string) => input(failed, { ...email, error_type: 'timeout' }, values);

export const processedRate = recordingRule({
  record: 'job_queue:jobs_processed:rate5m',
  expr: promql`sum by (job, queue) (rate(${processed}[5m]))`,
  tests: [evaluates('sums every result and job type', { at: '10m', series: [succeeded('0+80x20'), unsuccessful('0+40x20')], samples: [{ labels: { job: 'worker', queue: 'default' }, value: 2 }] })],
});

export const unsuccessfulRate = recordingRule({
  record: 'job_queue:jobs_unsuccessful:rate5m',
  expr: promql`sum by (job, queue) (rate(${processed}{result!="success"}[5m]))`,
  tests: [evaluates('counts every result but success', { at: '10m', series: [succeeded('0+80x20'), unsuccessful('0+60x20')], samples: [{ labels: { job: 'worker', queue: 'default' }, value: 1 }] })],
});

export const unsuccessfulRatio = recordingRule({
  record: 'job_queue:jobs_unsuccessful:ratio_rate5m',
  expr: promql`${unsuccessfulRate} / ${processedRate}`,
  tests: [evaluates('is unsuccessful over all finished jobs', { at: '10m', series: [succeeded('0+75x20'), unsuccessful('0+25x20')], samples: [{ labels: { job: 'worker', queue: 'default' }, value: 0.25 }] })],
});

export const successRatio = recordingRule({
  record: 'job_queue:jobs_succeeded:ratio_rate5m',
  expr: promql`sum by (job, queue) (rate(${processed}{result="success"}[5m])) / ${processedRate}`,
  tests: [evaluates('is successes over all finished jobs', { at: '10m', series: [succeeded('0+75x20'), unsuccessful('0+25x20')], samples: [{ labels: { job: 'worker', queue: 'default' }, value: 0.75 }] })],
});

export const failedRate = recordingRule({
  record: 'job_queue:jobs_failed:rate5m',
  expr: promql`sum by (job, queue) (rate(${failed}[5m]))`,
  tests: [evaluates('counts failed attempts', { at: '10m', series: [failedAttempts('0+120x20')], samples: [{ labels: { job: 'worker', queue: 'default' }, value: 2 }] })],
});

export const duration = latencyRules(processingDuration, ['queue'], { ...email }, ['p95']);

export default defineRules({
  name: 'jobs',
  title: 'Jobs and tasks',
  recording: [processedRate, unsuccessfulRate, unsuccessfulRatio, successRatio, failedRate, ...duration.all],
  alerts: [
    alert({
      name: 'JobFailureRatioHigh',
      severity: 'warning',
      expr: promql`${unsuccessfulRatio} > ${t.jobFailureRatio}`,
      for: '5m',
      summary: 'Many jobs fail on queue {{ $labels.queue }}',
      description: '{{ $value | humanizePercentage }} of jobs on queue {{ $labels.queue }} did not succeed over the last 5 minutes.',
      runbook: {
        meaning: 'A large share of the jobs workers finish end in failure, timeout or cancellation.',
        causes: ['A dependency the job handlers call is failing.', 'Bad input from a client or a bad deploy of the handlers.', 'Jobs hitting their timeout because the system is overloaded.'],
        checks: ['Jobs dashboard: failures by error type and job type.', 'Worker logs for the failing job type.', 'Circuit breaker and database dashboards.'],
      },
      tests: [
        fires('20% of jobs fail', {
          at: '15m',
          series: [succeeded('0+80x30'), unsuccessful('0+20x30')],
          alerts: [{ labels: { job: 'worker', queue: 'default' }, summary: 'Many jobs fail on queue default', description: '20% of jobs on queue default did not succeed over the last 5 minutes.' }],
        }),
        silent('5% of jobs fail, under the threshold', { at: '15m', series: [succeeded('0+95x30'), unsuccessful('0+5x30')] }),
        pending('failing for less than 5 minutes', { at: '4m', series: [succeeded('0+80x30'), unsuccessful('0+20x30')] }),
      ],
    }),
    alert({
      name: 'JobFailureRateHigh',
      severity: 'critical',
      supersedes: ['JobFailureRatioHigh'],
      expr: promql`${failedRate} > ${t.jobFailuresPerSecond}`,
      for: '2m',
      summary: 'Jobs fail at a high rate on queue {{ $labels.queue }}',
      description: 'Job attempts on queue {{ $labels.queue }} fail {{ $value | humanize }} times per second.',
      runbook: {
        meaning: 'Workers are burning through failing attempts: retries pile up and real work is not done.',
        causes: ['A dependency outage making every attempt fail.', 'A poison job retried in a loop.'],
        checks: ['Jobs dashboard: failures by error type, retries.', 'Worker logs.', 'Queue dashboard: is the backlog growing?'],
      },
      tests: [
        fires('15 failures a second', {
          at: '10m',
          series: [failedAttempts('0+900x30')],
          alerts: [{ labels: { job: 'worker', queue: 'default' }, summary: 'Jobs fail at a high rate on queue default', description: 'Job attempts on queue default fail 15 times per second.' }],
        }),
        silent('5 failures a second, under the threshold', { at: '10m', series: [failedAttempts('0+300x30')] }),
        pending('failing for less than 2 minutes', { at: '2m', series: [failedAttempts('0+900x30')] }),
      ],
    }),
  ],
});
