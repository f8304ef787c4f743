import { alert, bucketOf, defineRules, evaluates, fires, input, pending, promql, recordingRule, silent } from 'sextant';
import http from '../catalog/http.ts';
import config from '../sextant.config.ts';
import { APP_ESCALATION } from './shared/escalation.ts';
import { latencyRules, p95Scenario } from './shared/latency.ts';
import { API } from './shared/targets.ts';

const t = config.alerts.thresholds;
const { requests, requestDuration } = http.metrics;

const ok = (values: string) => input(requests, { ...API, method: 'GET', route: '/api/v1/tasks', status_code: '200' }, values);
const failed = (values: string) => input(requests, { ...API, method: 'GET', route: '/api/v1/tasks', status_code: '500' }, values);
/** 100 requests a minute, all between 0.1 s and 0.5 s (or 1 s and 2.5 s): quantiles are exact. */
const latencySeries = (slow: boolean) => [
  input(bucketOf(requestDuration), { ...API, method: 'GET', route: '/api/v1/tasks', le: '0.1' }, '0+0x30'),
  input(bucketOf(requestDuration), { ...API, method: 'GET', route: '/api/v1/tasks', le: slow ? '1' : '0.5' }, slow ? '0+0x30' : '0+100x30'),
  input(bucketOf(requestDuration), { ...API, method: 'GET', route: '/api/v1/tasks', le: '2.5' }, '0+100x30'),
  input(bucketOf(requestDuration), { ...API, method: 'GET', route: '/api/v1/tasks', le: '+Inf' }, '0+100x30'),
];

export const requestRate = recordingRule({
  record: 'job:http_requests:rate5m',
  expr: promql`sum by (job) (rate(${requests}[5m]))`,
  tests: [evaluates('sums every route and status', { at: '10m', series: [ok('0+90x20'), failed('0+30x20')], samples: [{ labels: { job: 'api' }, value: 2 }] })],
});

export const errorRate = recordingRule({
  record: 'job:http_requests_errors:rate5m',
  // A healthy API has no 5xx series at all: the `or` makes that a 0, not an empty ratio.
  expr: promql`
    sum by (job) (rate(${requests}{status_code=~"5.."}[5m]))
    or
    0 * sum by (job) (rate(${requests}[5m]))
  `,
  tests: [
    evaluates('counts only 5xx answers', { at: '10m', series: [ok('0+90x20'), failed('0+30x20')], samples: [{ labels: { job: 'api' }, value: 0.5 }] }),
    evaluates('is zero, not empty, when nothing fails', { at: '10m', series: [ok('0+90x20')], samples: [{ labels: { job: 'api' }, value: 0 }] }),
  ],
});

export const errorRatio = recordingRule({
  record: 'job:http_requests_errors:ratio_rate5m',
  expr: promql`${errorRate} / ${requestRate}`,
  tests: [evaluates('is 5xx over all answers', { at: '10m', series: [ok('0+90x20'), failed('0+30x20')], samples: [{ labels: { job: 'api' }, value: 0.25 }] })],
});

export const latency = latencyRules(requestDuration, ['route'], { ...API, method: 'GET', route: '/api/v1/tasks' }, ['p50', 'p95', 'p99']);

