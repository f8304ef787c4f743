/** dashboards/<service>.ts: one dashboard showing every metric of the domain. */
import { ALERT_PANEL, DASHBOARD_NAME, type ProjectNames } from '../names.ts';

export function dashboardFile(names: ProjectNames): string {
  const { service } = names;
  return `import { bucketOf, defineDashboard, heatmap, labelVariable, promql, row, stat, target, timeseries } from 'sextant';
import { errorRatio } from '../alerts/${service}.ts';
import http from '../catalog/${service}.ts';

const { requests, duration, inFlight } = http.metrics;
/** Every panel narrows its series to the dashboard's job and instance variables (and the route's, where it has one). */
const scope = 'job=~"$job", instance=~"$instance"';
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
        unit: 'reqps',
        targets: [target(promql\`sum by (route, status_class) (rate(\${requests}{\${scope}, \${route}}[$__rate_interval]))\`, '{{route}} {{status_class}}')],
      }),
      stat({ title: 'In flight', unit: 'short', targets: [target(promql\`sum(\${inFlight}{\${scope}})\`)] }),
    ]),
    row('Errors and latency', [
      timeseries({
        title: '${ALERT_PANEL}',
        unit: 'percentunit',
        alerts: ['${names.alert}'],
        targets: [target(promql\`\${errorRatio}{job=~"$job"}\`, '{{job}}')],
      }),
      heatmap({
        title: 'Latency distribution',
        unit: 's',
        targets: [target(promql\`sum by (le) (rate(\${bucketOf(duration)}{\${scope}, \${route}}[$__rate_interval]))\`, '{{le}}')],
      }),
    ]),
  ],
});
`;
}
