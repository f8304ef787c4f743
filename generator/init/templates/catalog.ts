/** catalog/<service>.ts: one application domain, the metrics every HTTP service reports. */
import type { ProjectNames } from '../names.ts';

export function catalogFile({ service, title }: ProjectNames): string {
  return `import { counter, defineDomain, gauge, histogram } from 'sextant';

/**
 * Every label lists the values it may take: a route is a template (/api/items/:id), never a raw path,
 * so the number of series stays known. Replace the routes with your service's own (and the one
 * the tests of alerts/${service}.ts use).
 */
const method = ['GET', 'POST', 'PUT', 'DELETE'];
const route = ['/', '/api/items', '/api/items/:id'];

export default defineDomain({
  name: 'http',
  title: '${title} HTTP API',
  description: 'Requests the ${service} service answers: rate, errors and latency, by method and route template.',
  owner: 'app',
  metrics: {
    requests: counter({
      name: 'http_requests_total',
      help: 'HTTP requests answered, by method, route template and status class.',
      labels: { method, route, status_class: ['2xx', '3xx', '4xx', '5xx'] },
    }),
    duration: histogram({
      name: 'http_request_duration_seconds',
      help: 'Time from request received to response sent, by method and route template.',
      unit: 'seconds',
      labels: { method, route },
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    }),
    inFlight: gauge({
      name: 'http_requests_in_flight',
      help: 'HTTP requests being served right now.',
    }),
  },
});
`;
}
