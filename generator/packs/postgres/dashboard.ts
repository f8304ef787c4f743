/** The PostgreSQL dashboard: the server, its databases and replication, one instance or all. */
import { defineDashboard, promql, row, stat, target, timeseries, type DashboardDef, type Folder } from '../../index.ts';
import type { PostgresRecording } from './alerts.ts';
import postgres from './domain.ts';
import { rate, rec, sel } from '../../dsl/panels.ts';

const pg = postgres.metrics;
const notTemplates = 'datname!~"template.*"';

export default function postgresDashboard(folder: Folder, recording: PostgresRecording): DashboardDef {
  return defineDashboard({
    name: 'postgres',
    title: 'PostgreSQL',
    folder,
    description: 'PostgreSQL servers through postgres_exporter: connections, transactions, the buffer cache, locks, sizes and replication.',
    tags: ['postgres'],
    scope: pg.up,
    rows: [
      row('Server', [
        stat({ title: 'PostgreSQL up', unit: 'short', width: 4, alerts: ['PostgresqlDown'], targets: [target(promql`sum(${sel(pg.up)})`)] }),
        stat({ title: 'Replicas', description: 'Servers in recovery (streaming replicas) among those shown.', unit: 'short', width: 4, alerts: ['PostgresqlReplicationLag'], targets: [target(promql`sum(${sel(pg.isReplica)})`)] }),
        timeseries({
          title: 'Connections',
          unit: 'short',
          width: 8,
          alerts: ['PostgresqlConnectionsNearLimit'],
          targets: [
            target(promql`sum by (instance) (${sel(pg.backends)})`, 'connected {{instance}}'),
            target(promql`max by (instance) (${sel(pg.maxConnections)} - ${sel(pg.superuserReservedConnections)})`, 'limit for clients {{instance}}'),
          ],
        }),
        timeseries({
          title: 'Connections used',
          description: "Connections over the clients' share of max_connections (less superuser_reserved_connections).",
          unit: 'percentunit',
          width: 8,
          min: 0,
          max: 1,
          alerts: ['PostgresqlConnectionsNearLimit'],
          targets: [target(promql`${rec(recording.connectionsRatio)}`, '{{instance}}')],
        }),
      ]),
      row('Databases', [
        timeseries({
          title: 'Transactions',
          unit: 'ops',
          width: 8,
          targets: [target(promql`sum by (datname) (${rate(pg.commits, notTemplates)})`, 'commits {{datname}}'), target(promql`sum by (datname) (${rate(pg.rollbacks, notTemplates)})`, 'rollbacks {{datname}}')],
        }),
        timeseries({
          title: 'Rows',
          unit: 'ops',
          width: 8,
          targets: [
            target(promql`sum by (datname) (${rate(pg.tuplesFetched, notTemplates)})`, 'fetched {{datname}}'),
            target(promql`sum by (datname) (${rate(pg.tuplesInserted, notTemplates)})`, 'inserted {{datname}}'),
            target(promql`sum by (datname) (${rate(pg.tuplesUpdated, notTemplates)})`, 'updated {{datname}}'),
            target(promql`sum by (datname) (${rate(pg.tuplesDeleted, notTemplates)})`, 'deleted {{datname}}'),
          ],
        }),
        timeseries({
          title: 'Cache hit ratio',
          description: 'Blocks found in shared_buffers over all blocks read, per database; an idle database has no ratio.',
          unit: 'percentunit',
          width: 8,
          min: 0,
          max: 1,
          alerts: ['PostgresqlCacheHitRatioLow'],
          targets: [target(promql`${rec(recording.cacheHitRatio, notTemplates)}`, '{{datname}} {{instance}}')],
        }),
        timeseries({ title: 'Deadlocks', unit: 'short', width: 8, alerts: ['PostgresqlDeadlocks'], targets: [target(promql`sum by (datname) (increase(${sel(pg.deadlocks, notTemplates)}[$__rate_interval]))`, '{{datname}}')] }),
        timeseries({ title: 'Temporary files written', description: 'Bytes queries spilled to temporary files (sorts and hashes larger than work_mem).', unit: 'Bps', width: 8, targets: [target(promql`sum by (datname) (${rate(pg.tempBytes, notTemplates)})`, '{{datname}}')] }),
        timeseries({ title: 'Database size', unit: 'bytes', width: 8, targets: [target(promql`sum by (datname) (${sel(pg.databaseSize, notTemplates)})`, '{{datname}}')] }),
      ]),
      row('Sessions, locks and transactions', [
        timeseries({
          title: 'Connections by state',
          unit: 'short',
          width: 8,
          stacked: true,
          targets: [target(promql`sum by (state) (${sel(pg.activityCount)})`, '{{state}}')],
        }),
        timeseries({ title: 'Locks by mode', unit: 'short', width: 8, stacked: true, targets: [target(promql`sum by (mode) (${sel(pg.locks)})`, '{{mode}}')] }),
        timeseries({ title: 'Oldest transaction', unit: 's', width: 8, alerts: ['PostgresqlLongTransaction'], targets: [target(promql`max by (datname) (${sel(pg.maxTxDuration)})`, '{{datname}}')] }),
      ]),
      row('Replication and exporter', [
        timeseries({ title: 'Replication lag', description: 'How long ago the transactions a replica replays were committed on its primary; 0 on a primary.', unit: 's', width: 12, alerts: ['PostgresqlReplicationLag'], targets: [target(promql`max by (instance) (${sel(pg.replicationLag)})`, '{{instance}}')] }),
        timeseries({
          title: 'Exporter collectors failing',
          description: 'Collectors of postgres_exporter whose last scrape failed (missing privileges, an unsupported server version): their panels go blank.',
          unit: 'short',
          width: 12,
          targets: [target(promql`sum by (instance) (1 - ${sel(pg.collectorSuccess)})`, 'collectors {{instance}}'), target(promql`max by (instance) (${sel(pg.lastScrapeError)})`, 'last scrape failed {{instance}}')],
        }),
      ]),
    ],
  });
}
