import { alert, bucketOf, countOf, defineRules, evaluates, fires, input, pending, promql, recordingRule, silent } from 'sextant';
import database from '../catalog/database.ts';
import config from '../sextant.config.ts';
import { APP_ESCALATION } from './shared/escalation.ts';
import { latencyRules, p95Scenario } from './shared/latency.ts';
import { API } from './shared/targets.ts';

const t = config.alerts.thresholds;
const { queryDuration, connections, maxConnections, queryErrors } = database.metrics;

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
      // A floor of traffic: the p95 of a few queries is the slowest of them.
      expr: promql`${queryLatency.p95} > ${t.databaseQueryP95Seconds} and on (job, query_type) ${queryLatency.buckets}{le="+Inf"} > ${t.databaseMinQueriesPerSecond}`,
      for: '5m',
      summary: 'Slow {{ $labels.query_type }} queries on {{ $labels.job }}',
      description: 'The slowest 5% of {{ $labels.query_type }} queries from {{ $labels.job }} take {{ $value | humanizeDuration }} or more.',
      runbook: {
        meaning: 'Database queries are slow; every request and job that runs them is slow too.',
        causes: ['A missing index or a changed query plan.', 'Lock contention or a long transaction.', 'The database host is saturated (CPU, disk).'],
        checks: ['Database dashboard: p95 by query type and table, errors.', 'The database slow query log.', 'Host dashboard of the database server.'],
        fix: [
          'Find the slow statement in the slow query log; add the missing index or restore the old plan (ANALYZE the table).',
          'Kill the long transaction holding locks, if one does.',
          'If the database host is saturated, move batch work off peak or scale the database.',
        ],
        escalation: `${APP_ESCALATION} The database administrators when the host or the engine is at fault.`,
        query: promql`${queryLatency.p95}`,
        panel: { dashboard: 'database', panel: 'Query latency p50, p95, p99' },
      },
      scenario: { target: API, ...p95Scenario(queryDuration, { query_type: 'select', table: 'tasks' }) },
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
        fix: [
          'If queries are slow, follow DatabaseQueriesSlow: slow queries hold the connections.',
          'If connections stay in use with no queries running, restart the process: it leaks connections (and file a bug).',
          'Raise the pool size only if the database has connections to spare.',
        ],
        escalation: APP_ESCALATION,
        query: promql`${poolUsage}`,
        panel: { dashboard: 'database', panel: 'Pool in use' },
      },
      perInstance: 'Each process has its own pool: one exhausted pool stalls the requests sent to that process while the others serve.',
      scenario: {
        target: API,
        series: (ratio, s) => [input(connections, { ...s.target, state: 'in_use' }, s.gauge(20 * ratio)), input(maxConnections, { ...s.target }, s.gauge(20))],
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
    alert({
      name: 'DatabaseQueryErrorsHigh',
      severity: 'warning',
      expr: promql`
        sum by (job) (rate(${queryErrors}[5m])) / sum by (job) (rate(${countOf(queryDuration)}[5m])) > ${t.databaseQueryErrorRatio}
        and sum by (job) (rate(${countOf(queryDuration)}[5m])) > ${t.databaseMinQueriesPerSecond}
      `,
      for: '5m',
      summary: 'Database queries fail on {{ $labels.job }}',
      description: '{{ $value | humanizePercentage }} of the database queries of {{ $labels.job }} failed over the last 5 minutes.',
      runbook: {
        meaning: 'Queries fail (timeouts, lost connections, deadlocks): the requests and jobs that run them fail or retry.',
        causes: ['The database is down, restarting or failing over.', 'Timeouts under load.', 'Deadlocks from a new access pattern.'],
        checks: ['Database dashboard: query errors by type.', 'The database logs.', 'MySQL alerts (MysqlDown) for the server itself.'],
        fix: [
          'If errors are connection errors, restore the database (follow MysqlDown) and restart the API if its pool does not reconnect.',
          'If timeouts, follow DatabaseQueriesSlow.',
          'If deadlocks, roll back the deploy that introduced the new access pattern.',
        ],
        escalation: `${APP_ESCALATION} The database administrators when the server is at fault.`,
        query: promql`sum by (job, query_type, error_type) (rate(${queryErrors}[5m]))`,
        panel: { dashboard: 'database', panel: 'Query errors by type' },
      },
      scenario: {
        target: API,
        series: (ratio, s) => [
          input(queryErrors, { ...s.target, query_type: 'select', error_type: 'timeout' }, s.counter(10 * ratio)),
          input(countOf(queryDuration), { ...s.target, query_type: 'select', table: 'tasks' }, s.counter(10)),
        ],
        idle: (s) => [input(countOf(queryDuration), { ...s.target, query_type: 'select', table: 'tasks' }, s.counter(0))],
      },
      tests: [
        fires('one query in ten fails', {
          at: '10m',
          series: [input(queryErrors, { ...API, query_type: 'select', error_type: 'timeout' }, '0+60x20'), input(countOf(queryDuration), { ...API, query_type: 'select', table: 'tasks' }, '0+600x20')],
          alerts: [{ labels: { job: 'api' }, summary: 'Database queries fail on api', description: '10% of the database queries of api failed over the last 5 minutes.' }],
        }),
        silent('one query in fifty fails', {
          at: '10m',
          series: [input(queryErrors, { ...API, query_type: 'select', error_type: 'timeout' }, '0+12x20'), input(countOf(queryDuration), { ...API, query_type: 'select', table: 'tasks' }, '0+600x20')],
        }),
        silent('one of three queries fails, under the traffic floor', {
          at: '10m',
          series: [input(queryErrors, { ...API, query_type: 'select', error_type: 'timeout' }, '0+1x20'), input(countOf(queryDuration), { ...API, query_type: 'select', table: 'tasks' }, '0+3x20')],
        }),
        pending('failing for less than 5 minutes', {
          at: '3m',
          series: [input(queryErrors, { ...API, query_type: 'select', error_type: 'timeout' }, '0+60x20'), input(countOf(queryDuration), { ...API, query_type: 'select', table: 'tasks' }, '0+600x20')],
        }),
      ],
    }),
  ],
});
