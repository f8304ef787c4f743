import { bounded, counter, defineDomain, gauge, histogram, upstream } from 'sextant';

const handleTypes = bounded(32, 'libuv handle and async resource types are a fixed set of Node.js classes');
const heapSpace = bounded(16, 'V8 has about ten heap spaces');
const oneVersion = bounded(1, 'one Node.js version per process');

export default defineDomain({
  name: 'runtime',
  title: 'Node.js runtime',
  description:
    "prom-client's default metrics, exposed by both exporter roles (the Node.js counterpart of the Go runtime " +
    'metrics: goroutines, heap, GC). `nodejs_active_*_total` are gauges despite the suffix: that is how prom-client names them.',
  owner: upstream('prom-client', '15.1.3', 'collectDefaultMetrics() of prom-client 15.1.3, compared in test/upstream/runtime.test.ts'),
  metrics: {
    cpuUser: counter({ name: 'process_cpu_user_seconds_total', help: 'Total user CPU time spent in seconds.', unit: 'seconds' }),
    cpuSystem: counter({ name: 'process_cpu_system_seconds_total', help: 'Total system CPU time spent in seconds.', unit: 'seconds' }),
    cpu: counter({ name: 'process_cpu_seconds_total', help: 'Total user and system CPU time spent in seconds.', unit: 'seconds', replaces: ['taskforge_system_cpu_usage_percent'] }),
    startTime: gauge({ name: 'process_start_time_seconds', help: 'Start time of the process since unix epoch in seconds.', unit: 'seconds' }),
    residentMemory: gauge({ name: 'process_resident_memory_bytes', help: 'Resident memory size in bytes.', unit: 'bytes', replaces: ['taskforge_system_memory_usage_bytes', 'go_memstats_alloc_bytes'] }),
    virtualMemory: gauge({ name: 'process_virtual_memory_bytes', help: 'Virtual memory size in bytes.', unit: 'bytes' }),
    heap: gauge({ name: 'process_heap_bytes', help: 'Process heap size in bytes.', unit: 'bytes' }),
    openFds: gauge({ name: 'process_open_fds', help: 'Number of open file descriptors.' }),
    maxFds: gauge({ name: 'process_max_fds', help: 'Maximum number of open file descriptors.' }),
    eventLoopLag: gauge({ name: 'nodejs_eventloop_lag_seconds', help: 'Lag of event loop in seconds.', unit: 'seconds' }),
    eventLoopLagMin: gauge({ name: 'nodejs_eventloop_lag_min_seconds', help: 'The minimum recorded event loop delay.', unit: 'seconds' }),
    eventLoopLagMax: gauge({ name: 'nodejs_eventloop_lag_max_seconds', help: 'The maximum recorded event loop delay.', unit: 'seconds' }),
    eventLoopLagMean: gauge({ name: 'nodejs_eventloop_lag_mean_seconds', help: 'The mean of the recorded event loop delays.', unit: 'seconds' }),
    eventLoopLagStddev: gauge({ name: 'nodejs_eventloop_lag_stddev_seconds', help: 'The standard deviation of the recorded event loop delays.', unit: 'seconds' }),
    eventLoopLagP50: gauge({ name: 'nodejs_eventloop_lag_p50_seconds', help: 'The 50th percentile of the recorded event loop delays.', unit: 'seconds' }),
    eventLoopLagP90: gauge({ name: 'nodejs_eventloop_lag_p90_seconds', help: 'The 90th percentile of the recorded event loop delays.', unit: 'seconds' }),
    eventLoopLagP99: gauge({ name: 'nodejs_eventloop_lag_p99_seconds', help: 'The 99th percentile of the recorded event loop delays.', unit: 'seconds' }),
    activeResources: gauge({ name: 'nodejs_active_resources', help: 'Number of active resources that are currently keeping the event loop alive, grouped by async resource type.', labels: { type: handleTypes } }),
    activeResourcesTotal: gauge({ name: 'nodejs_active_resources_total', help: 'Total number of active resources.' }),
    activeHandles: gauge({ name: 'nodejs_active_handles', help: 'Number of active libuv handles grouped by handle type. Every handle type is C++ class name.', labels: { type: handleTypes }, replaces: ['go_goroutines'] }),
    activeHandlesTotal: gauge({ name: 'nodejs_active_handles_total', help: 'Total number of active handles.' }),
    activeRequests: gauge({ name: 'nodejs_active_requests', help: 'Number of active libuv requests grouped by request type. Every request type is C++ class name.', labels: { type: handleTypes } }),
    activeRequestsTotal: gauge({ name: 'nodejs_active_requests_total', help: 'Total number of active requests.' }),
    heapSizeTotal: gauge({ name: 'nodejs_heap_size_total_bytes', help: 'Process heap size from Node.js in bytes.', unit: 'bytes' }),
    heapSizeUsed: gauge({ name: 'nodejs_heap_size_used_bytes', help: 'Process heap size used from Node.js in bytes.', unit: 'bytes' }),
    externalMemory: gauge({ name: 'nodejs_external_memory_bytes', help: 'Node.js external memory size in bytes.', unit: 'bytes' }),
    heapSpaceTotal: gauge({ name: 'nodejs_heap_space_size_total_bytes', help: 'Process heap space size total from Node.js in bytes.', unit: 'bytes', labels: { space: heapSpace } }),
    heapSpaceUsed: gauge({ name: 'nodejs_heap_space_size_used_bytes', help: 'Process heap space size used from Node.js in bytes.', unit: 'bytes', labels: { space: heapSpace } }),
    heapSpaceAvailable: gauge({ name: 'nodejs_heap_space_size_available_bytes', help: 'Process heap space size available from Node.js in bytes.', unit: 'bytes', labels: { space: heapSpace } }),
    versionInfo: gauge({ name: 'nodejs_version_info', help: 'Node.js version info.', labels: { version: oneVersion, major: oneVersion, minor: oneVersion, patch: oneVersion } }),
    gcDuration: histogram({
      name: 'nodejs_gc_duration_seconds',
      help: 'Garbage collection duration by kind, one of major, minor, incremental or weakcb.',
      unit: 'seconds',
      labels: { kind: ['major', 'minor', 'incremental', 'weakcb'] },
      buckets: [0.001, 0.01, 0.1, 1, 2, 5],
      replaces: ['go_gc_duration_seconds'],
    }),
  },
});
