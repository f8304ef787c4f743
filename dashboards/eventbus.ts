import { defineDashboard, labelVariable, PANEL_UNITS, promql, rate, rec, row, sel, target, timeseries } from 'sextant';
import { lagLatency, processingLatency } from '../alerts/eventbus.ts';
import eventbus from '../catalog/eventbus.ts';
import config from '../sextant.config.ts';

const { published, dispatched, queueDepth, errors } = eventbus.metrics;
const eventType = 'event_type=~"$event_type"';

export default defineDashboard({
  name: 'eventbus',
  title: 'Event bus',
  folder: 'Service',
  description: 'Domain events from publication to handling: throughput, queue depth, lag, processing time and errors.',
  tags: ['eventbus'],
  scope: queueDepth,
  variables: [labelVariable(published, 'event_type', 'Event type')],
  rows: [
    row('Throughput', [
      timeseries({ title: 'Events published', unit: PANEL_UNITS.perSecond, targets: [target(promql`sum by (event_type, tenant_tier) (${rate(published, eventType)})`, '{{event_type}} {{tenant_tier}}')] }),
      timeseries({ title: 'Events dispatched by handler', unit: PANEL_UNITS.perSecond, targets: [target(promql`sum by (handler) (${rate(dispatched, eventType)})`, '{{handler}}')] }),
    ]),
    row('Queue and lag', [
      timeseries({
        title: 'Queue depth',
        unit: PANEL_UNITS.count,
        alerts: ['EventQueueDepthHigh', 'EventQueueDepthCritical'],
        // The alert thresholds, read from the config object like the alerts read them.
        thresholds: [
          { value: null, color: 'green' },
          { value: config.alerts.thresholds.eventQueueDepthWarning, color: 'orange' },
          { value: config.alerts.thresholds.eventQueueDepthCritical, color: 'red' },
        ],
        targets: [target(promql`sum by (transport) (${sel(queueDepth)})`, '{{transport}}')],
      }),
      timeseries({
        title: 'Lag p95 and p99',
        unit: PANEL_UNITS.seconds,
        alerts: ['EventBusLagHigh'],
        targets: [target(promql`${rec(lagLatency.p95, eventType)}`, 'p95 {{event_type}}'), target(promql`${rec(lagLatency.p99, eventType)}`, 'p99 {{event_type}}')],
      }),
      timeseries({ title: 'Handler processing p95', unit: PANEL_UNITS.seconds, targets: [target(promql`${rec(processingLatency.p95)}`, '{{handler}}')] }),
      timeseries({ title: 'Errors by type', unit: PANEL_UNITS.perSecond, targets: [target(promql`sum by (event_type, error_type) (${rate(errors, eventType)})`, '{{event_type}} {{error_type}}')] }),
    ]),
  ],
});
