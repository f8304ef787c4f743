import { defineDashboard, PANEL_UNITS, promql, rate, rec, row, sel, target, timeseries } from 'sextant';
import { poolUsage, queryLatency } from '../alerts/database.ts';
import database from '../catalog/database.ts';

const { connections, maxConnections, queryErrors } = database.metrics;

export default defineDashboard({
  name: 'database',
  title: 'Database',
  folder: 'Service',
  description: "The application's view of its database: query latency, errors and the connection pool.",
  tags: ['database'],
  scope: maxConnections,
  rows: [
    row('Queries', [
      timeseries({
        title: 'Query latency p50, p95, p99',
        unit: PANEL_UNITS.seconds,
        alerts: ['DatabaseQueriesSlow'],
        targets: [
          target(promql`${rec(queryLatency.p50)}`, 'p50 {{query_type}}'),
          target(promql`${rec(queryLatency.p95)}`, 'p95 {{query_type}}'),
          target(promql`${rec(queryLatency.p99)}`, 'p99 {{query_type}}'),
        ],
      }),
      timeseries({ title: 'Query errors by type', unit: PANEL_UNITS.perSecond, targets: [target(promql`sum by (query_type, error_type) (${rate(queryErrors)})`, '{{query_type}} {{error_type}}')] }),
    ]),
    row('Connection pool', [
      timeseries({
        title: 'Connections by state',
        unit: PANEL_UNITS.count,
        stacked: true,
        targets: [target(promql`sum by (state) (${sel(connections)})`, '{{state}}'), target(promql`sum(${sel(maxConnections)})`, 'max')],
      }),
      timeseries({ title: 'Pool in use', unit: PANEL_UNITS.ratio, min: 0, max: 1, alerts: ['DatabaseConnectionPoolNearLimit'], targets: [target(promql`${rec(poolUsage)}`, '{{instance}}')] }),
    ]),
  ],
});
