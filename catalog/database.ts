import { counter, defineDomain, exponentialBuckets, gauge, histogram } from 'sextant';

const QUERY_TYPES = ['select', 'insert', 'update', 'delete', 'other'] as const;

export default defineDomain({
  name: 'database',
  title: 'Database',
  description:
    "The application's own view of its database: query time, query errors and the connection pool, MongoDB queries included. " +
    'The server side comes from the mysqld_exporter and mongodb_exporter domains.',
  owner: 'app',
  metrics: {
    queryDuration: histogram({
      name: 'database_query_duration_seconds',
      help: 'Time one query took, by query type and table.',
      unit: 'seconds',
      labels: { query_type: QUERY_TYPES, table: ['tasks', 'users', 'events', 'sessions', 'other'] },
      buckets: exponentialBuckets(0.0005, 2, 14),
      replaces: ['rustok_database_query_duration_seconds', 'db_query_duration_seconds', 'mongodb_query_duration_seconds', 'friendship_query_duration_seconds'],
    }),
    connections: gauge({
      name: 'database_connections',
      help: 'Connections of the pool by state.',
      labels: { state: ['in_use', 'idle'] },
      replaces: ['rustok_database_connections', 'db_connections_open', 'db_connections_in_use'],
    }),
    maxConnections: gauge({
      name: 'database_connections_max',
      help: 'Largest number of connections the pool may open.',
    }),
    queryErrors: counter({
      name: 'database_query_errors_total',
      help: 'Queries that failed, by query type and error type.',
      labels: { query_type: QUERY_TYPES, error_type: ['timeout', 'connection', 'constraint', 'deadlock', 'other'] },
      replaces: ['rustok_database_query_errors_total'],
    }),
  },
});
