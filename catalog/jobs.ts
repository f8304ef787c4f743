import { counter, defineDomain, exponentialBuckets, histogram } from 'sextant';
import { ERROR_TYPES, JOB_TYPES, QUEUES } from './shared/labels.ts';

const jobLabels = { queue: QUEUES, job_type: JOB_TYPES };

export default defineDomain({
  name: 'jobs',
  title: 'Jobs and tasks',
  description:
    'The task/job platform: jobs submitted through the API and processed by workers. ' +
    "The kind of job (elsewhere `task_type` or `task_name`) is the `job_type` label here.",
  owner: 'app',
  metrics: {
    submitted: counter({
      name: 'jobs_submitted_total',
      help: 'Jobs accepted onto a queue (tasks created through the API).',
      labels: jobLabels,
      replaces: ['taskforge_job_submitted_total', 'tasks_created_total'],
    }),
    processed: counter({
      name: 'jobs_processed_total',
      help: 'Jobs that finished processing, by result; a retried job counts once, when it finally finishes.',
      labels: { ...jobLabels, result: ['success', 'failed', 'timeout', 'cancelled'] },
      replaces: ['taskforge_job_processed_total', 'tasks_processed_total', 'taskflows_task_total'],
    }),
    failed: counter({
      name: 'jobs_failed_total',
      help: 'Failed job attempts by error type, retried attempts included.',
      labels: { ...jobLabels, error_type: ERROR_TYPES },
      replaces: ['taskforge_job_failed_total', 'tasks_failed_total', 'taskflows_task_errors_total'],
    }),
    retries: counter({
      name: 'jobs_retries_total',
      help: 'Job attempts that were retried after a failure.',
      labels: jobLabels,
      replaces: ['taskflows_task_retries_total'],
    }),
    processingDuration: histogram({
      name: 'job_processing_duration_seconds',
      help: 'Time spent running one job attempt, from handler start to handler end (0.5 ms to ~4.4 min, doubling at each bucket).',
      unit: 'seconds',
      labels: jobLabels,
      buckets: exponentialBuckets(0.0005, 2, 20),
      replaces: ['taskforge_job_processing_duration_seconds', 'task_processing_duration_seconds', 'taskflows_task_duration_seconds'],
    }),
  },
});
