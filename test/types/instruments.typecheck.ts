/** Compile-time tests of the exporter's typed instruments (checked by `tsc --noEmit` in `npm test`). */
import type { AppInstruments } from '../../exporter/instruments/index.ts';

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
