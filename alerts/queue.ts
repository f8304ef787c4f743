import { alert, defineRules, evaluates, fires, input, pending, promql, recordingRule, silent } from '#sextant';
import queue from '../catalog/queue.ts';
import config from '../sextant.config.ts';
import { latencyRules } from './shared/latency.ts';
import { WORKER } from './shared/targets.ts';

const t = config.alerts.thresholds;
const { length, dequeued } = queue.metrics;
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
      name: 'QueueBacklogHigh',
      severity: 'warning',
      expr: promql`${length} > ${t.queueLength}`,
      for: '5m',
      summary: 'Queue {{ $labels.queue }} is backing up',
      description: 'Queue {{ $labels.queue }} has {{ $value | humanize }} jobs waiting.',
      runbook: {
        meaning: 'Jobs arrive faster than workers take them; they wait longer and longer.',
        causes: ['Too few workers for the load, or workers stalled.', 'A burst of submissions.', 'Slow jobs holding every worker.'],
        checks: ['Queue dashboard: length, enqueue and dequeue rates.', 'Workers dashboard: running, busy, utilization.', 'Scale the worker pool if utilization is high.'],
      },
      tests: [
        fires('1,500 jobs wait', {
          at: '10m',
          series: [waiting('1500x20')],
          alerts: [{ labels: { ...onDefault }, summary: 'Queue default is backing up', description: 'Queue default has 1.5k jobs waiting.' }],
        }),
        silent('900 jobs wait, under the threshold', { at: '10m', series: [waiting('900x20')] }),
        pending('backed up for less than 5 minutes', { at: '3m', series: [waiting('1500x20')] }),
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
