/**
 * Compile-time tests, checked by `tsc --noEmit` (part of `npm test`): each `@ts-expect-error` fails
 * the type check if the line below it compiles, so these prove that label names and values travel
 * through the types from the catalogue to the code that uses it.
 */
import type { LabelName, LabelSet, LabelValue } from '../../generator/index.ts';
import { labelOf } from '../../generator/index.ts';
import { http, jobs } from './domains.ts';

const { requests } = http.metrics;

// A label the metric has compiles; one it lacks does not.
labelOf(requests, 'status_code');
// @ts-expect-error: http_requests_total has no label 'status'.
labelOf(requests, 'status');
// @ts-expect-error: the job_type label belongs to the jobs metrics, not to HTTP.
labelOf(requests, 'job_type');

// Label names are a union of literals.
const routeLabel: LabelName<typeof requests> = 'route';
// @ts-expect-error: 'path' is not a label of http_requests_total.
const pathLabel: LabelName<typeof requests> = 'path';

// Declared values are literal types; a value outside the list does not compile.
const method: LabelValue<typeof requests, 'method'> = 'POST';
// @ts-expect-error: 'TRACE' is not a declared method.
const badMethod: LabelValue<typeof requests, 'method'> = 'TRACE';

// A complete label set must name every label with an allowed value.
const processed: LabelSet<typeof jobs.metrics.processed> = { queue: 'default', job_type: 'email', result: 'success' };
// @ts-expect-error: result 'ok' is not declared.
const badResult: LabelSet<typeof jobs.metrics.processed> = { queue: 'default', job_type: 'email', result: 'ok' };
// @ts-expect-error: the result label is missing.
const missing: LabelSet<typeof jobs.metrics.processed> = { queue: 'default', job_type: 'email' };

export const used = [routeLabel, pathLabel, method, badMethod, processed, badResult, missing];
