import { defineDashboard, labelVariable, PANEL_UNITS, promql, row, sel, stateTimeline, target, timeseries } from 'sextant';
import service from '../catalog/service.ts';

const { state, restarts, uptime } = service.metrics;
const s = 'service=~"$service"';

export default defineDashboard({
  name: 'service_health',
  title: 'Service health',
  folder: 'Service',
  description: "The service health matrix: every service's state as colours, its restarts and uptime.",
  tags: ['services'],
  scope: state,
  variables: [labelVariable(state, 'service')],
  rows: [
    row('Health matrix', [
      stateTimeline({
        title: 'Service state',
        unit: PANEL_UNITS.count,
        width: 24,
        alerts: ['ServiceFailed'],
        valueText: { '0': { text: 'active', color: 'green' }, '1': { text: 'inactive', color: 'yellow' }, '2': { text: 'failed', color: 'red' } },
        // The state set collapses into one value per service: 0 active, 1 inactive, 2 failed.
        targets: [
          target(promql`max by (service) (${sel(state, s, 'state="inactive"')}) + 2 * max by (service) (${sel(state, s, 'state="failed"')})`, '{{service}}'),
        ],
      }),
    ]),
    row('Lifecycle', [
      timeseries({
        title: 'Restarts by reason',
        unit: PANEL_UNITS.count,
        alerts: ['ServiceRestartingOften'],
        targets: [target(promql`sum by (service, reason) (increase(${sel(restarts, s)}[$__rate_interval]))`, '{{service}} {{reason}}')],
      }),
      timeseries({ title: 'Uptime', unit: PANEL_UNITS.seconds, targets: [target(promql`max by (service) (${sel(uptime, s)})`, '{{service}}')] }),
    ]),
  ],
});
