/** Case tables for the query checks: a small catalogue, one recording rule, 15 s scrapes. */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../generator/promql/analyze.ts';
import { seriesIndex, type QueryContext } from '../../generator/promql/context.ts';
import type { QueryCheck } from '../../generator/promql/checks/query-check.ts';

export const CONTEXT: QueryContext = {
  series: seriesIndex([
    { name: 'http_requests_total', type: 'counter', labels: [{ name: 'route' }, { name: 'status_code' }] },
    { name: 'http_request_duration_seconds', type: 'histogram', labels: [{ name: 'route' }] },
    { name: 'queue_length', type: 'gauge', labels: [{ name: 'queue' }] },
    { name: 'rpc_duration_seconds', type: 'summary', labels: [{ name: 'service' }] },
    { name: 'mysql_global_status_slow_queries', type: 'untyped', labels: [] },
  ]),
  recordings: new Map([
    ['job_route:http_requests:rate5m', { labels: new Set(['job', 'route']) }],
    ['job_le:http_request_duration_seconds_bucket:rate5m', { labels: new Set(['job', 'le']) }],
  ]),
  scrapeIntervalSeconds: 15,
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
