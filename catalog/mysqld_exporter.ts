import { defineDomain, gauge, untyped, upstream } from 'sextant';

export default defineDomain({
  name: 'mysqld_exporter',
  title: 'MySQL (mysqld_exporter)',
  description:
    'The MySQL server metrics the alerts and queries use: connections against max_connections, slow queries. ' +
    'mysqld_exporter exposes every SHOW GLOBAL STATUS ' +
    'counter it does not know as untyped, and every SHOW GLOBAL VARIABLES value as a gauge.',
  owner: upstream('mysqld_exporter', '0.15.0', 'prometheus/mysqld_exporter collector/global_status.go and global_variables.go', {
    uncataloguedPrefixes: ['mysql_', 'go_', 'process_', 'promhttp_'],
  }),
  metrics: {
    up: gauge({ name: 'mysql_up', help: 'Whether the MySQL server is up.' }),
    threadsConnected: untyped({ name: 'mysql_global_status_threads_connected', help: 'Generic metric from SHOW GLOBAL STATUS: client connections open now.' }),
    connections: untyped({ name: 'mysql_global_status_connections', help: 'Generic metric from SHOW GLOBAL STATUS: connection attempts since start (a counter in practice).' }),
    slowQueries: untyped({ name: 'mysql_global_status_slow_queries', help: 'Generic metric from SHOW GLOBAL STATUS: queries slower than long_query_time since start.' }),
    maxUsedConnections: untyped({ name: 'mysql_global_status_max_used_connections', help: 'Generic metric from SHOW GLOBAL STATUS: most connections open at once since start.' }),
    maxConnections: gauge({ name: 'mysql_global_variables_max_connections', help: 'Generic gauge metric from SHOW GLOBAL VARIABLES: the connection limit.' }),
  },
});
