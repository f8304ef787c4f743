import { counter, defineDomain, exponentialBuckets, gauge, histogram } from 'sextant';

const EVENT_TYPES = ['task_created', 'task_completed', 'task_failed', 'user_registered', 'notification_requested', 'other'] as const;
const HANDLERS = ['index_handler', 'notification_handler', 'audit_handler', 'webhook_handler', 'other'] as const;

export default defineDomain({
  name: 'eventbus',
  title: 'Event bus',
  description:
    "Domain events published and dispatched to handlers, in-memory or through Kafka consumers. " +
    "Events are counted by `tenant_tier`, not `tenant_id`: one series per tenant does not scale.",
  owner: 'app',
  metrics: {
    published: counter({
      name: 'event_bus_published_total',
      help: 'Events published onto the bus, by event type and tenant tier.',
      labels: { event_type: EVENT_TYPES, tenant_tier: ['free', 'pro', 'enterprise'] },
      replaces: ['rustok_event_bus_published_total'],
    }),
    dispatched: counter({
      name: 'event_bus_dispatched_total',
      help: 'Events handed to a handler and handled without error.',
      labels: { event_type: EVENT_TYPES, handler: HANDLERS },
      replaces: ['rustok_event_bus_dispatched_total', 'kafka_events_consumed_total'],
    }),
    queueDepth: gauge({
      name: 'event_bus_queue_depth',
      help: 'Events waiting to be dispatched, by transport. Capacity of the in-memory transport is 10000.',
      labels: { transport: ['in_memory', 'outbox', 'kafka'] },
      // exporter/sim/eventbus.ts: a full in-memory transport dead-letters new events instead of queueing them.
      range: { min: 0, max: 10_000, why: 'the depth of a transport whose capacity is 10000 events (new events are dead-lettered past it)' },
      replaces: ['rustok_event_bus_queue_depth'],
    }),
    processingDuration: histogram({
      name: 'event_bus_processing_duration_seconds',
      help: 'Time a handler took to process one event.',
      unit: 'seconds',
      labels: { event_type: EVENT_TYPES, handler: HANDLERS },
      buckets: exponentialBuckets(0.001, 2, 14),
      replaces: ['rustok_event_bus_processing_duration_seconds'],
    }),
    errors: counter({
      name: 'event_bus_errors_total',
      help: 'Events whose processing failed, by error type; dead_lettered events were given up on.',
      labels: { event_type: EVENT_TYPES, error_type: ['handler_error', 'timeout', 'serialization', 'dead_lettered', 'other'] },
      replaces: ['rustok_event_bus_errors_total'],
    }),
    lag: histogram({
      name: 'event_bus_lag_seconds',
      help: 'Time between an event being published and a handler starting on it.',
      unit: 'seconds',
      labels: { event_type: EVENT_TYPES },
      buckets: exponentialBuckets(0.001, 2, 16),
      replaces: ['rustok_event_bus_lag_seconds'],
    }),
  },
});
