import { average, barGauge, bucketOf, defineDashboard, heatmap, labelVariable, PANEL_UNITS, promql, rate, rec, row, sel, stat, table, target, timeseries } from 'sextant';
import { errorRatio, latency } from '../alerts/http.ts';
import http from '../catalog/http.ts';

const { requests, requestDuration, inFlight, requestSize, responseSize, activeConnections } = http.metrics;
const route = 'route=~"$route"';

export default defineDashboard({
  name: 'http',
  title: 'HTTP API',
  folder: 'Service',
  description: 'Traffic, errors and latency of the API role, by route template and status code.',
  tags: ['http'],
  scope: requests,
  variables: [labelVariable(requests, 'route')],
  links: [{ title: 'Service level objectives', dashboard: 'slos' }],
  rows: [
    row('Traffic', [
      timeseries({
        title: 'Requests by route and status',
        unit: PANEL_UNITS.requestsPerSecond,
        targets: [target(promql`sum by (route, status_code) (${rate(requests, route)})`, '{{route}} {{status_code}}')],
      }),
      barGauge({
        title: 'Status code distribution',
        unit: PANEL_UNITS.ratio,
        width: 6,
        targets: [target(promql`sum by (status_code) (${rate(requests, route)}) / scalar(sum(${rate(requests, route)}))`, '{{status_code}}', { instant: true })],
      }),
      stat({ title: 'In flight', unit: PANEL_UNITS.count, width: 3, height: 8, targets: [target(promql`sum(${sel(inFlight)})`)] }),
      stat({ title: 'Open connections', unit: PANEL_UNITS.count, width: 3, height: 8, targets: [target(promql`sum(${sel(activeConnections)})`)] }),
    ]),
    row('Errors', [
      timeseries({
        title: '5xx ratio',
        unit: PANEL_UNITS.ratio,
        alerts: ['HttpErrorRatioHigh'],
        targets: [target(promql`${rec(errorRatio)}`, '{{job}}')],
      }),
      timeseries({
        title: '5xx answers by route',
        unit: PANEL_UNITS.requestsPerSecond,
        quietWhenHealthy: 'a healthy API answers no 5xx',
        shownUnder: 'errors',
        targets: [target(promql`sum by (route, status_code) (${rate(requests, route, 'status_code=~"5.."')})`, '{{route}} {{status_code}}')],
      }),
    ]),
    row('Latency', [
      timeseries({
        title: 'Latency p50, p95, p99',
        unit: PANEL_UNITS.seconds,
        alerts: ['HttpLatencyP95High'],
        targets: [
          target(promql`${rec(latency.p50, route)}`, 'p50 {{route}}'),
          target(promql`${rec(latency.p95, route)}`, 'p95 {{route}}'),
          target(promql`${rec(latency.p99, route)}`, 'p99 {{route}}'),
        ],
      }),
      heatmap({
        title: 'Latency distribution',
        unit: PANEL_UNITS.seconds,
        targets: [target(promql`sum by (le) (${rate(bucketOf(requestDuration), route)})`, '{{le}}')],
      }),
      table({
        title: 'Slowest routes (p95)',
        unit: PANEL_UNITS.seconds,
        targets: [target(promql`topk(10, max by (route) (${rec(latency.p95)}))`, '{{route}}', { instant: true })],
      }),
      timeseries({
        title: 'Average latency by route',
        unit: PANEL_UNITS.seconds,
        targets: [target(average(requestDuration, 'route'), '{{route}}')],
      }),
    ]),
    row('Payloads', [
      timeseries({ title: 'Average request size', unit: PANEL_UNITS.bytes, targets: [target(average(requestSize, 'route'), '{{route}}')] }),
      timeseries({ title: 'Average response size', unit: PANEL_UNITS.bytes, targets: [target(average(responseSize, 'route'), '{{route}}')] }),
    ]),
  ],
});
