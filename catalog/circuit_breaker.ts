import { counter, defineDomain, gauge } from 'sextant';
import { DEPENDENCIES } from './shared/labels.ts';

const STATES = ['closed', 'open', 'half_open'] as const;

export default defineDomain({
  name: 'circuit_breaker',
  title: 'Circuit breakers',
  description: 'Circuit breakers in front of downstream dependencies: state, calls, failures and transitions.',
  owner: 'app',
  metrics: {
    state: gauge({
      name: 'circuit_breaker_state',
      help: 'Current state of the breaker: 0 closed, 1 open, 2 half-open.',
      labels: { service: DEPENDENCIES },
      range: { min: 0, max: 2, why: 'a state: 0 closed, 1 open, 2 half-open' },
      replaces: ['rustok_circuit_breaker_state'],
    }),
    transitions: counter({
      name: 'circuit_breaker_transitions_total',
      help: 'State changes of the breaker.',
      labels: { service: DEPENDENCIES, from_state: STATES, to_state: STATES },
      replaces: ['rustok_circuit_breaker_transitions_total'],
    }),
    calls: counter({
      name: 'circuit_breaker_calls_total',
      help: 'Calls through the breaker by result; rejected calls were refused while it was open.',
      labels: { service: DEPENDENCIES, result: ['success', 'failure', 'rejected'] },
      replaces: ['rustok_circuit_breaker_calls_total'],
    }),
    failures: gauge({
      name: 'circuit_breaker_failures',
      help: 'Consecutive failures counted towards opening the breaker; reset on success.',
      labels: { service: DEPENDENCIES },
      replaces: ['rustok_circuit_breaker_failures'],
    }),
  },
});
