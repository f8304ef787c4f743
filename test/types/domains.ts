/** Small domains the compile-time tests type against: listed values, so each is a literal type. */
import { counter, defineDomain, histogram } from '../../generator/index.ts';

const route = ['/api/v1/tasks', '/health'] as const;

export const http = defineDomain({
  name: 'http',
  title: 'HTTP',
  description: 'Requests an API serves.',
  owner: 'app',
  metrics: {
    requests: counter({ name: 'http_requests_total', help: 'Requests.', labels: { method: ['GET', 'POST'], route, status_code: ['200', '500', '503'] } }),
    requestDuration: histogram({ name: 'http_request_duration_seconds', help: 'Latency.', unit: 'seconds', labels: { method: ['GET', 'POST'], route }, buckets: [0.1, 0.5, 1] }),
  },
});

export const jobs = defineDomain({
  name: 'jobs',
  title: 'Jobs',
  description: 'Background jobs.',
  owner: 'app',
  metrics: {
    processed: counter({ name: 'jobs_processed_total', help: 'Jobs processed.', labels: { queue: ['default', 'bulk'], job_type: ['email', 'report'], result: ['success', 'failed'] } }),
  },
});
