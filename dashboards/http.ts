import { barGauge, bucketOf, countOf, defineDashboard, heatmap, labelVariable, promql, row, stat, sumOf, table, target, timeseries } from 'sextant';
import { errorRatio, latency } from '../alerts/http.ts';
import http from '../catalog/http.ts';
import { average, rate, rec, sel, UNITS } from './shared/common.ts';

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
        unit: UNITS.requestsPerSecond,
        targets: [target(promql`sum by (route, status_code) (${rate(requests, route)})`, '{{route}} {{status_code}}')],
      }),
      barGauge({
        title: 'Status code distribution',
        unit: UNITS.ratio,
        width: 6,
        targets: [target(promql`sum by (status_code) (${rate(requests, route)}) / scalar(sum(${rate(requests, route)}))`, '{{status_code}}', { instant: true })],
      }),
      stat({ title: 'In flight', unit: UNITS.count, width: 3, height: 8, targets: [target(promql`sum(${sel(inFlight)})`)] }),
      stat({ title: 'Open connections', unit: UNITS.count, width: 3, height: 8, targets: [target(promql`sum(${sel(activeConnections)})`)] }),
    ]),
    row('Errors', [
      timeseries({
        title: '5xx ratio',
        unit: UNITS.ratio,
        alerts: ['HttpErrorRatioHigh'],
        targets: [target(promql`${rec(errorRatio)}`, '{{job}}')],
      }),
      timeseries({
        title: '5xx answers by route',
        unit: UNITS.requestsPerSecond,
        quietWhenHealthy: 'a healthy API answers no 5xx',
        shownUnder: 'errors',
        targets: [target(promql`sum by (route, status_code) (${rate(requests, route, 'status_code=~"5.."')})`, '{{route}} {{status_code}}')],
      }),
    ]),
    row('Latency', [
      timeseries({
        title: 'Latency p50, p95, p99',
        unit: UNITS.seconds,
        alerts: ['HttpLatencyP95High'],
        targets: [
          target(promql`${rec(latency.p50, route)}`, 'p50 {{route}}'),
          target(promql`${rec(latency.p95, route)}`, 'p95 {{route}}'),
          target(promql`${rec(latency.p99, route)}`, 'p99 {{route}}'),
        ],
      }),
      heatmap({
        title: 'Latency distribution',
        unit: UNITS.seconds,
        targets: [target(promql`sum by (le) (${rate(bucketOf(requestDuration), route)})`, '{{le}}')],
      }),
      table({
        title: 'Slowest routes (p95)',
        unit: UNITS.seconds,
        targets: [target(promql`topk(10, max by (route) (${rec(latency.p95)}))`, '{{route}}', { instant: true })],
      }),
      timeseries({
        title: 'Average latency by route',
        unit: UNITS.seconds,
        targets: [target(average(sumOf(requestDuration), countOf(requestDuration), 'route'), '{{route}}')],
      }),
    ]),
    row('Payloads', [
      timeseries({ title: 'Average request size', unit: UNITS.bytes, targets: [target(average(sumOf(requestSize), countOf(requestSize), 'route'), '{{route}}')] }),
      timeseries({ title: 'Average response size', unit: UNITS.bytes, targets: [target(average(sumOf(responseSize), countOf(responseSize), 'route'), '{{route}}')] }),
    ]),
  ],
});
