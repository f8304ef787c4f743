import { alert, defineRules, evaluates, fires, input, pending, promql, recordingRule, silent } from 'sextant';
import cache from '../catalog/cache.ts';
import config from '../sextant.config.ts';
import { APP_ESCALATION } from './shared/escalation.ts';
import { latencyRules } from './shared/latency.ts';
import { API } from './shared/targets.ts';

const t = config.alerts.thresholds;
const { operations } = cache.metrics;
const gets = (hits: number, misses: number) => [
  input(operations, { ...API, cache: 'task_cache', operation: 'get', result: 'hit' }, `0+${hits}x30`),
  input(operations, { ...API, cache: 'task_cache', operation: 'get', result: 'miss' }, `0+${misses}x30`),
  input(operations, { ...API, cache: 'task_cache', operation: 'set', result: 'success' }, '0+50x30'),
];

export const operationLatency = latencyRules(cache.metrics.operationDuration, ['cache', 'operation'], { ...API, cache: 'task_cache', operation: 'get' }, ['p95']);

export const hitRatio = recordingRule({
  record: 'job_cache:cache_gets_hit:ratio_rate5m',
  expr: promql`
    sum by (job, cache) (rate(${operations}{operation="get", result="hit"}[5m]))
    /
    sum by (job, cache) (rate(${operations}{operation="get"}[5m]))
  `,
  tests: [evaluates('is hits over gets, sets left out', { at: '10m', series: gets(75, 25), samples: [{ labels: { job: 'api', cache: 'task_cache' }, value: 0.75 }] })],
});

export default defineRules({
  name: 'cache',
  title: 'Cache',
  recording: [hitRatio, ...operationLatency.all],
  alerts: [
    alert({
      name: 'CacheHitRatioLow',
      severity: 'warning',
      // A floor of traffic: three misses out of four gets at night say nothing about the cache.
      expr: promql`${hitRatio} < ${t.cacheHitRatio} and sum by (job, cache) (rate(${operations}{operation="get"}[5m])) > ${t.cacheMinGetsPerSecond}`,
      blindSpot: 'The cache series vanish only with the API process itself: TargetDown and the HTTP alerts cover that.',
      for: '10m',
      summary: 'Cache {{ $labels.cache }} misses most lookups',
      description: 'Only {{ $value | humanizePercentage }} of gets on {{ $labels.cache }} ({{ $labels.job }}) are hits.',
      runbook: {
        meaning: 'Most lookups go to the backing store: it takes the load the cache should absorb, and latency rises.',
        causes: ['Entries evicted early (capacity too small, TTL too short).', 'A cache flush or restart.', 'A new access pattern the cache keys do not fit.'],
        checks: ['Cache dashboard: hit ratio, evictions by reason, entries.', 'Database dashboard: the extra load.'],
        fix: [
          'If evictions by capacity rose, raise the cache capacity; if by TTL, lengthen the TTL of the hot keys.',
          'After a flush or restart, wait for it to warm up (about one TTL) while watching the database load.',
          'If a deploy changed the cache keys, roll it back or accept the new baseline.',
        ],
        escalation: APP_ESCALATION,
        query: promql`${hitRatio}`,
        panel: { dashboard: 'cache', panel: 'Hit ratio' },
      },
      scenario: {
        target: API,
        series: (ratio, s) => [
          input(operations, { ...s.target, cache: 'task_cache', operation: 'get', result: 'hit' }, s.counter(10 * ratio)),
          input(operations, { ...s.target, cache: 'task_cache', operation: 'get', result: 'miss' }, s.counter(10 * (1 - ratio))),
        ],
        idle: (s) => [input(operations, { ...s.target, cache: 'task_cache', operation: 'get', result: 'hit' }, s.counter(0))],
      },
      tests: [
        fires('30% of gets hit', {
          at: '20m',
          series: gets(30, 70),
          alerts: [{ labels: { job: 'api', cache: 'task_cache' }, summary: 'Cache task_cache misses most lookups', description: 'Only 30% of gets on task_cache (api) are hits.' }],
        }),
        silent('55% of gets hit, above the threshold', { at: '20m', series: gets(55, 45) }),
        silent('one hit in four gets, under the traffic floor', { at: '20m', series: gets(0.1, 0.3) }),
        pending('missing for less than 10 minutes', { at: '5m', series: gets(30, 70) }),
      ],
    }),
  ],
});
