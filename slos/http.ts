import { defineSlo, events, latencySli, ratioSli } from 'sextant';
import http from '../catalog/http.ts';
import { HTTP_ROUTES, HTTP_STATUS_CODES } from '../catalog/shared/labels.ts';

const { requests, requestDuration } = http.metrics;
type StatusCode = (typeof HTTP_STATUS_CODES)[number];
type Route = (typeof HTTP_ROUTES)[number];
/** The catalogue's 5xx codes and task routes, read from its shared vocabulary rather than typed again. */
const SERVER_ERRORS = HTTP_STATUS_CODES.filter((code): code is Extract<StatusCode, `5${string}`> => code.startsWith('5'));
const TASK_ROUTES = HTTP_ROUTES.filter((route): route is Extract<Route, `/api/v1/tasks${string}`> => route.startsWith('/api/v1/tasks'));

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
