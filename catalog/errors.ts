import { counter, defineDomain, exponentialBuckets, histogram } from 'sextant';
import { ERROR_TYPES } from './shared/labels.ts';

const OPERATIONS = ['http_request', 'job_process', 'event_dispatch', 'db_query', 'cache_call', 'other'] as const;

export default defineDomain({
  name: 'errors',
  title: 'Errors and traces',
  description:
    "Errors by module and the tracing span counters. A module's error rate is not a gauge here: " +
    "it is the rate of module_errors_total, which a recording rule computes. Spans carry no `tenant_id`: one series per tenant does not scale.",
  owner: 'app',
  metrics: {
    moduleErrors: counter({
      name: 'module_errors_total',
      help: 'Errors raised, by module, error type and severity.',
      labels: {
        module: ['api', 'worker', 'eventbus', 'cache', 'database', 'auth', 'other'],
        error_type: ERROR_TYPES,
        severity: ['warning', 'error', 'critical'],
      },
      replaces: ['rustok_module_errors_total', 'rustok_module_error_rate'],
    }),
    spansCreated: counter({
      name: 'spans_created_total',
      help: 'Trace spans started, by operation.',
      labels: { operation: OPERATIONS },
      replaces: ['rustok_spans_created_total'],
    }),
    spanDuration: histogram({
      name: 'span_duration_seconds',
      help: 'Duration of finished spans, by operation.',
      unit: 'seconds',
      labels: { operation: OPERATIONS },
      buckets: exponentialBuckets(0.001, 2, 14),
      replaces: ['rustok_span_duration_seconds'],
    }),
    spansWithErrors: counter({
      name: 'spans_with_errors_total',
      help: 'Spans that ended in an error, by operation and error type.',
      labels: { operation: OPERATIONS, error_type: ERROR_TYPES },
      replaces: ['rustok_spans_with_errors_total'],
    }),
  },
});
