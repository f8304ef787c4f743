import { alert, bucketOf, defineRules, fires, input, pending, promql, silent } from '#sextant';
import eventbus from '../catalog/eventbus.ts';
import config from '../sextant.config.ts';
import { latencyRules } from './shared/latency.ts';
import { WORKER } from './shared/targets.ts';

const t = config.alerts.thresholds;
const { queueDepth, lag } = eventbus.metrics;

const depth = (values: string) => input(queueDepth, { ...WORKER, transport: 'in_memory' }, values);
/** 100 events a minute, all handled between `lower` and `upper` seconds after publishing. */
const lags = (lower: string, upper: string) => [
  input(bucketOf(lag), { ...WORKER, event_type: 'task_created', le: lower }, '0+0x30'),
  input(bucketOf(lag), { ...WORKER, event_type: 'task_created', le: upper }, '0+100x30'),
  input(bucketOf(lag), { ...WORKER, event_type: 'task_created', le: '+Inf' }, '0+100x30'),
];

export const lagLatency = latencyRules(lag, ['event_type'], { ...WORKER, event_type: 'task_created' }, ['p95', 'p99']);
export const processingLatency = latencyRules(eventbus.metrics.processingDuration, ['handler'], { ...WORKER, event_type: 'task_created', handler: 'index_handler' }, ['p95']);

const runbook = {
  meaning: 'Events are published faster than handlers dispatch them; the in-memory transport holds at most 10,000.',
  causes: ['A slow or failing handler.', 'A burst of publications.', 'Handlers blocked on a dependency.'],
  checks: ['Event bus dashboard: depth, dispatch rate and processing time by handler.', 'Event bus errors by type.', 'Dependencies of the slow handler.'],
};

export default defineRules({
  name: 'eventbus',
  title: 'Event bus',
  recording: [...lagLatency.all, ...processingLatency.all],
  alerts: [
    alert({
      name: 'EventQueueDepthHigh',
      severity: 'warning',
      expr: promql`${queueDepth} > ${t.eventQueueDepthWarning}`,
      for: '5m',
      summary: 'Event queue {{ $labels.transport }} is filling up',
      description: `The {{ $labels.transport }} event queue on {{ $labels.instance }} holds {{ $value | humanize }} events (critical at ${t.eventQueueDepthCritical}).`,
      runbook,
      tests: [
        fires('8,000 events wait', {
          at: '10m',
          series: [depth('8000x20')],
          alerts: [
            {
              labels: { ...WORKER, transport: 'in_memory' },
              summary: 'Event queue in_memory is filling up',
              description: `The in_memory event queue on worker:9464 holds 8k events (critical at ${t.eventQueueDepthCritical}).`,
            },
          ],
        }),
        silent('6,500 events wait, under the threshold', { at: '10m', series: [depth('6500x20')] }),
        pending('filling up for less than 5 minutes', { at: '3m', series: [depth('8000x20')] }),
      ],
    }),
    alert({
      name: 'EventQueueDepthCritical',
      severity: 'critical',
      supersedes: ['EventQueueDepthHigh'],
      expr: promql`${queueDepth} > ${t.eventQueueDepthCritical}`,
      for: '2m',
      summary: 'Event queue {{ $labels.transport }} is full',
      description: 'The {{ $labels.transport }} event queue on {{ $labels.instance }} holds {{ $value | humanize }} events: memory runs out and events may be dropped.',
      runbook,
      tests: [
        fires('12,000 events wait', {
          at: '10m',
          series: [depth('12000x20')],
          alerts: [
            {
              labels: { ...WORKER, transport: 'in_memory' },
              summary: 'Event queue in_memory is full',
              description: 'The in_memory event queue on worker:9464 holds 12k events: memory runs out and events may be dropped.',
            },
          ],
        }),
        silent('9,000 events wait, under the threshold', { at: '10m', series: [depth('9000x20')] }),
        pending('full for less than 2 minutes', { at: '1m', series: [depth('12000x20')] }),
      ],
    }),
    alert({
      name: 'EventBusLagHigh',
      severity: 'warning',
      expr: promql`${lagLatency.p95} > ${t.eventBusLagP95Seconds}`,
      for: '10m',
      summary: '{{ $labels.event_type }} events are handled late',
      description: 'Handlers start on {{ $labels.event_type }} events up to {{ $value | humanizeDuration }} after they are published (p95).',
      runbook: { ...runbook, meaning: 'Events wait long between publication and handling: whatever reacts to them (indexing, notifications) is late.' },
      tests: [
        fires('events wait 8–16 s', {
          at: '20m',
          series: lags('8.192', '16.384'),
          alerts: [
            {
              labels: { job: 'worker', event_type: 'task_created' },
              summary: 'task_created events are handled late',
              description: 'Handlers start on task_created events up to 15.97s after they are published (p95).',
            },
          ],
        }),
        silent('events wait 1–2 s', { at: '20m', series: lags('1.024', '2.048') }),
        pending('late for less than 10 minutes', { at: '5m', series: lags('8.192', '16.384') }),
      ],
    }),
  ],
});
