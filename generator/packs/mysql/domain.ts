import { defineDomain, gauge, untyped, upstream } from '../../index.ts';

export const domain = defineDomain({
  name: 'mysqld_exporter',
  title: 'MySQL (mysqld_exporter)',
  description:
    'The MySQL server metrics the alerts and queries use: connections against max_connections, slow queries. ' +
    'mysqld_exporter exposes every SHOW GLOBAL STATUS ' +
    'counter it does not know as untyped, and every SHOW GLOBAL VARIABLES value as a gauge.',
  owner: upstream('mysqld_exporter', '0.17.2', 'prometheus/mysqld_exporter v0.17.2 collector/global_status.go and global_variables.go; the real 0.17.2 (Debian trixie) over MariaDB 10.11', {
    uncataloguedPrefixes: ['mysql_', 'go_', 'process_', 'promhttp_'],
    otherVersions: [
      {
        versions: 'mysqld_exporter 0.14 and older',
        // CHANGELOG.md, 0.15.0 / 2023-06-16: "We have also dropped some internal scrape metrics"; the
        // real 0.14.0 (Debian bookworm) still exposes all three.
        exposes: ['mysql_exporter_scrapes_total', 'mysql_exporter_scrape_errors_total', 'mysql_exporter_last_scrape_error'],
        advice:
          'its status and variable names are the same, but it reads DATA_SOURCE_NAME where 0.15+ reads --config.my-cnf or --mysqld.address and MYSQLD_EXPORTER_PASSWORD, and has no multi-target /probe: upgrade it to 0.15 or later (Debian trixie ships 0.17.2)',
      },
    ],
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
