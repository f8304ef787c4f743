/** Operational endpoints of both roles: /metrics, /healthz, /readyz and the fault switches. */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Registry } from 'prom-client';
import { applyFaultUpdate, describeFaults, NO_FAULTS } from '../faults.ts';
import type { SimulationContext } from '../sim/context.ts';
import { HttpError, type Request, type Route } from './server.ts';

export interface Readiness {
  ready: boolean;
}

/**
 * The fault switches change how the system behaves, so they answer only a bearer token given at
 * start (EXPORTER_ADMIN_TOKEN[_FILE]); without one they are off. 401 without a token, 403 with a wrong one.
 */
function authorize(expected: string | undefined, headers: Request['headers']): void {
  if (expected === undefined) {
    throw new HttpError(403, 'the fault switches are off: start the exporter with EXPORTER_ADMIN_TOKEN or EXPORTER_ADMIN_TOKEN_FILE to use them');
  }
  const given = /^Bearer (\S+)$/i.exec(headers.authorization ?? '')?.[1];
  if (given === undefined) throw new HttpError(401, 'send the admin token: Authorization: Bearer <token>', { 'www-authenticate': 'Bearer realm="exporter admin"' });
  // Compare digests: equal lengths for timingSafeEqual, and no early exit that times the token.
  const digest = (text: string) => createHash('sha256').update(text).digest();
  if (!timingSafeEqual(digest(given), digest(expected))) throw new HttpError(403, 'the admin token is wrong');
}

export function operationalRoutes(context: SimulationContext, registry: Registry, readiness: Readiness): Route[] {
  const admin: Route['before'] = (headers) => authorize(context.config.adminToken, headers);
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
    { method: 'GET', path: '/admin/faults', before: admin, handler: faults },
    {
      method: 'PUT',
      path: '/admin/faults',
      before: admin,
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
      before: admin,
      handler: () => {
        context.faults = { ...NO_FAULTS };
        return faults();
      },
    },
  ];
}
