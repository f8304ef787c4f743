import { alert, defineRules, fires, input, pending, promql, silent } from '#sextant';
import circuitBreaker from '../catalog/circuit_breaker.ts';
import { API } from './shared/targets.ts';

const state = (values: string) => input(circuitBreaker.metrics.state, { ...API, service: 'database' }, values);

export default defineRules({
  name: 'circuit_breaker',
  title: 'Circuit breakers',
  alerts: [
    alert({
      name: 'CircuitBreakerOpen',
      severity: 'critical',
      expr: promql`${circuitBreaker.metrics.state} == 1`,
      for: '1m',
      summary: 'Circuit breaker for {{ $labels.service }} is open',
      description: 'The circuit breaker in front of {{ $labels.service }} on {{ $labels.instance }} is open: calls to it are refused.',
      runbook: {
        meaning: 'The dependency failed often enough that calls to it are cut off; features that need it fail fast.',
        causes: ['The dependency is down or overloaded.', 'Network trouble between the service and the dependency.'],
        checks: ['Circuit breaker dashboard: calls by result, transitions.', 'The dependency\'s own health and dashboards.'],
      },
      tests: [
        fires('the breaker is open', {
          at: '5m',
          series: [state('1x10')],
          alerts: [
            {
              labels: { ...API, service: 'database' },
              summary: 'Circuit breaker for database is open',
              description: 'The circuit breaker in front of database on api:9464 is open: calls to it are refused.',
            },
          ],
        }),
        silent('the breaker is half-open, probing', { at: '5m', series: [state('2x10')] }),
        pending('open for less than a minute', { at: '30s', series: [state('1x10')] }),
      ],
    }),
  ],
});
