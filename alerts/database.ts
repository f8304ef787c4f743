import { alert, bucketOf, defineRules, evaluates, fires, input, pending, promql, recordingRule, silent } from '#sextant';
import database from '../catalog/database.ts';
import config from '../sextant.config.ts';
import { latencyRules } from './shared/latency.ts';
import { API } from './shared/targets.ts';

const t = config.alerts.thresholds;
const { queryDuration, connections, maxConnections } = database.metrics;

const queries = (lower: string, upper: string) => [
  input(bucketOf(queryDuration), { ...API, query_type: 'select', table: 'tasks', le: lower }, '0+0x30'),
  input(bucketOf(queryDuration), { ...API, query_type: 'select', table: 'tasks', le: upper }, '0+100x30'),
  input(bucketOf(queryDuration), { ...API, query_type: 'select', table: 'tasks', le: '+Inf' }, '0+100x30'),
];
const pool = (inUse: number, idle: number, max: number) => [
  input(connections, { ...API, state: 'in_use' }, `${inUse}x30`),
  input(connections, { ...API, state: 'idle' }, `${idle}x30`),
  input(maxConnections, { ...API }, `${max}x30`),
];

export const queryLatency = latencyRules(queryDuration, ['query_type'], { ...API, query_type: 'select', table: 'tasks' }, ['p50', 'p95', 'p99']);

export const poolUsage = recordingRule({
  record: 'job_instance:database_connections_in_use:ratio',
  expr: promql`sum by (job, instance) (${connections}{state="in_use"}) / sum by (job, instance) (${maxConnections})`,
  tests: [evaluates('is connections in use over the pool maximum', { at: '5m', series: pool(5, 5, 20), samples: [{ labels: { ...API }, value: 0.25 }] })],
});

export default defineRules({
  name: 'database',
  title: 'Database',
  recording: [...queryLatency.all, poolUsage],
  alerts: [
    alert({
      name: 'DatabaseQueriesSlow',
      severity: 'warning',
      expr: promql`${queryLatency.p95} > ${t.databaseQueryP95Seconds}`,
      for: '5m',
      summary: 'Slow {{ $labels.query_type }} queries on {{ $labels.job }}',
      description: 'The slowest 5% of {{ $labels.query_type }} queries from {{ $labels.job }} take {{ $value | humanizeDuration }} or more.',
      runbook: {
        meaning: 'Database queries are slow; every request and job that runs them is slow too.',
        causes: ['A missing index or a changed query plan.', 'Lock contention or a long transaction.', 'The database host is saturated (CPU, disk).'],
        checks: ['Database dashboard: p95 by query type and table, errors.', 'The database slow query log.', 'Host dashboard of the database server.'],
      },
      tests: [
        fires('queries take 128–256 ms', {
          at: '15m',
          series: queries('0.128', '0.256'),
          alerts: [
            {
              labels: { job: 'api', query_type: 'select' },
              summary: 'Slow select queries on api',
              description: 'The slowest 5% of select queries from api take 249.6ms or more.',
            },
          ],
        }),
        silent('queries take 32–64 ms', { at: '15m', series: queries('0.032', '0.064') }),
        pending('slow for less than 5 minutes', { at: '4m', series: queries('0.128', '0.256') }),
      ],
    }),
    alert({
      name: 'DatabaseConnectionPoolNearLimit',
      severity: 'warning',
      expr: promql`${poolUsage} > ${t.databasePoolUsageRatio}`,
      for: '5m',
      summary: 'Database pool of {{ $labels.instance }} is nearly exhausted',
      description: '{{ $labels.instance }} uses {{ $value | humanizePercentage }} of its database connection pool.',
      runbook: {
        meaning: 'Almost every pooled connection is busy; new queries will queue for a connection.',
        causes: ['Slow queries holding connections.', 'A connection leak.', 'More concurrent work than the pool is sized for.'],
        checks: ['Database dashboard: connections by state, query duration.', 'Raise the pool size only if the database can take it.'],
      },
      tests: [
        fires('18 of 20 connections in use', {
          at: '10m',
          series: pool(18, 2, 20),
          alerts: [{ labels: { ...API }, summary: 'Database pool of api:9464 is nearly exhausted', description: 'api:9464 uses 90% of its database connection pool.' }],
        }),
        silent('15 of 20 connections in use', { at: '10m', series: pool(15, 5, 20) }),
        pending('nearly exhausted for less than 5 minutes', { at: '3m', series: pool(18, 2, 20) }),
      ],
    }),
  ],
});
