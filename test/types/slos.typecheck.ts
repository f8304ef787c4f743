/**
 * Compile-time tests of the SLI builders, checked by `tsc --noEmit`: each `@ts-expect-error` fails
 * the type check if the line below it compiles, so a typo in an SLO's labels never compiles.
 */
import { events, latencySli, ratioSli } from '../../generator/index.ts';
import { http } from './domains.ts';

const { requests, requestDuration } = http.metrics;

// Declared label values, one or a list, compile.
events(requests, { status_code: '500' });
events(requests, { status_code: ['500', '503'], route: '/api/v1/tasks' });
// @ts-expect-error: '5xx' is not a declared status code.
events(requests, { status_code: '5xx' });
// @ts-expect-error: http_requests_total has no label 'status'.
events(requests, { status: '500' });
// @ts-expect-error: 'TRACE' is not a declared method, in a list either.
events(requests, { method: ['GET', 'TRACE'] });

// A ratio SLI has bad or good events beside the total, not both.
ratioSli({ bad: events(requests, { status_code: '500' }), total: events(requests) });
// @ts-expect-error: bad and good together.
ratioSli({ bad: events(requests, { status_code: '500' }), good: events(requests, { status_code: '200' }), total: events(requests) });

// A latency SLI's selector is typed by the histogram's labels.
latencySli({ histogram: requestDuration, threshold: 0.5, selector: { route: '/api/v1/tasks' } });
// @ts-expect-error: the duration histogram has no status_code label.
latencySli({ histogram: requestDuration, threshold: 0.5, selector: { status_code: '500' } });
