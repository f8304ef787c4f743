/**
 * The PostgreSQL alerts: what the postgres_mixin alerts on (the server down, connections near
 * max_connections, a cold buffer cache) and what the exporter's default collectors also show
 * (deadlocks, a transaction left open, a replica falling behind). A database is a cause, not a
 * symptom: the services using it page on their own errors, so these open tickets (warning).
 */
import { alert, defineRules, evaluates, fires, input, pending, promql, recordingRule, silent, type RecordingRuleDef, type RulesDef } from '../../index.ts';
import type { PackSettings } from '../../dsl/packs.ts';
import postgres from './domain.ts';
import type { PostgresThresholds as Thresholds } from './index.ts';

const pg = postgres.metrics;

export const DEFAULT_JOB = 'postgres';
const PANEL = (panel: string) => ({ dashboard: 'postgres', panel });
const testTarget = (job: string) => ({ job, instance: 'postgres-exporter:9187' }) as const;
const db = { datid: '16384', datname: 'app' } as const;

/** The pack's recording rules: what its alerts compare and its dashboard shows, computed once. */
export interface PostgresRecording {
  /** Backends over the connections max_connections leaves to clients, per server. */
  readonly connectionsRatio: RecordingRuleDef;
  /** Blocks found in shared_buffers over all blocks read, per database. */
  readonly cacheHitRatio: RecordingRuleDef;
}

export function postgresRecording({ job }: PackSettings<Thresholds>): PostgresRecording {
  const PG = testTarget(job);
  return {
    connectionsRatio: recordingRule({
      record: 'job_instance:pg_connections:ratio',
      // superuser_reserved_connections are not for clients: they hit the limit that many connections earlier.
      // The settings carry the exporter's server label, the backends are summed without it.
      expr: promql`sum by (job, instance) (${pg.backends}) / max by (job, instance) (${pg.maxConnections} - ${pg.superuserReservedConnections})`,
      tests: [
        evaluates("is the backends' share of max_connections less the superusers' reserve", {
          at: '5m',
          series: [
            input(pg.backends, { ...PG, ...db }, '40x10'),
            input(pg.backends, { ...PG, datid: '5', datname: 'postgres' }, '10x10'),
            input(pg.maxConnections, { ...PG, server: 'db:5432' }, '103x10'),
            input(pg.superuserReservedConnections, { ...PG, server: 'db:5432' }, '3x10'),
          ],
          samples: [{ labels: { ...PG }, value: 0.5 }],
        }),
      ],
    }),
    cacheHitRatio: recordingRule({
      record: 'job_instance_datname:pg_blocks_hit:ratio_rate5m',
      expr: promql`sum by (job, instance, datname) (rate(${pg.blocksHit}[5m])) / sum by (job, instance, datname) (rate(${pg.blocksHit}[5m]) + rate(${pg.blocksRead}[5m]))`,
      tests: [
        evaluates('is the share of blocks read from the buffer cache', {
          at: '10m',
          series: [input(pg.blocksHit, { ...PG, ...db }, '0+900x20'), input(pg.blocksRead, { ...PG, ...db }, '0+100x20')],
          samples: [{ labels: { ...PG, datname: 'app' }, value: 0.9 }],
        }),
      ],
    }),
  };
}

