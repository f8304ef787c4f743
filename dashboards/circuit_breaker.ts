import { defineDashboard, labelVariable, PANEL_UNITS, promql, rate, row, sel, stateTimeline, target, timeseries } from 'sextant';
import circuitBreaker from '../catalog/circuit_breaker.ts';

const { state, transitions, calls, failures } = circuitBreaker.metrics;
const service = 'service=~"$service"';

export default defineDashboard({
  name: 'circuit_breaker',
  title: 'Circuit breakers',
  folder: 'Service',
  description: 'State, calls and transitions of the circuit breakers in front of each dependency.',
  tags: ['circuit-breaker'],
  scope: state,
  variables: [labelVariable(state, 'service', 'Dependency')],
  rows: [
    row('State', [
      stateTimeline({
        title: 'Breaker state',
        unit: PANEL_UNITS.count,
        width: 24,
        alerts: ['CircuitBreakerOpen'],
        valueText: { '0': { text: 'closed', color: 'green' }, '1': { text: 'open', color: 'red' }, '2': { text: 'half-open', color: 'orange' } },
        targets: [target(promql`max by (service) (${sel(state, service)})`, '{{service}}')],
      }),
    ]),
    row('Calls', [
      timeseries({ title: 'Calls by result', unit: PANEL_UNITS.perSecond, targets: [target(promql`sum by (service, result) (${rate(calls, service)})`, '{{service}} {{result}}')] }),
      timeseries({ title: 'Consecutive failures', unit: PANEL_UNITS.count, targets: [target(promql`max by (service) (${sel(failures, service)})`, '{{service}}')] }),
      timeseries({
        title: 'Transitions',
        unit: PANEL_UNITS.count,
        targets: [target(promql`sum by (service, from_state, to_state) (increase(${sel(transitions, service)}[$__rate_interval]))`, '{{service}} {{from_state}} → {{to_state}}')],
      }),
    ]),
  ],
});
