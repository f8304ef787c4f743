import { alert, defineRules, fires, input, pending, promql, silent } from 'sextant';
import circuitBreaker from '../catalog/circuit_breaker.ts';
import { API } from './shared/targets.ts';

const state = (values: string) => input(circuitBreaker.metrics.state, { ...API, service: 'database' }, values);

export default defineRules({
  name: 'circuit_breaker',
  title: 'Circuit breakers',
  alerts: [
    alert({
      name: 'CircuitBreakerOpen',
      // A cause, not a symptom: the error-ratio and SLO alerts page when users feel it.
      severity: 'warning',
      // Open and half-open alternate while the dependency stays down (60 s open, 15 s probing): the
      // breaker is stuck when no scrape in 5 minutes saw it closed, whichever of the two it was in.
      expr: promql`max by (job, service) (min_over_time(${circuitBreaker.metrics.state}[5m])) > 0`,
      for: '1m',
      summary: 'Circuit breaker for {{ $labels.service }} has not closed for 5 minutes',
      description: 'A circuit breaker of {{ $labels.job }} in front of {{ $labels.service }} has been open or half-open at every scrape for 5 minutes: calls to it are refused or probed.',
      runbook: {
        meaning: 'The dependency keeps failing the breaker\'s probes, so features that need it fail fast until it recovers.',
        causes: ['The dependency is down or overloaded.', 'Network trouble between the service and the dependency.'],
        checks: ['Circuit breaker dashboard: calls by result, transitions.', 'The dependency\'s own health and dashboards.'],
        fix: [
          'Restore the dependency (restart it, scale it, fail over); the breaker closes by itself after its next successful probe.',
          'If only one replica\'s breaker is stuck, restart that replica: its connection pool may hold dead connections.',
        ],
        escalation: 'The team owning the dependency; if users see errors (HttpErrorRatioHigh or the SLO pages fire), the incident commander.',
        query: promql`max by (job, service) (${circuitBreaker.metrics.state})`,
      },
      scenario: {
        target: API,
        series: (value, s) => [input(circuitBreaker.metrics.state, { ...s.target, service: 'database' }, s.gauge(value))],
      },
      tests: [
        fires('the breaker stays open', {
          at: '8m',
          series: [state('1x10')],
          alerts: [
            {
              labels: { job: 'api', service: 'database' },
              summary: 'Circuit breaker for database has not closed for 5 minutes',
              description: 'A circuit breaker of api in front of database has been open or half-open at every scrape for 5 minutes: calls to it are refused or probed.',
            },
          ],
        }),
        fires('the breaker alternates open and half-open', {
          at: '8m',
          series: [state('1 2 1 2 1 2 1 2 1 2')],
          alerts: [
            {
              labels: { job: 'api', service: 'database' },
              summary: 'Circuit breaker for database has not closed for 5 minutes',
              description: 'A circuit breaker of api in front of database has been open or half-open at every scrape for 5 minutes: calls to it are refused or probed.',
            },
          ],
        }),
        silent('the breaker closed once in the last 5 minutes', { at: '8m', series: [state('1 1 1 1 0 1 1 1 1')] }),
        pending('open for less than the window and for', { at: '30s', series: [state('1x10')] }),
      ],
    }),
  ],
});
