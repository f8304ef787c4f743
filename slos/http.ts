import { defineSlo, events, latencySli, ratioSli } from '#sextant';
import http from '../catalog/http.ts';

const { requests, requestDuration } = http.metrics;
const SERVER_ERRORS = ['500', '502', '503', '504'] as const;
const TASK_ROUTES = ['/api/v1/tasks', '/api/v1/tasks/:id'] as const;

/** The event platform's SLOs (availability 99.9 %, 5xx error ratio 1 %, p95 ≤ 500 ms), as SLIs over the catalogue. */
export default [
  defineSlo({
    name: 'http_availability',
    title: 'API availability',
    service: 'api',
    team: 'platform',
    description: 'Share of all API requests answered without a server error (5xx).',
    objective: 0.999,
    sli: ratioSli({ bad: events(requests, { status_code: SERVER_ERRORS }), total: events(requests) }),
    whenExhausted: 'freeze feature deploys of the API; only fixes and reliability work ship until the budget recovers, and the incident gets a postmortem.',
  }),
  defineSlo({
    name: 'http_tasks',
    title: 'Task API error ratio',
    service: 'api',
    team: 'platform',
    description: 'Share of requests to the task routes answered with a 5xx: at most 1 % fail.',
    objective: 0.99,
    sli: ratioSli({ bad: events(requests, { route: TASK_ROUTES, status_code: SERVER_ERRORS }), total: events(requests, { route: TASK_ROUTES }) }),
    whenExhausted: 'stop task-API feature work; the team fixes the failing routes or dependencies first.',
  }),
  defineSlo({
    name: 'http_latency',
    title: 'API latency',
    service: 'api',
    team: 'platform',
    description: 'Share of API requests served within 0.5 s: a p95 of at most 500 ms means 95 % of requests are this fast.',
    objective: 0.95,
    sli: latencySli({ histogram: requestDuration, threshold: 0.5 }),
    whenExhausted: 'prioritise performance work (slow queries, cache misses, event-loop lag) over features until the budget recovers.',
  }),
];
