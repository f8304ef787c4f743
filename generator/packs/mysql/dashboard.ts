import { defineDashboard, promql, row, stat, target, timeseries, type DashboardDef, type Folder } from '../../index.ts';
import { domain } from './domain.ts';
import { rate, sel } from '../../dsl/panels.ts';

const my = domain.metrics;

/** MySQL through mysqld_exporter: up, connections against max_connections, connection attempts and slow queries. */
export function mysqlDashboard(folder: Folder): DashboardDef {
  return defineDashboard({
    name: 'mysql',
    title: 'MySQL',
    folder,
    description: 'MySQL servers through mysqld_exporter: up, connections against max_connections, connection attempts and slow queries.',
    tags: ['mysql'],
    scope: my.up,
    rows: [
      row('MySQL', [
        stat({ title: 'MySQL up', unit: 'short', width: 6, alerts: ['MysqlDown'], targets: [target(promql`sum(${sel(my.up)})`)] }),
        timeseries({
          title: 'MySQL connections',
          unit: 'short',
          width: 9,
          alerts: ['MysqlConnectionsNearLimit'],
          targets: [target(promql`sum by (instance) (${sel(my.threadsConnected)})`, 'connected {{instance}}'), target(promql`max by (instance) (${sel(my.maxConnections)})`, 'max_connections {{instance}}')],
        }),
        timeseries({
          title: 'MySQL connection attempts and slow queries',
          unit: 'ops',
          width: 9,
          targets: [target(promql`sum by (instance) (${rate(my.connections)})`, 'connections {{instance}}'), target(promql`sum by (instance) (${rate(my.slowQueries)})`, 'slow queries {{instance}}')],
        }),
      ]),
    ],
  });
}
