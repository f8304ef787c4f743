/** Operational endpoints of both roles: /metrics, /healthz, /readyz and the fault switches. */
import type { Registry } from 'prom-client';
import { applyFaultUpdate, describeFaults, NO_FAULTS } from '../faults.ts';
import type { SimulationContext } from '../sim/context.ts';
import { HttpError, type Route } from './server.ts';

export interface Readiness {
  ready: boolean;
}

export function operationalRoutes(context: SimulationContext, registry: Registry, readiness: Readiness): Route[] {
  const faults = () => ({ status: 200, body: { role: context.config.role, faults: describeFaults(context.faults) } });
  return [
    { method: 'GET', path: '/metrics', handler: async () => ({ status: 200, text: await registry.metrics(), contentType: registry.contentType }) },
    { method: 'GET', path: '/healthz', instrumentedAs: '/healthz', handler: () => ({ status: 200, body: { status: 'ok' } }) },
    {
      method: 'GET',
      path: '/readyz',
      instrumentedAs: '/readyz',
      handler: () => (readiness.ready ? { status: 200, body: { status: 'ready' } } : { status: 503, body: { status: 'shutting down' } }),
    },
    { method: 'GET', path: '/admin/faults', handler: faults },
    {
      method: 'PUT',
      path: '/admin/faults',
      handler: ({ body }) => {
        try {
          context.faults = applyFaultUpdate(context.faults, body);
        } catch (error) {
          throw new HttpError(400, (error as Error).message);
        }
        console.log(`faults set: ${JSON.stringify(context.faults)}`);
        return faults();
      },
    },
    {
      method: 'DELETE',
      path: '/admin/faults',
      handler: () => {
        context.faults = { ...NO_FAULTS };
        return faults();
      },
    },
  ];
}
