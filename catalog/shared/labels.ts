/**
 * Label values shared by several application domains. A queue or job type is spelled once here, so
 * the jobs, queue and worker metrics (and every query joining them) agree on the same values.
 * Each list ends with `other`: the exporter folds unexpected values into it instead of creating
 * new series.
 */
export const QUEUES = ['default', 'critical', 'bulk', 'other'] as const;
export const JOB_TYPES = ['email', 'report', 'notification', 'export', 'webhook', 'other'] as const;

export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'other'] as const;
/** Route templates of the reference API, never raw paths; `unmatched` is every request no route takes. */
export const HTTP_ROUTES = [
  '/api/v1/tasks',
  '/api/v1/tasks/:id',
  '/auth/login',
  '/auth/register',
  '/healthz',
  '/readyz',
  'unmatched',
] as const;
export const HTTP_STATUS_CODES = [
  '200', '201', '204', '400', '401', '403', '404', '405', '409', '413', '415', '422', '429',
  '500', '502', '503', '504', 'other',
] as const;

/** Services of the reference system whose lifecycle (state, restarts, uptime) is tracked. */
export const SERVICES = ['api', 'worker', 'scheduler', 'notifier', 'other'] as const;
/** Downstream dependencies guarded by circuit breakers. */
export const DEPENDENCIES = ['database', 'cache', 'email_provider', 'payment_api', 'other'] as const;
export const ERROR_TYPES = ['timeout', 'validation', 'dependency', 'internal', 'other'] as const;
