/** dashboards/<service>.ts: one dashboard showing every metric of the domain. */
import { ALERT_PANEL, DASHBOARD_NAME, type ProjectNames } from '../names.ts';

export function dashboardFile(names: ProjectNames): string {
  const { service } = names;
  return `import { bucketOf, defineDashboard, heatmap, labelVariable, PANEL_UNITS, promql, rate, rec, row, sel, stat, target, timeseries } from 'sextant';
import { errorRatio } from '../alerts/${service}.ts';
import http from '../catalog/${service}.ts';

const { requests, duration, inFlight } = http.metrics;
/** sel(), rate() and rec() narrow every series to the dashboard's job and instance variables; the route's is added where a panel has one. */
const route = 'route=~"$route"';

export default defineDashboard({
  name: '${DASHBOARD_NAME}',
  title: '${names.title}',
  folder: 'Service',
  description: 'Traffic, errors and latency of the ${service} service, by route template.',
  scope: requests,
  variables: [labelVariable(requests, 'route')],
  rows: [
    row('Traffic', [
      timeseries({
        title: 'Requests by route and status',
        unit: PANEL_UNITS.requestsPerSecond,
        targets: [target(promql\`sum by (route, status_class) (\${rate(requests, route)})\`, '{{route}} {{status_class}}')],
      }),
      stat({ title: 'In flight', unit: PANEL_UNITS.count, targets: [target(promql\`sum(\${sel(inFlight)})\`)] }),
    ]),
    row('Errors and latency', [
      timeseries({
        title: '${ALERT_PANEL}',
        unit: PANEL_UNITS.ratio,
        alerts: ['${names.alert}'],
        targets: [target(rec(errorRatio), '{{job}}')],
      }),
      heatmap({
        title: 'Latency distribution',
        unit: PANEL_UNITS.seconds,
        targets: [target(promql\`sum by (le) (\${rate(bucketOf(duration), route)})\`, '{{le}}')],
      }),
    ]),
  ],
});
`;
}
