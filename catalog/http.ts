import { counter, defineDomain, exponentialBuckets, gauge, histogram } from 'sextant';
import { HTTP_METHODS, HTTP_ROUTES, HTTP_STATUS_CODES } from './shared/labels.ts';

const requestLabels = { method: HTTP_METHODS, route: HTTP_ROUTES };

export default defineDomain({
  name: 'http',
  title: 'HTTP API',
  description:
    'Requests served by the API role: the rate, latency and errors every service reports. ' +
    'Routes are templates (`/api/v1/tasks/:id`), never raw paths, ' +
    'so one series stands for every task id. `/metrics` itself is not recorded.',
  owner: 'app',
  metrics: {
    requests: counter({
      name: 'http_requests_total',
      help: 'HTTP requests completed, by method, route template and status code.',
      labels: { ...requestLabels, status_code: HTTP_STATUS_CODES },
      replaces: ['http_requests_total', 'rustok_http_requests_by_endpoint', 'taskflows_api_request_total'],
    }),
    requestDuration: histogram({
      name: 'http_request_duration_seconds',
      help: 'Time from request received to response finished. Status is left to http_requests_total to keep this histogram small.',
      unit: 'seconds',
      labels: requestLabels,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      replaces: ['taskforge_system_request_duration_seconds', 'http_request_duration_seconds', 'taskflows_api_request_duration_seconds'],
    }),
    inFlight: gauge({
      name: 'http_requests_in_flight',
      help: 'HTTP requests being served right now.',
      replaces: ['http_requests_in_flight', 'http_requests_inprogress', 'taskflows_api_active_requests'],
    }),
    requestSize: histogram({
      name: 'http_request_size_bytes',
      help: 'Size of request bodies as received.',
      unit: 'bytes',
      labels: requestLabels,
      buckets: exponentialBuckets(64, 4, 8),
      replaces: ['rustok_http_request_size_bytes', 'http_request_size_bytes'],
    }),
    responseSize: histogram({
      name: 'http_response_size_bytes',
      help: 'Size of response bodies as sent.',
      unit: 'bytes',
      labels: requestLabels,
      buckets: exponentialBuckets(64, 4, 8),
      replaces: ['rustok_http_response_size_bytes', 'http_response_size_bytes'],
    }),
    activeConnections: gauge({
      name: 'http_active_connections',
      help: 'Open TCP connections to the API server, idle keep-alive connections included.',
      replaces: ['rustok_http_active_connections'],
    }),
  },
});
