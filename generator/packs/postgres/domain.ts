import { bounded, counter, defineDomain, gauge, upstream } from '../../index.ts';

const flag = { min: 0, max: 1, why: 'the exporter writes 1 or 0' };

const datname = bounded(64, 'one per database of the server');
const database = { datid: bounded(64, 'the oid of each database of the server'), datname };
const oneDatabaseEach = bounded(64, 'datid and datname move together: one label set per database');
/** The label the exporter adds to its builtin queries' metrics (settings, activity). */
const server = { server: bounded(1, 'the host:port the exporter connects to: one value per exporter') };
/** pg_stat_activity grouped by who and what: the builtin query's label columns. */
const activity = {
  datname,
  state: bounded(8, 'the states of pg_stat_activity (active, idle, idle in transaction…) per database'),
  usename: bounded(32, 'the roles that connect'),
  application_name: bounded(32, 'the application names clients set'),
  backend_type: bounded(16, 'the backend types of PostgreSQL (client backend, autovacuum worker…)'),
  wait_event_type: bounded(16, 'the wait event classes of PostgreSQL'),
  wait_event: bounded(64, 'the wait events backends wait on at once'),
  ...server,
};
const activityRows = bounded(512, 'one row per database, state, role, application, backend type and wait event seen together at once');
const stat = (name: string, help: string) => counter({ name: `pg_stat_database_${name}`, help, labels: database, labelSets: oneDatabaseEach });

export default defineDomain({
  name: 'postgres_exporter',
  title: 'PostgreSQL (postgres_exporter)',
  description:
    'The PostgreSQL metrics the pack\'s alerts and dashboard use: the exporter\'s connection to the server, backends against max_connections, ' +
    'transactions, deadlocks, the buffer cache, database sizes, locks, the oldest open transaction and replication lag. The counters of ' +
    'pg_stat_database are exposed without the _total suffix, as the exporter names them.',
  owner: upstream(
    'postgres_exporter',
    '0.17.1',
    'prometheus-community/postgres_exporter v0.17.1: cmd/postgres_exporter/postgres_exporter.go (pg_up, the builtin pg_stat_activity and pg_settings maps) and the default collectors collector/pg_stat_database.go, pg_database.go, pg_locks.go, pg_replication.go',
    { uncataloguedPrefixes: ['pg_', 'postgres_exporter_', 'go_', 'process_', 'promhttp_'] },
  ),
  metrics: {
    up: gauge({ name: 'pg_up', help: 'Whether the last scrape of metrics from PostgreSQL was able to connect to the server (1 for yes, 0 for no).', range: flag }),
    lastScrapeError: gauge({ name: 'pg_exporter_last_scrape_error', help: 'Whether the last scrape of metrics from PostgreSQL resulted in an error (1 for error, 0 for success).' }),
    collectorSuccess: gauge({
      name: 'pg_scrape_collector_success',
      help: 'postgres_exporter: Whether a collector succeeded.',
      labels: { collector: bounded(32, 'one per enabled collector of the exporter') },
    }),
    maxConnections: gauge({ name: 'pg_settings_max_connections', help: 'Server Parameter: max_connections', labels: server }),
    superuserReservedConnections: gauge({ name: 'pg_settings_superuser_reserved_connections', help: 'Server Parameter: superuser_reserved_connections', labels: server }),
    activityCount: gauge({ name: 'pg_stat_activity_count', help: 'number of connections in this state', labels: activity, labelSets: activityRows }),
    maxTxDuration: gauge({
      name: 'pg_stat_activity_max_tx_duration',
      help: 'max duration in seconds any active transaction has been running',
      labels: activity,
      labelSets: activityRows,
    }),
    backends: gauge({
      name: 'pg_stat_database_numbackends',
      help: 'Number of backends currently connected to this database. This is the only column in this view that returns a value reflecting current state; all other columns return the accumulated values since the last reset.',
      labels: database,
      labelSets: oneDatabaseEach,
    }),
    commits: stat('xact_commit', 'Number of transactions in this database that have been committed'),
    rollbacks: stat('xact_rollback', 'Number of transactions in this database that have been rolled back'),
    deadlocks: stat('deadlocks', 'Number of deadlocks detected in this database'),
    blocksHit: stat(
      'blks_hit',
      "Number of times disk blocks were found already in the buffer cache, so that a read was not necessary (this only includes hits in the PostgreSQL buffer cache, not the operating system's file system cache)",
    ),
    blocksRead: stat('blks_read', 'Number of disk blocks read in this database'),
    tempBytes: stat(
      'temp_bytes',
      'Total amount of data written to temporary files by queries in this database. All temporary files are counted, regardless of why the temporary file was created, and regardless of the log_temp_files setting.',
    ),
    tuplesFetched: stat('tup_fetched', 'Number of rows fetched by queries in this database'),
    tuplesInserted: stat('tup_inserted', 'Number of rows inserted by queries in this database'),
    tuplesUpdated: stat('tup_updated', 'Number of rows updated by queries in this database'),
    tuplesDeleted: stat('tup_deleted', 'Number of rows deleted by queries in this database'),
    databaseSize: gauge({ name: 'pg_database_size_bytes', help: 'Disk space used by the database', unit: 'bytes', labels: { datname } }),
    locks: gauge({
      name: 'pg_locks_count',
      help: 'Number of locks',
      labels: {
        datname,
        mode: ['accessexclusivelock', 'accesssharelock', 'exclusivelock', 'rowexclusivelock', 'rowsharelock', 'sharelock', 'sharerowexclusivelock', 'shareupdateexclusivelock', 'sireadlock'],
      },
    }),
    isReplica: gauge({ name: 'pg_replication_is_replica', help: 'Indicates if the server is a replica', range: flag }),
    replicationLag: gauge({ name: 'pg_replication_lag_seconds', help: 'Replication lag behind master in seconds', unit: 'seconds' }),
  },
});
