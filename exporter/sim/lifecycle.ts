/**
 * Service lifecycle: the role reports its own state and uptime, and simulates the
 * scheduler and notifier beside it, which restart now and then.
 */
import serviceDomain from '../../catalog/service.ts';
import type { SERVICES } from '../../catalog/shared/labels.ts';
import { known, type Known, type KnownOf } from '../vocabulary.ts';
import type { SimulationContext } from './context.ts';

type Service = KnownOf<typeof SERVICES>;
type State = Known<typeof serviceDomain.metrics.state, 'state'>;
const STATES = known(serviceDomain.metrics.state, 'state');

export function startLifecycle(context: SimulationContext): { setState(state: State): void } {
  const { metrics, config } = context;
  const own: Service = config.role;
  const companions: Service[] = config.role === 'worker' ? ['scheduler'] : ['notifier'];
  const since = new Map<Service, number>();
  const report = (service: Service, state: State) => {
    for (const candidate of STATES) metrics.service.state.set({ service, state: candidate }, candidate === state ? 1 : 0);
    if (state === 'active' && !since.has(service)) since.set(service, Date.now());
    if (state !== 'active') since.delete(service);
  };
  for (const service of [own, ...companions]) {
    report(service, 'active');
    metrics.service.restarts.inc({ service, reason: 'deploy' }, 0);
  }
  metrics.service.restarts.inc({ service: own, reason: 'deploy' });
  context.every(config.tickMs, () => {
    for (const service of companions) {
      // About one restart an hour: a companion goes inactive and comes back.
      if (Math.random() < config.tickMs / 3_600_000) {
        metrics.service.restarts.inc({ service, reason: Math.random() < 0.5 ? 'failure' : 'dependency' });
        since.set(service, Date.now());
      }
    }
    for (const [service, start] of since) metrics.service.uptime.set({ service }, (Date.now() - start) / 1000);
  });
  return { setState: (state) => report(own, state) };
}
