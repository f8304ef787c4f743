import { alert, defineRules, evaluates, fires, input, pending, promql, recordingRule, silent } from 'sextant';
import queue from '../catalog/queue.ts';
import config from '../sextant.config.ts';
import { APP_ESCALATION } from './shared/escalation.ts';
import { latencyRules } from './shared/latency.ts';
import { WORKER } from './shared/targets.ts';

const t = config.alerts.thresholds;
const { length, dequeued, oldestJobAge } = queue.metrics;
const onDefault = { ...WORKER, queue: 'default' } as const;

const waiting = (values: string) => input(length, onDefault, values);
const taken = (values: string) => input(dequeued, onDefault, values);

export const waitLatency = latencyRules(queue.metrics.waitDuration, ['queue'], { ...onDefault }, ['p95']);

export const dequeueRate = recordingRule({
  record: 'job_queue:queue_dequeued:rate5m',
  expr: promql`sum by (job, queue) (rate(${dequeued}[5m]))`,
  tests: [evaluates('is the queue throughput', { at: '10m', series: [taken('0+120x20')], samples: [{ labels: { job: 'worker', queue: 'default' }, value: 2 }] })],
});

export const backlogSeconds = recordingRule({
  record: 'job_queue:queue_backlog_seconds:rate5m',
  expr: promql`sum by (job, queue) (${length}) / ${dequeueRate}`,
  tests: [
    evaluates('is length over throughput', { at: '10m', series: [waiting('600x20'), taken('0+120x20')], samples: [{ labels: { job: 'worker', queue: 'default' }, value: 300 }] }),
    evaluates('is infinite when nothing is taken', { at: '10m', series: [waiting('600x20'), taken('0x20')], samples: [{ labels: { job: 'worker', queue: 'default' }, value: Infinity }] }),
  ],
});

export default defineRules({
  name: 'queue',
  title: 'Queues',
  recording: [dequeueRate, backlogSeconds, ...waitLatency.all],
  alerts: [
    alert({
      name: 'QueueOldestJobTooOld',
      severity: 'critical',
      impact: 'Users wait more than 15 minutes for the tasks they submitted to start.',
      // The symptom users feel: how long the oldest job has waited. The queue length beside the
      // backlog (QueueBacklogHigh, dropped) said the same less well: a long queue drained fast is fine.
      expr: promql`max by (job, queue) (${oldestJobAge}) > ${t.queueOldestJobSeconds}`,
      for: '5m',
      summary: 'Jobs on queue {{ $labels.queue }} wait too long',
      description: 'The oldest job on queue {{ $labels.queue }} has waited {{ $value | humanizeDuration }} to start.',
      runbook: {
        meaning: 'Submitted work is not started in time: users wait for results that do not come.',
        causes: ['Workers stalled, crashed or too few (NoActiveWorkers).', 'A burst of submissions larger than the pool drains.', 'Slow jobs holding every worker.'],
        checks: ['Jobs dashboard: oldest waiting job, dequeue rate, workers running and busy.', 'NoActiveWorkers and JobFailureRatioHigh.'],
        fix: [
          'If no worker runs, follow NoActiveWorkers.',
          'If workers run but are all busy, scale the worker pool out.',
          'If workers run idle while jobs wait, restart them: they lost their connection to the queue.',
        ],
        escalation: APP_ESCALATION,
        query: promql`max by (job, queue) (${oldestJobAge})`,
        panel: { dashboard: 'jobs', panel: 'Oldest waiting job' },
      },
      scenario: {
        target: WORKER,
        series: (age, s) => [input(oldestJobAge, { ...s.target, queue: 'default' }, s.gauge(age))],
      },
      tests: [
        fires('the oldest job waited 20 minutes', {
          at: '10m',
          series: [input(oldestJobAge, onDefault, '1200x20')],
          alerts: [{ labels: { job: 'worker', queue: 'default' }, summary: 'Jobs on queue default wait too long', description: 'The oldest job on queue default has waited 20m 0s to start.' }],
        }),
        silent('the oldest job waited 10 minutes', { at: '10m', series: [input(oldestJobAge, onDefault, '600x20')] }),
        silent('one replica reports an old job the other already took', {
          at: '10m',
          series: [input(oldestJobAge, onDefault, '600x20'), input(oldestJobAge, { ...onDefault, instance: 'worker-2:9464' }, '0x20')],
        }),
        pending('too old for less than 5 minutes', { at: '3m', series: [input(oldestJobAge, onDefault, '1200x20')] }),
      ],
    }),
    alert({
      name: 'QueueBacklogSecondsHigh',
      severity: 'warning',
      expr: promql`${backlogSeconds} > ${t.queueBacklogSeconds}`,
      for: '10m',
      summary: 'Queue {{ $labels.queue }} takes long to drain',
      description: 'Draining queue {{ $labels.queue }} at the current rate takes {{ $value | humanizeDuration }}.',
      runbook: {
        meaning: 'At the current throughput the waiting jobs need a long time to be processed: the signal the worker pool autoscales on.',
        causes: ['Throughput dropped (stalled or slow workers).', 'The queue grew faster than workers scale.'],
        checks: ['Queue dashboard: backlog seconds, dequeue rate.', 'Workers dashboard.', 'Scale out the worker pool.'],
        fix: ['Scale the worker pool out (the autoscaler should already: check its events).', 'If throughput dropped with workers running, follow JobFailureRatioHigh or the slow dependency.'],
        escalation: APP_ESCALATION,
        query: promql`${backlogSeconds}`,
        panel: { dashboard: 'jobs', panel: 'Backlog (time to drain)' },
      },
      scenario: {
        target: WORKER,
        // 600 jobs waiting, taken at the rate that drains them in `seconds`.
        series: (seconds, s) => [input(length, { ...s.target, queue: 'default' }, s.gauge(600)), input(dequeued, { ...s.target, queue: 'default' }, s.counter(600 / seconds))],
      },
      tests: [
        fires('600 jobs at one a second', {
          at: '20m',
          series: [waiting('600x30'), taken('0+60x30')],
          alerts: [{ labels: { job: 'worker', queue: 'default' }, summary: 'Queue default takes long to drain', description: 'Draining queue default at the current rate takes 10m 0s.' }],
        }),
        silent('240 jobs at one a second', { at: '20m', series: [waiting('240x30'), taken('0+60x30')] }),
        pending('slow to drain for less than 10 minutes', { at: '5m', series: [waiting('600x30'), taken('0+60x30')] }),
      ],
    }),
  ],
});
