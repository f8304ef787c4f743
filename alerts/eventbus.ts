import { alert, bucketOf, defineRules, fires, input, pending, promql, silent } from 'sextant';
import eventbus from '../catalog/eventbus.ts';
import config from '../sextant.config.ts';
import { APP_ESCALATION } from './shared/escalation.ts';
import { latencyRules, p95Scenario } from './shared/latency.ts';
import { WORKER } from './shared/targets.ts';

const t = config.alerts.thresholds;
const { queueDepth, lag, errors } = eventbus.metrics;

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
  fix: [
    'Find the slow handler (processing p95 by handler) and fix or disable it; if a dependency blocks it, follow that dependency\'s alert.',
    'Scale the workers out so more dispatchers drain the transport.',
    'Replay dead-lettered events once the queue drains.',
  ],
  escalation: APP_ESCALATION,
  query: promql`max by (job, transport) (${eventbus.metrics.queueDepth})`,
  panel: { dashboard: 'eventbus', panel: 'Queue depth' },
};

export default defineRules({
  name: 'eventbus',
  title: 'Event bus',
  recording: [...lagLatency.all, ...processingLatency.all],
  alerts: [
    alert({
      name: 'EventQueueDepthHigh',
      severity: 'warning',
      expr: promql`max by (job, transport) (${queueDepth}) > ${t.eventQueueDepthWarning}`,
      for: '5m',
      summary: 'Event queue {{ $labels.transport }} is filling up',
      description: `The {{ $labels.transport }} event queue of {{ $labels.job }} holds {{ $value | humanize }} events (full at ${t.eventQueueDepthCritical}).`,
      runbook,
      scenario: { target: WORKER, series: (events, s) => [input(queueDepth, { ...s.target, transport: 'in_memory' }, s.gauge(events))] },
      tests: [
        fires('8,000 events wait', {
          at: '10m',
          series: [depth('8000x20')],
          alerts: [
            {
              labels: { job: 'worker', transport: 'in_memory' },
              summary: 'Event queue in_memory is filling up',
              description: `The in_memory event queue of worker holds 8k events (full at ${t.eventQueueDepthCritical}).`,
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
      impact: 'Events published now are dead-lettered: the work they trigger (indexing, notifications) is lost.',
      supersedes: ['EventQueueDepthHigh', 'EventsDeadLettered'],
      // The transport never holds more than its capacity (`> capacity` could never fire): full is `>=`.
      expr: promql`max by (job, transport) (${queueDepth}) >= ${t.eventQueueDepthCritical}`,
      for: '1m',
      summary: 'Event queue {{ $labels.transport }} is full',
      description: 'The {{ $labels.transport }} event queue of {{ $labels.job }} holds {{ $value | humanize }} events, its capacity: new events are dead-lettered.',
      runbook,
      scenario: { target: WORKER, series: (events, s) => [input(queueDepth, { ...s.target, transport: 'in_memory' }, s.gauge(events))] },
      tests: [
        fires('the queue is at its capacity', {
          at: '10m',
          series: [depth('10000x20')],
          alerts: [
            {
              labels: { job: 'worker', transport: 'in_memory' },
              summary: 'Event queue in_memory is full',
              description: 'The in_memory event queue of worker holds 10k events, its capacity: new events are dead-lettered.',
            },
          ],
        }),
        silent('9,999 events wait, one short of full', { at: '10m', series: [depth('9999x20')] }),
        pending('full for less than a minute', { at: '30s', series: [depth('10000x20')] }),
      ],
    }),
    alert({
      name: 'EventsDeadLettered',
      severity: 'warning',
      expr: promql`sum by (job, event_type) (increase(${errors}{error_type="dead_lettered"}[10m])) > 0`,
      for: '0m',
      summary: '{{ $labels.event_type }} events are dead-lettered',
      description: '{{ $labels.job }} gave up on {{ $value | humanize }} {{ $labels.event_type }} events in the last 10 minutes: what they should have triggered did not happen.',
      runbook: {
        ...runbook,
        meaning: 'Events were given up on (the transport was full, or handlers exhausted their retries): the work they trigger is lost until they are replayed.',
      },
      scenario: { target: WORKER, series: (events, s) => [input(errors, { ...s.target, event_type: 'task_created', error_type: 'dead_lettered' }, s.counter(events / 600))] },
      tests: [
        fires('an event dead-lettered a minute', {
          at: '10m',
          series: [input(errors, { ...WORKER, event_type: 'task_created', error_type: 'dead_lettered' }, '0+1x20')],
          alerts: [
            {
              labels: { job: 'worker', event_type: 'task_created' },
              summary: 'task_created events are dead-lettered',
              description: 'worker gave up on 10 task_created events in the last 10 minutes: what they should have triggered did not happen.',
            },
          ],
        }),
        silent('handler errors that were retried', { at: '10m', series: [input(errors, { ...WORKER, event_type: 'task_created', error_type: 'handler_error' }, '0+1x20')] }),
      ],
    }),
    alert({
      name: 'EventBusLagHigh',
      severity: 'warning',
      expr: promql`${lagLatency.p95} > ${t.eventBusLagP95Seconds}`,
      for: '10m',
      summary: '{{ $labels.event_type }} events are handled late',
      description: 'Handlers start on {{ $labels.event_type }} events up to {{ $value | humanizeDuration }} after they are published (p95).',
      runbook: {
        ...runbook,
        meaning: 'Events wait long between publication and handling: whatever reacts to them (indexing, notifications) is late.',
        panel: { dashboard: 'eventbus', panel: 'Lag p95 and p99' },
        query: promql`${lagLatency.p95}`,
      },
      scenario: { target: WORKER, ...p95Scenario(lag, { event_type: 'task_created' }) },
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
