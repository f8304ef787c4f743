import { defineDashboard, PANEL_UNITS, promql, rate, rec, row, sel, stat, target, timeseries } from 'sextant';
import { errorRatio, latency, requestRate } from '../alerts/http.ts';
import circuitBreaker from '../catalog/circuit_breaker.ts';
import jobs from '../catalog/jobs.ts';
import queue from '../catalog/queue.ts';
import { scrape } from 'sextant/packs/prometheus';
import config from '../sextant.config.ts';

const { submitted, processed } = jobs.metrics;

export default defineDashboard({
  name: 'overview',
  title: 'Overview',
  folder: 'Overview',
  description: 'The few numbers on-call opens first: traffic, latency, errors, jobs, open circuit breakers and targets up.',
  tags: ['overview'],
  scope: scrape.metrics.up,
  rows: [
    row('Now', [
      stat({ title: 'Request rate', unit: PANEL_UNITS.requestsPerSecond, targets: [target(promql`sum(${rec(requestRate)})`)] }),
      stat({ title: 'p95 latency', unit: PANEL_UNITS.seconds, alerts: ['HttpLatencyP95High'], targets: [target(promql`max(${rec(latency.p95)})`)] }),
      stat({
        title: 'Error ratio',
        unit: PANEL_UNITS.ratio,
        alerts: ['HttpErrorRatioHigh'],
        // Red at the alert threshold, orange from a fifth of it.
        thresholds: [
          { value: null, color: 'green' },
          { value: config.alerts.thresholds.httpErrorRatio / 5, color: 'orange' },
          { value: config.alerts.thresholds.httpErrorRatio, color: 'red' },
        ],
        targets: [target(promql`max(${rec(errorRatio)})`)],
      }),
      stat({ title: 'Tasks created', unit: PANEL_UNITS.perSecond, targets: [target(promql`sum(${rate(submitted)})`)] }),
      stat({ title: 'Tasks processed', unit: PANEL_UNITS.perSecond, targets: [target(promql`sum(${rate(processed, 'result="success"')})`)] }),
      stat({ title: 'Tasks failed', unit: PANEL_UNITS.perSecond, alerts: ['JobFailureRatioHigh'], targets: [target(promql`sum(${rate(processed, 'result!="success"')}) or vector(0)`)] }),
      stat({
        title: 'Circuit breakers open',
        unit: PANEL_UNITS.count,
        alerts: ['CircuitBreakerOpen'],
        thresholds: [{ value: null, color: 'green' }, { value: 1, color: 'red' }],
        targets: [target(promql`count(${sel(circuitBreaker.metrics.state)} == 1) or vector(0)`)],
      }),
      stat({
        title: 'Targets up',
        unit: PANEL_UNITS.ratio,
        alerts: ['TargetDown'],
        thresholds: [{ value: null, color: 'red' }, { value: 1, color: 'green' }],
        targets: [target(promql`avg(${sel(scrape.metrics.up)})`)],
      }),
    ]),
    row('Trends', [
      timeseries({ title: 'Requests by job', unit: PANEL_UNITS.requestsPerSecond, width: 8, targets: [target(promql`${rec(requestRate)}`, '{{job}}')] }),
      timeseries({ title: '5xx ratio', unit: PANEL_UNITS.ratio, width: 8, targets: [target(promql`${rec(errorRatio)}`, '{{job}}')] }),
      timeseries({ title: 'Queue length', unit: PANEL_UNITS.count, width: 8, targets: [target(promql`sum by (queue) (${sel(queue.metrics.length)})`, '{{queue}}')] }),
    ]),
  ],
});