export default function postgresRules({ job, thresholds: t, escalation }: PackSettings<Thresholds>, recording: PostgresRecording): RulesDef {
  const PG = testTarget(job);
  const up = (values: string) => input(pg.up, { ...PG }, values);
  /** `used` backends of max_connections 103, three of them reserved for superusers: 100 for clients. */
  const connections = (used: number) => [
    input(pg.backends, { ...PG, ...db }, `${used}x30`),
    input(pg.maxConnections, { ...PG, server: 'db:5432' }, '103x30'),
    input(pg.superuserReservedConnections, { ...PG, server: 'db:5432' }, '3x30'),
  ];
  /** Blocks per minute found in the buffer cache and read from disk. */
  const blocks = (hitPerMinute: number, readPerMinute: number) => [
    input(pg.blocksHit, { ...PG, ...db }, `0+${hitPerMinute}x30`),
    input(pg.blocksRead, { ...PG, ...db }, `0+${readPerMinute}x30`),
  ];
  const oldest = (seconds: string) => input(pg.maxTxDuration, { ...PG, datname: 'app', state: 'idle in transaction', usename: 'app', application_name: 'api', backend_type: 'client backend', wait_event_type: 'Client', wait_event: 'ClientRead', server: 'db:5432' }, seconds);
  const lag = (values: string) => input(pg.replicationLag, { ...PG }, values);
  /** A threshold in seconds as people write it: 600 → 10m, 90 → 90s. */
  const duration = (seconds: number) => (seconds % 60 === 0 ? `${seconds / 60}m` : `${seconds}s`);

  return defineRules({
    name: 'postgres',
    title: 'PostgreSQL (postgres_exporter)',
    recording: [recording.connectionsRatio, recording.cacheHitRatio],
    alerts: [
      alert({
        name: 'PostgresqlDown',
        severity: 'warning',
        // The exporter keeps answering while PostgreSQL is down: pg_up, not up, says so. max_over_time: one failed probe is not an outage.
        expr: promql`max_over_time(${pg.up}[1m]) == 0`,
        for: '5m',
        scenario: { target: PG, series: (value, s) => [input(pg.up, { ...s.target }, s.gauge(value))] },
        summary: 'PostgreSQL behind {{ $labels.instance }} is down',
        description: 'postgres_exporter {{ $labels.instance }} has not reached PostgreSQL for 5 minutes.',
        blindSpot: 'When the exporter itself is gone, pg_up goes with it: an alert on up == 0 for the job (the prometheus pack\'s, or the project\'s own) covers that case.',
        runbook: {
          meaning: 'The exporter cannot connect to PostgreSQL: the server is down or refuses connections, and every query of the services using it fails.',
          causes: ['postgres crashed or was stopped (OOM, disk full, a failed upgrade).', 'All connections are taken: the exporter cannot get one either.', "The exporter's credentials or pg_hba.conf changed."],
          checks: ['PostgreSQL dashboard: PostgreSQL up, connections.', "systemctl status postgresql or the pod's state; the server log.", "pg_isready -h <host> -p <port> from the exporter's host."],
          fix: ['Start PostgreSQL again; if it does not start, read its log (disk full, a missing WAL segment, a bad setting).', 'If connections are exhausted, see PostgresqlConnectionsNearLimit.'],
          escalation,
          query: promql`${pg.up}`,
          panel: PANEL('PostgreSQL up'),
        },
        tests: [
          fires('PostgreSQL down for 10 minutes', {
            at: '10m',
            series: [up('1 0x30')],
            alerts: [{ labels: { ...PG }, summary: `PostgreSQL behind ${PG.instance} is down`, description: `postgres_exporter ${PG.instance} has not reached PostgreSQL for 5 minutes.` }],
          }),
          silent('up', { at: '10m', series: [up('1x30')] }),
          silent('one failed probe', { at: '10m', series: [up('1x5 0 1x30')] }),
          pending('down for less than 5 minutes', { at: '6m', series: [up('1 0x30')] }),
        ],
      }),
      alert({
        name: 'PostgresqlConnectionsNearLimit',
        severity: 'warning',
        expr: promql`${recording.connectionsRatio} > ${t.connectionsRatio}`,
        for: '5m',
        scenario: {
          target: PG,
          series: (used, s) => [
            input(pg.backends, { ...s.target, ...db }, s.gauge(used * 100)),
            input(pg.maxConnections, { ...s.target, server: 'db:5432' }, s.gauge(103)),
            input(pg.superuserReservedConnections, { ...s.target, server: 'db:5432' }, s.gauge(3)),
          ],
        },
        summary: 'PostgreSQL {{ $labels.instance }} is near max_connections',
        description: 'PostgreSQL {{ $labels.instance }} uses {{ $value | humanizePercentage }} of the connections max_connections leaves to clients.',
        runbook: {
          meaning: 'PostgreSQL is about to refuse new connections ("too many clients already"): services will fail to get one.',
          causes: ['Connection pools whose maximums add up to more than max_connections.', 'Connections leaked, or held idle in transaction.', 'No pooler (PgBouncer) in front of many short-lived clients.'],
          checks: ['PostgreSQL dashboard: connections against max_connections, connections by state.', 'SELECT usename, application_name, state, count(*) FROM pg_stat_activity GROUP BY 1, 2, 3;'],
          fix: ['End the idle or stuck sessions (SELECT pg_terminate_backend(pid) …); restart the service that leaks them.', 'Make the pools fit max_connections, put PgBouncer in front, or raise max_connections (a restart).'],
          escalation,
          query: promql`${recording.connectionsRatio}`,
          panel: PANEL('Connections'),
        },
        tests: [
          fires('90 of 100 connections', {
            at: '10m',
            series: connections(90),
            alerts: [{ labels: { ...PG }, summary: `PostgreSQL ${PG.instance} is near max_connections`, description: `PostgreSQL ${PG.instance} uses 90% of the connections max_connections leaves to clients.` }],
          }),
          silent('70 of 100 connections', { at: '10m', series: connections(70) }),
          pending('near the limit for less than 5 minutes', { at: '4m', series: connections(99) }),
        ],
      }),
      alert({
        name: 'PostgresqlDeadlocks',
        severity: 'warning',
        expr: promql`sum by (job, instance, datname) (increase(${pg.deadlocks}[5m])) > ${t.deadlocksPer5m}`,
        for: '0m',
        scenario: { target: PG, series: (deadlocks, s) => [input(pg.deadlocks, { ...s.target, ...db }, s.counter(deadlocks / 300))] },
        summary: 'Deadlocks in PostgreSQL database {{ $labels.datname }}',
        description: 'PostgreSQL {{ $labels.instance }} broke {{ $value | humanize }} deadlocks in {{ $labels.datname }} in the last 5 minutes, aborting a transaction each time.',
        runbook: {
          meaning: 'Transactions waited on each other\'s locks; PostgreSQL aborted one of each cycle (SQLSTATE 40P01), and the services saw those errors.',
          causes: ['Two code paths that lock the same rows or tables in different orders.', 'A batch job updating rows the services update too, in another order.'],
          checks: ['PostgreSQL dashboard: deadlocks, locks by mode.', 'The server log: each deadlock is logged with the statements of both transactions (log_lock_waits helps too).'],
          fix: ['Make the transactions take their locks in one order (sort the keys they update); keep them short.', 'Retry the aborted transaction in the client: a deadlock victim is safe to retry.'],
          escalation,
          query: promql`sum by (job, instance, datname) (increase(${pg.deadlocks}[5m]))`,
          panel: PANEL('Deadlocks'),
        },
        tests: [
          fires('a deadlock a minute', {
            at: '10m',
            series: [input(pg.deadlocks, { ...PG, ...db }, '0+1x30')],
            alerts: [
              {
                labels: { ...PG, datname: 'app' },
                summary: 'Deadlocks in PostgreSQL database app',
                description: `PostgreSQL ${PG.instance} broke 5 deadlocks in app in the last 5 minutes, aborting a transaction each time.`,
              },
            ],
          }),
          silent('no deadlock for 10 minutes', { at: '20m', series: [input(pg.deadlocks, { ...PG, ...db }, '0+1x5 5x30')] }),
        ],
      }),
      alert({
        name: 'PostgresqlCacheHitRatioLow',
        severity: 'warning',
        // Below the traffic floor a few cold reads would make the ratio of an idle database look bad.
        expr: promql`
          ${recording.cacheHitRatio} < ${t.cacheHitRatio}
          and sum by (job, instance, datname) (rate(${pg.blocksHit}[5m]) + rate(${pg.blocksRead}[5m])) > ${t.cacheMinBlocksPerSecond}`,
        for: '15m',
        scenario: {
          target: PG,
          series: (ratio, s) => [
            input(pg.blocksHit, { ...s.target, ...db }, s.counter(1000 * ratio)),
            input(pg.blocksRead, { ...s.target, ...db }, s.counter(1000 * (1 - ratio))),
          ],
          idle: (s) => [input(pg.blocksHit, { ...s.target, ...db }, s.counter(0)), input(pg.blocksRead, { ...s.target, ...db }, s.counter(0))],
        },
        blindSpot: 'When the exporter or PostgreSQL is gone, the counters go with them: PostgresqlDown and an alert on up == 0 for the job cover that case.',
        summary: 'PostgreSQL database {{ $labels.datname }} reads from disk',
        description: 'Only {{ $value | humanizePercentage }} of the blocks {{ $labels.datname }} on {{ $labels.instance }} reads are found in shared_buffers.',
        runbook: {
          meaning: 'The working set no longer fits in shared_buffers: queries read from disk (or the OS cache) and get slower.',
          causes: ['The data grew past shared_buffers.', 'A new query scans a large table (a missing index).', 'shared_buffers set too small (the default 128 MB).'],
          checks: ['PostgreSQL dashboard: cache hit ratio, rows fetched, database size.', 'pg_stat_statements ordered by shared_blks_read, if installed; pg_stat_user_tables for sequential scans.'],
          fix: ['Add the index the scanning query needs.', 'Raise shared_buffers (about a quarter of RAM; a restart), or give the server more memory.'],
          escalation,
          query: promql`${recording.cacheHitRatio}`,
          panel: PANEL('Cache hit ratio'),
        },
        tests: [
          fires('80 of 100 blocks from the cache', {
            at: '30m',
            series: blocks(48_000, 12_000),
            alerts: [{ labels: { ...PG, datname: 'app' }, summary: 'PostgreSQL database app reads from disk', description: `Only 80% of the blocks app on ${PG.instance} reads are found in shared_buffers.` }],
          }),
          silent('99 of 100 blocks from the cache', { at: '30m', series: blocks(59_400, 600) }),
          silent('a cold but nearly idle database', { at: '30m', series: blocks(30, 30) }),
          pending('reading from disk for less than 15 minutes', { at: '12m', series: blocks(48_000, 12_000) }),
        ],
      }),
      alert({
        name: 'PostgresqlLongTransaction',
        severity: 'warning',
        expr: promql`max by (job, instance, datname) (${pg.maxTxDuration}) > ${t.transactionSeconds}`,
        for: '2m',
        scenario: { target: PG, series: (seconds, s) => [input(pg.maxTxDuration, { ...s.target, datname: 'app', state: 'active', usename: 'app', application_name: 'api', backend_type: 'client backend', wait_event_type: '', wait_event: '', server: 'db:5432' }, s.gauge(seconds))] },
        summary: 'A transaction in {{ $labels.datname }} has been open for {{ $value | humanizeDuration }}',
        description: `The oldest transaction in {{ $labels.datname }} on {{ $labels.instance }} has been open for {{ $value | humanizeDuration }} (more than ${duration(t.transactionSeconds)}).`,
        runbook: {
          meaning: 'A transaction stays open: it holds its locks (others queue behind them) and keeps VACUUM from removing dead rows in every table, so tables and indexes bloat.',
          causes: ['A session left idle in transaction (a client that began a transaction and waits on something else).', 'A long batch job or migration.', 'A query stuck on a lock.'],
          checks: ['PostgreSQL dashboard: oldest transaction, connections by state, locks.', "SELECT pid, usename, application_name, state, now() - xact_start, query FROM pg_stat_activity WHERE xact_start IS NOT NULL ORDER BY xact_start LIMIT 5;"],
          fix: ['End the session if it is safe (SELECT pg_terminate_backend(<pid>)); fix the client that leaves transactions open.', 'Set idle_in_transaction_session_timeout so the server ends forgotten sessions itself.'],
          escalation,
          query: promql`max by (job, instance, datname) (${pg.maxTxDuration})`,
          panel: PANEL('Oldest transaction'),
        },
        tests: [
          fires('a session idle in transaction for an hour', {
            at: '10m',
            series: [oldest('3600+60x30')],
            alerts: [
              {
                labels: { ...PG, datname: 'app' },
                summary: 'A transaction in app has been open for 1h 10m 0s',
                description: `The oldest transaction in app on ${PG.instance} has been open for 1h 10m 0s (more than ${duration(t.transactionSeconds)}).`,
              },
            ],
          }),
          silent('transactions of a few seconds', { at: '10m', series: [oldest('2x30')] }),
          pending('over the limit for less than 2 minutes', { at: '1m', series: [oldest('3600+60x30')] }),
        ],
      }),
      alert({
        name: 'PostgresqlReplicationLag',
        severity: 'warning',
        expr: promql`${pg.replicationLag} > ${t.replicationLagSeconds}`,
        for: '5m',
        scenario: { target: PG, series: (seconds, s) => [input(pg.replicationLag, { ...s.target }, s.gauge(seconds))] },
        summary: 'PostgreSQL replica {{ $labels.instance }} lags behind its primary',
        description: 'PostgreSQL replica {{ $labels.instance }} replays transactions {{ $value | humanizeDuration }} after its primary committed them.',
        runbook: {
          meaning: 'The replica serves data that old: reads sent to it miss recent writes, and a failover to it would lose that much.',
          causes: ['The replica cannot keep up with the primary\'s write rate (disk, CPU).', 'A long query on the replica holds back replay (max_standby_streaming_delay).', 'The network between them is slow or down.'],
          checks: ['PostgreSQL dashboard: replication lag.', 'On the primary: SELECT client_addr, state, write_lag, flush_lag, replay_lag FROM pg_stat_replication;'],
          fix: ['Cancel the replica query holding back replay; give the replica the primary\'s resources.', 'If the replica lost its stream, restart it; if WAL it needs is gone, rebuild it (pg_basebackup).'],
          escalation,
          query: promql`${pg.replicationLag}`,
          panel: PANEL('Replication lag'),
        },
        tests: [
          fires('ten minutes behind', {
            at: '10m',
            series: [lag('600x30')],
            alerts: [{ labels: { ...PG }, summary: `PostgreSQL replica ${PG.instance} lags behind its primary`, description: `PostgreSQL replica ${PG.instance} replays transactions 10m 0s after its primary committed them.` }],
          }),
          silent('a primary (lag 0)', { at: '10m', series: [lag('0x30')] }),
          pending('behind for less than 5 minutes', { at: '3m', series: [lag('600x30')] }),
        ],
      }),
    ],
  });
}