export default defineRules({
  name: 'http',
  title: 'HTTP API',
  recording: [requestRate, errorRate, errorRatio, ...latency.all],
  alerts: [
    alert({
      name: 'HttpErrorRatioHigh',
      severity: 'critical',
      // The API's availability SLOs page on the same errors, later: at 5 % or more of 5xx this 5m ratio
      // holds for 2m before their 1h window reaches 14.4 × the budget and holds for theirs. One page per
      // incident: the SLOs name their service as the job is named, and the service label below, copied
      // from the job, lets Alertmanager match the two on it.
      supersedes: ['HttpAvailabilityBurnRate1h', 'HttpAvailabilityBurnRate6h', 'HttpTasksBurnRate1h', 'HttpTasksBurnRate6h'],
      impact: 'Users get server errors on more than 5 % of their requests.',
      // A floor of traffic: six requests in five minutes with one 5xx is 17 %, and no reason to page.
      expr: promql`label_replace(${errorRatio} > ${t.httpErrorRatio} and ${requestRate} > ${t.httpMinRequestsPerSecond}, "service", "$1", "job", "(.+)")`,
      for: '2m',
      summary: 'HTTP 5xx ratio is high on {{ $labels.job }}',
      description: '{{ $value | humanizePercentage }} of requests to {{ $labels.job }} failed with a 5xx status over the last 5 minutes.',
      runbook: {
        meaning: 'A large share of API requests fail on the server side: users see errors.',
        causes: ['A dependency (database, cache, payment API) is down or its circuit breaker is open.', 'A bad deploy.', 'Resource exhaustion: memory, file descriptors, connection pool.'],
        checks: ['HTTP API dashboard: which routes and status codes.', 'Circuit breaker and database dashboards.', 'Recent deploys and the service logs for stack traces.'],
        fix: [
          'If a deploy started it, roll it back.',
          'If one dependency fails (CircuitBreakerOpen, DatabaseQueryErrorsHigh), follow that alert\'s runbook; restart the API only if its connections to the dependency are stuck.',
          'If one route fails, disable the feature behind it or scale the API if it is saturated (ProcessCpuHigh, EventLoopLagHigh).',
        ],
        escalation: APP_ESCALATION,
        query: promql`sum by (job, route, status_code) (rate(${requests}{status_code=~"5.."}[5m]))`,
        panel: { dashboard: 'http', panel: '5xx ratio' },
      },
      scenario: {
        target: API,
        series: (ratio, s) => [
          input(requests, { ...s.target, method: 'GET', route: '/api/v1/tasks', status_code: '500' }, s.counter(10 * ratio)),
          input(requests, { ...s.target, method: 'GET', route: '/api/v1/tasks', status_code: '200' }, s.counter(10 * (1 - ratio))),
        ],
        idle: (s) => [input(requests, { ...s.target, method: 'GET', route: '/api/v1/tasks', status_code: '200' }, s.counter(0))],
      },
      tests: [
        fires('10% of requests fail', {
          at: '15m',
          series: [ok('0+90x30'), failed('0+10x30')],
          alerts: [{ labels: { job: 'api', service: 'api' }, summary: 'HTTP 5xx ratio is high on api', description: '10% of requests to api failed with a 5xx status over the last 5 minutes.' }],
        }),
        silent('4% of requests fail, under the threshold', { at: '15m', series: [ok('0+96x30'), failed('0+4x30')] }),
        silent('one 5xx among six requests in 5 minutes: under the traffic floor', { at: '15m', series: [ok('0+1x30'), failed('0+0.2x30')] }),
        pending('failing for less than 2 minutes', { at: '2m', series: [ok('0+90x30'), failed('0+10x30')] }),
      ],
    }),
    alert({
      name: 'HttpLatencyP95High',
      severity: 'warning',
      // p95 of a handful of requests is one slow request: only routes with traffic.
      expr: promql`${latency.p95} > ${t.httpLatencyP95Seconds} and on (job, route) ${latency.buckets}{le="+Inf"} > ${t.httpMinRequestsPerSecond}`,
      for: '5m',
      summary: 'Slow responses on {{ $labels.job }} {{ $labels.route }}',
      description: '95% of requests to {{ $labels.route }} on {{ $labels.job }} take up to {{ $value | humanizeDuration }}.',
      runbook: {
        meaning: 'The slowest 5% of requests to a route are slower than the latency objective.',
        causes: ['Slow database queries or a cold cache.', 'CPU saturation or event loop lag in the API process.', 'A slow downstream dependency.'],
        checks: ['HTTP API dashboard: latency by route.', 'Database and cache dashboards.', 'Node.js runtime dashboard: event loop lag.'],
        fix: [
          'If DatabaseQueriesSlow fires too, follow its runbook: the queries are the latency.',
          'If the API is CPU-bound or its event loop lags, scale it out.',
          'If a deploy started it, roll it back.',
        ],
        escalation: APP_ESCALATION,
        query: promql`${latency.p95}`,
        panel: { dashboard: 'http', panel: 'Slowest routes (p95)' },
      },
      scenario: { target: API, ...p95Scenario(requestDuration, { method: 'GET', route: '/api/v1/tasks' }) },
      tests: [
        fires('requests take 1–2.5 s', {
          at: '15m',
          series: latencySeries(true),
          alerts: [
            {
              labels: { job: 'api', route: '/api/v1/tasks' },
              summary: 'Slow responses on api /api/v1/tasks',
              description: '95% of requests to /api/v1/tasks on api take up to 2.425s.',
            },
          ],
        }),
        silent('requests take 0.1–0.5 s', { at: '15m', series: latencySeries(false) }),
        pending('slow for less than 5 minutes', { at: '4m', series: latencySeries(true) }),
      ],
    }),
  ],
});
