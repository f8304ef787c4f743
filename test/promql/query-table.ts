/**
 * Case tables for the query checks: a small catalogue (batch_runs_total scraped every minute, the
 * rest at the global 15 s), a few recording rules, evaluated every 30 s.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../generator/promql/analyze.ts';
import { seriesIndex, type LabelValues, type QueryContext, type RecordingInfo } from '../../generator/promql/context.ts';
import type { QueryCheck } from '../../generator/promql/checks/query-check.ts';

/** A recording rule's info, as the model context infers it from the expression in the comment beside it. */
const recording = (labels: string[], type: RecordingInfo['type'], values: Record<string, string[]> = {}): RecordingInfo => ({
  labels: new Set(labels),
  type,
  values: new Map(Object.entries(values).map(([label, list]): [string, LabelValues] => [label, { values: list, numeric: label === 'le' }])),
});

export const CONTEXT: QueryContext = {
  series: seriesIndex(
    [
      { name: 'http_requests_total', type: 'counter', labels: [{ name: 'route', values: ['/a', '/b'] }, { name: 'status_code', values: ['200', '404', '500', '503'] }, { name: 'method', values: ['GET', 'POST'] }] },
      { name: 'http_request_duration_seconds', type: 'histogram', labels: [{ name: 'route', values: ['/a', '/b'] }], buckets: [0.1, 0.5, 1] },
      { name: 'queue_length', type: 'gauge', labels: [{ name: 'queue' }] },
      { name: 'rpc_duration_seconds', type: 'summary', labels: [{ name: 'service' }], quantiles: [0.5, 0.9] },
      { name: 'mysql_global_status_slow_queries', type: 'untyped', labels: [] },
      { name: 'batch_runs_total', type: 'counter', labels: [] },
    ],
    new Map([['batch_runs_total', 60]]),
  ),
  recordings: new Map([
    // sum by (job, route) (rate(http_requests_total[5m]))
    ['job_route:http_requests:rate5m', recording(['job', 'route'], 'gauge', { route: ['/a', '/b'] })],
    // sum by (job, le) (rate(http_request_duration_seconds_bucket[5m]))
    ['job_le:http_request_duration_seconds_bucket:rate5m', recording(['job', 'le'], 'gauge', { le: ['0.1', '0.5', '1', '+Inf'] })],
    // sum by (job) (http_requests_total)
    ['job:http_requests:sum', recording(['job'], 'counter')],
    // sum by (job) (rate(batch_runs_total[5m]))
    ['job:batch_runs:rate5m', recording(['job'], 'gauge')],
  ]),
  scrapeIntervalSeconds: 15,
  evaluationIntervalSeconds: 30,
};

export interface QueryCase {
  readonly name: string;
  readonly expr: string;
  readonly expect: readonly string[];
}

export function queryTable(check: QueryCheck, cases: readonly QueryCase[]): void {
  describe(`query check ${check.id}`, () => {
    it.each(cases)('$name', ({ expr, expect: expected }) => {
      const messages = check.run(analyze(expr, CONTEXT), CONTEXT);
      expect(messages).toHaveLength(expected.length);
      expected.forEach((text, i) => expect(messages[i]).toContain(text));
    });
  });
}
