import { counter, defineDomain, exponentialBuckets, gauge, histogram } from 'sextant';

const CACHES = ['task_cache', 'session_cache', 'tenant_cache', 'other'] as const;
const OPERATIONS = ['get', 'set', 'delete'] as const;

export default defineDomain({
  name: 'cache',
  title: 'Cache',
  description:
    "Application caches, the Redis cache included: hits, misses, size, evictions and latency. " +
    'What is cached (elsewhere `key_type`) is the `cache` label.',
  owner: 'app',
  metrics: {
    operations: counter({
      name: 'cache_operations_total',
      help: 'Cache operations by result: hit or miss for get, success or error otherwise.',
      labels: { cache: CACHES, operation: OPERATIONS, result: ['hit', 'miss', 'success', 'error'] },
      replaces: ['rustok_cache_operations_total', 'cache_hits_total', 'cache_misses_total'],
    }),
    hitRatio: gauge({
      name: 'cache_hit_ratio',
      help: "Hits over gets since start, 0–1, as the cache reports it. Alerts use the rate of cache_operations_total instead.",
      unit: 'ratio',
      labels: { cache: CACHES },
      replaces: ['rustok_cache_hit_rate'],
    }),
    entries: gauge({
      name: 'cache_entries',
      help: 'Entries held in the cache.',
      labels: { cache: CACHES },
      replaces: ['rustok_cache_size'],
    }),
    evictions: counter({
      name: 'cache_evictions_total',
      help: 'Entries evicted, by reason.',
      labels: { cache: CACHES, reason: ['ttl', 'capacity', 'manual'] },
      replaces: ['rustok_cache_evictions_total'],
    }),
    operationDuration: histogram({
      name: 'cache_operation_duration_seconds',
      help: 'Time one cache operation took.',
      unit: 'seconds',
      labels: { cache: CACHES, operation: OPERATIONS },
      buckets: exponentialBuckets(0.0001, 2, 14),
      replaces: ['rustok_cache_operation_duration_seconds'],
    }),
  },
});
