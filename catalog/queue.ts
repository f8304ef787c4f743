import { counter, defineDomain, exponentialBuckets, gauge, histogram } from 'sextant';
import { QUEUES } from './shared/labels.ts';

export default defineDomain({
  name: 'queue',
  title: 'Queues',
  description:
    'The job queues between API and workers (a RabbitMQ queue in the task handler). Length divided by ' +
    'dequeue rate is the backlog in seconds, the figure the worker pool autoscales on.',
  owner: 'app',
  metrics: {
    length: gauge({
      name: 'queue_length',
      help: 'Jobs waiting in the queue, not yet taken by a worker.',
      labels: { queue: QUEUES },
      replaces: ['taskforge_queue_length', 'tasks_queue_size'],
    }),
    enqueued: counter({
      name: 'queue_enqueued_total',
      help: 'Jobs put onto the queue.',
      labels: { queue: QUEUES },
      replaces: ['queue_messages_published_total'],
    }),
    dequeued: counter({
      name: 'queue_dequeued_total',
      help: 'Jobs taken off the queue by workers: the queue throughput.',
      labels: { queue: QUEUES },
      replaces: ['taskforge_queue_throughput_total', 'queue_messages_consumed_total'],
    }),
    oldestJobAge: gauge({
      name: 'queue_oldest_job_age_seconds',
      help: 'Age of the oldest waiting job (0 when the queue is empty): the queue lag.',
      unit: 'seconds',
      labels: { queue: QUEUES },
    }),
    waitDuration: histogram({
      name: 'queue_wait_duration_seconds',
      help: 'Time jobs spent waiting in the queue before a worker took them.',
      unit: 'seconds',
      labels: { queue: QUEUES },
      buckets: exponentialBuckets(0.01, 2, 14),
    }),
  },
});
