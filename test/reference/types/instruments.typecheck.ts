/** Compile-time tests of the typed instruments (checked by `tsc --noEmit` in `npm test`). */
import { Registry } from 'prom-client';
import type { RouteTemplate } from '../../../exporter/http/server.ts';
import type { AppInstruments } from '../../../exporter/instruments/index.ts';
import type { Role } from '../../../exporter/role-map.ts';
import type { QueryType } from '../../../exporter/sim/dependencies.ts';
import type { JobType, QueueName } from '../../../exporter/sim/jobs.ts';
import { createInstruments } from '../../../generator/instruments/index.ts';
import api from '../../fixtures/instrumenting/catalog/api.ts';

/** The engine's API over a domain of the caller's: its labels and values, nothing else. */
export function engineUses(): void {
  const i = createInstruments(new Registry(), { api }, { namespace: 'ledger' });
  i.api.requests.inc({ method: 'POST', route: '/transfers', status_code: '201' });
  i.api.requestDuration.startTimer({ route: '/balances' })();
  // @ts-expect-error: the domain declares no DELETE.
  i.api.requests.inc({ method: 'DELETE', route: '/transfers', status_code: '200' });
  // @ts-expect-error: 'path' is not a label of http_requests_total.
  i.api.requests.inc({ method: 'GET', path: '/transfers', status_code: '200' });
  // @ts-expect-error: the histogram has a route label only.
  i.api.requestDuration.observe({ route: '/balances', method: 'GET' }, 0.1);
  // @ts-expect-error: no domain 'payments' was passed.
  void i.payments;
  // @ts-expect-error: exposed names keys of the domains passed.
  createInstruments(new Registry(), { api }, { namespace: 'ledger', exposed: ['payments'] });
}

export function instrumentUses(i: AppInstruments): void {
  i.http.requests.inc({ method: 'GET', route: '/api/v1/tasks/:id', status_code: '404' });
  // @ts-expect-error: 'status' is not a label of http_requests_total.
  i.http.requests.inc({ method: 'GET', route: '/api/v1/tasks', status: '200' });
  // @ts-expect-error: raw paths are not declared routes.
  i.http.requests.inc({ method: 'GET', route: '/api/v1/tasks/42', status_code: '200' });
  // @ts-expect-error: a counter cannot be set.
  i.jobs.submitted.set({ queue: 'default', job_type: 'email' }, 1);
  i.queue.length.set({ queue: 'bulk' }, 3);
  // @ts-expect-error: the queue label is missing.
  i.queue.length.set({}, 3);
  i.database.queryDuration.observe({ query_type: 'select', table: 'tasks' }, 0.01);
  // @ts-expect-error: histograms observe, they do not count.
  i.database.queryDuration.inc({ query_type: 'select', table: 'tasks' });
}

/** The exporter's own names for label values are the catalogue's, without `other`: nothing else compiles. */
export function vocabularyUses(): void {
  const queue: QueueName = 'critical';
  // @ts-expect-error: no queue of catalog/shared/labels.ts is called urgent.
  const urgent: QueueName = 'urgent';
  // @ts-expect-error: `other` is the guard's fold, never recorded on purpose.
  const other: JobType = 'other';
  const route: RouteTemplate = '/api/v1/tasks/:id';
  // @ts-expect-error: a raw path is not a route template.
  const raw: RouteTemplate = '/api/v1/tasks/42';
  const query: QueryType = 'select';
  // @ts-expect-error: the catalogue declares no upsert queries.
  const upsert: QueryType = 'upsert';
  const roles: Role[] = ['api', 'worker'];
  // @ts-expect-error: the exporter has no scheduler role.
  const scheduler: Role = 'scheduler';
  void [queue, urgent, other, route, raw, query, upsert, roles, scheduler];
}
