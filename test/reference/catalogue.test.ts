/** The reference catalogue: valid, covering every metric the reference system's services expose, and namespaced from one place. */
import { describe, expect, it } from 'vitest';
import { defineConfig } from '../../generator/config.ts';
import { buildModel } from '../../generator/model/build.ts';
import { loadProject } from '../../generator/model/load.ts';
import { runPipeline } from '../../generator/pipeline.ts';
import { REPO } from '../helpers/project.ts';

/** Every metric family the reference system's services expose today, by the name they use. */
const REFERENCE_SYSTEM_METRICS = [
  // the TaskForge job queue (Rust)
  'taskforge_job_submitted_total', 'taskforge_job_processed_total', 'taskforge_job_failed_total', 'taskforge_job_processing_duration_seconds',
  'taskforge_queue_length', 'taskforge_queue_throughput_total', 'taskforge_worker_active_count', 'taskforge_worker_processing_duration_seconds',
  'taskforge_system_cpu_usage_percent', 'taskforge_system_memory_usage_bytes', 'taskforge_system_request_duration_seconds', 'taskforge_billing_usage_total',
  // the task handler API (Go)
  'http_requests_total', 'http_request_duration_seconds', 'http_requests_in_flight', 'tasks_created_total', 'tasks_processed_total',
  'task_processing_duration_seconds', 'tasks_failed_total', 'tasks_queue_size', 'go_goroutines', 'go_memstats_alloc_bytes', 'go_gc_duration_seconds',
  'db_connections_open', 'db_connections_in_use', 'db_query_duration_seconds', 'cache_hits_total', 'cache_misses_total',
  'queue_messages_published_total', 'queue_messages_consumed_total',
  // RusToK: event bus, circuit breakers, caches, tracing
  'rustok_event_bus_published_total', 'rustok_event_bus_dispatched_total', 'rustok_event_bus_queue_depth', 'rustok_event_bus_processing_duration_seconds',
  'rustok_event_bus_errors_total', 'rustok_event_bus_lag_seconds', 'rustok_circuit_breaker_state', 'rustok_circuit_breaker_transitions_total',
  'rustok_circuit_breaker_calls_total', 'rustok_circuit_breaker_failures', 'rustok_cache_operations_total', 'rustok_cache_hit_rate', 'rustok_cache_size',
  'rustok_cache_evictions_total', 'rustok_cache_operation_duration_seconds', 'rustok_spans_created_total', 'rustok_span_duration_seconds',
  'rustok_spans_with_errors_total', 'rustok_module_errors_total', 'rustok_module_error_rate', 'rustok_database_query_duration_seconds',
  'rustok_database_connections', 'rustok_database_query_errors_total', 'rustok_http_requests_by_endpoint', 'rustok_http_request_size_bytes',
  'rustok_http_response_size_bytes', 'rustok_http_active_connections',
  // the chat services on Kubernetes and their data stores
  'user_registration_total', 'user_login_total', 'user_online_count', 'user_search_duration_seconds', 'message_sent_total', 'chat_room_created_total',
  'active_chat_rooms', 'message_processing_duration_seconds', 'mongodb_query_duration_seconds', 'friend_request_total', 'pending_friend_requests',
  'friendship_query_duration_seconds', 'notification_sent_total', 'kafka_events_consumed_total', 'active_sse_connections',
  'notification_processing_duration_seconds', 'http_request_size_bytes', 'http_response_size_bytes', 'mysql_global_status_connections',
  'mysql_global_status_slow_queries', 'mysql_global_status_threads_connected', 'mysql_global_variables_max_connections', 'mongodb_connections',
  'mongodb_op_counters_total', 'mongodb_opcounters_repl_total', 'kafka_consumergroup_lag', 'kafka_topic_partition_current_offset', 'kafka_brokers',
  'node_cpu_seconds_total', 'node_memory_MemAvailable_bytes', 'node_memory_MemTotal_bytes', 'node_filesystem_avail_bytes', 'node_filesystem_size_bytes', 'up',
  'kube_pod_container_status_restarts_total', 'container_cpu_usage_seconds_total',
  // taskflows: tasks and service lifecycle
  'taskflows_task_duration_seconds', 'taskflows_task_total', 'taskflows_task_errors_total', 'taskflows_task_retries_total', 'taskflows_service_state',
  'taskflows_service_restarts_total', 'taskflows_api_request_duration_seconds', 'taskflows_api_request_total', 'taskflows_api_active_requests',
];

describe('the reference catalogue', async () => {
  const result = await runPipeline(REPO);

  it('passes every check', () => {
    expect(result.ok ? [] : result.problems).toEqual([]);
  });

  it('covers every metric family the reference system exposes, by its own name or as a replacement', () => {
    if (!result.ok) throw new Error('invalid catalogue');
    const covered = new Set(result.model.metrics.flatMap((m) => [m.name, ...m.replaces]));
    expect(REFERENCE_SYSTEM_METRICS.filter((name) => !covered.has(name))).toEqual([]);
  });

  it('takes the namespace of application metrics from the config object only', async () => {
    const project = await loadProject(REPO);
    const { model } = buildModel(project.catalog, defineConfig({ ...project.config, namespace: 'acme' }));
    const names = new Set(model.metrics.map((m) => m.name));
    expect(names.has('acme_http_requests_total')).toBe(true);
    expect(names.has('taskforge_http_requests_total')).toBe(false);
    expect(names.has('node_cpu_seconds_total')).toBe(true);
  });
});
