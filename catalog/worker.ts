import { defineDomain, exponentialBuckets, gauge, histogram } from 'sextant';
import { JOB_TYPES, QUEUES } from './shared/labels.ts';

export default defineDomain({
  name: 'worker',
  title: 'Workers',
  description:
    "The worker pools that consume the queues. There is no `worker_id` label: it would create a " +
    'series per worker process; the `instance` target label already tells processes apart.',
  owner: 'app',
  metrics: {
    running: gauge({
      name: 'workers_running',
      help: 'Worker loops alive and consuming the queue, busy or idle. Zero means nothing will drain the queue.',
      labels: { queue: QUEUES },
      replaces: ['taskforge_worker_active_count'],
    }),
    busy: gauge({
      name: 'workers_busy',
      help: 'Workers processing a job right now.',
      labels: { queue: QUEUES },
    }),
    poolSize: gauge({
      name: 'worker_pool_size',
      help: 'Workers configured for the queue: the ceiling of workers_running.',
      labels: { queue: QUEUES },
    }),
    utilization: gauge({
      name: 'worker_utilization_ratio',
      help: 'Share of the last interval the pool spent busy (busy worker-seconds over running worker-seconds), 0–1.',
      unit: 'ratio',
      labels: { queue: QUEUES },
    }),
    processingDuration: histogram({
      name: 'worker_processing_duration_seconds',
      help: 'Time a worker spends on one job from dequeue to acknowledgement, queue I/O included (job_processing_duration_seconds is the handler alone).',
      unit: 'seconds',
      labels: { queue: QUEUES, job_type: JOB_TYPES },
      buckets: exponentialBuckets(0.005, 2, 16),
      replaces: ['taskforge_worker_processing_duration_seconds'],
    }),
  },
});
