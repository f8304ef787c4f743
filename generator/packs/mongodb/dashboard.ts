import { defineDashboard, promql, row, stat, target, timeseries, type DashboardDef, type Folder } from '../../index.ts';
import { domain } from './domain.ts';
import { rate, sel } from '../../dsl/panels.ts';

const mongo = domain.metrics;

/** MongoDB through percona's mongodb_exporter: up, connections against the limit, operations by type. */
export function mongodbDashboard(folder: Folder): DashboardDef {
  return defineDashboard({
    name: 'mongodb',
    title: 'MongoDB',
    folder,
    description: "MongoDB servers through percona's mongodb_exporter: up, connections against the limit, operations by type.",
    tags: ['mongodb'],
    scope: mongo.up,
    rows: [
      row('MongoDB', [
        stat({ title: 'MongoDB up', unit: 'short', width: 6, alerts: ['MongodbDown'], targets: [target(promql`sum(${sel(mongo.up)})`)] }),
        timeseries({
          title: 'MongoDB connections',
          unit: 'short',
          width: 9,
          alerts: ['MongodbConnectionsNearLimit'],
          targets: [target(promql`sum by (instance, conn_type) (${sel(mongo.connections, 'conn_type=~"current|available"')})`, '{{conn_type}} {{instance}}')],
        }),
        timeseries({ title: 'MongoDB operations', unit: 'ops', width: 9, targets: [target(promql`sum by (legacy_op_type) (${rate(mongo.opcounters)})`, '{{legacy_op_type}}')] }),
      ]),
    ],
  });
}
