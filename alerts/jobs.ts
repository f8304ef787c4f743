import { alert, defineRules, evaluates, fires, input, pending, promql, recordingRule, silent } from 'sextant';
import jobs from '../catalog/jobs.ts';
import config from '../sextant.config.ts';
import { APP_ESCALATION } from './shared/escalation.ts';
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
      // A floor of traffic: two failures out of three jobs is not a trend. A fixed count of failed
      // attempts (JobFailureRateHigh, dropped) grew with traffic and retries; the share does not.
      expr: promql`${unsuccessfulRatio} > ${t.jobFailureRatio} and ${processedRate} > ${t.jobsMinPerSecond}`,
      for: '5m',
      summary: 'Many jobs fail on queue {{ $labels.queue }}',
      description: '{{ $value | humanizePercentage }} of jobs on queue {{ $labels.queue }} did not succeed over the last 5 minutes.',
      runbook: {
        meaning: 'A large share of the jobs workers finish end in failure, timeout or cancellation.',
        causes: ['A dependency the job handlers call is failing.', 'Bad input from a client or a bad deploy of the handlers.', 'Jobs hitting their timeout because the system is overloaded.'],
        checks: ['Jobs dashboard: failures by error type and job type.', 'Worker logs for the failing job type.', 'Circuit breaker and database dashboards.'],
        fix: [
          'If one error type dominates and a dependency is behind it, follow that dependency\'s alert (CircuitBreakerOpen, DatabaseQueryErrorsHigh).',
          'If a deploy of the handlers started it, roll it back; failed jobs are retried.',
          'If jobs time out under load, scale the worker pool out.',
        ],
        escalation: APP_ESCALATION,
        query: promql`sum by (queue, error_type) (rate(${failed}[5m]))`,
        panel: { dashboard: 'jobs', panel: 'Failed attempts by error type' },
      },
      scenario: {
        target: WORKER,
        series: (ratio, s) => [
          input(processed, { ...s.target, queue: 'default', job_type: 'email', result: 'failed' }, s.counter(ratio)),
          input(processed, { ...s.target, queue: 'default', job_type: 'email', result: 'success' }, s.counter(1 - ratio)),
        ],
        idle: (s) => [input(processed, { ...s.target, queue: 'default', job_type: 'email', result: 'success' }, s.counter(0))],
      },
      tests: [
        fires('20% of jobs fail', {
          at: '15m',
          series: [succeeded('0+80x30'), unsuccessful('0+20x30')],
          alerts: [{ labels: { job: 'worker', queue: 'default' }, summary: 'Many jobs fail on queue default', description: '20% of jobs on queue default did not succeed over the last 5 minutes.' }],
        }),
        silent('5% of jobs fail, under the threshold', { at: '15m', series: [succeeded('0+95x30'), unsuccessful('0+5x30')] }),
        silent('two of three jobs fail, under the traffic floor', { at: '15m', series: [succeeded('0+0.1x30'), unsuccessful('0+0.2x30')] }),
        pending('failing for less than 5 minutes', { at: '4m', series: [succeeded('0+80x30'), unsuccessful('0+20x30')] }),
      ],
    }),
  ],
});
