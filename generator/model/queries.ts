/**
 * Resolves a `promql` query once, when the model is built: its text under the namespace, and the
 * catalogue metrics and recording rules it reads, taken from what it interpolates (never parsed
 * back out of the text). Checks that need the text's structure (labels, functions, matchers)
 * still parse it; "which metrics does it read" is answered here.
 */
import { dedent, formatNumber, type Interpolation, type Query } from '../promql/query.ts';
import { describeValue, type Resolver } from './resolve.ts';
import type { ModelMetric, QueryReads } from './types.ts';

export interface ResolvedQuery {
  readonly text: string;
  readonly reads: QueryReads;
}

/** Whether a value is a `promql` query, by its tag (any copy of the DSL made it). */
export function isQuery(value: unknown): value is Query {
  if (typeof value !== 'object' || value === null) return false;
  const query = value as Partial<Query>;
  return query.kind === 'query' && Array.isArray(query.strings) && Array.isArray(query.values);
}

/** The query's text and reads; throws, naming the value, on an interpolation of the wrong kind. */
export function resolveQuery(query: Query, resolver: Resolver): ResolvedQuery {
  const metrics = new Set<ModelMetric>();
  const recordings = new Set<string>();
  const read = (metric: ModelMetric | undefined) => {
    if (metric) metrics.add(metric);
  };
  /** Recording rules a query names are read directly; the metrics behind them, through them. */
  const walk = (current: Query, direct: boolean): string => {
    let text = current.strings[0] ?? '';
    current.values.forEach((value, i) => {
      text += piece(value, direct) + (current.strings[i + 1] ?? '');
    });
    return dedent(text);
  };
  const piece = (value: Interpolation, direct: boolean): string => {
    if (typeof value === 'string') return value;
    if (typeof value === 'number') return formatNumber(value);
    if (isQuery(value)) return walk(value, direct);
    switch (value?.kind) {
      case 'metric':
        read(resolver.metric(value));
        break;
      case 'series':
        read(resolver.metric(value.metric));
        break;
      case 'recording':
        if (direct) recordings.add(resolver.name(value));
        if (isQuery(value.expr)) walk(value.expr, false);
        break;
      default:
        throw new Error(`it interpolates ${describeValue(value)}, which is not a catalogue metric, bucketOf()/sumOf()/countOf() series, recording rule, promql query, string or number`);
    }
    return resolver.name(value);
  };
  const text = walk(query, true);
  return { text, reads: { metrics: [...metrics], recordings: [...recordings] } };
}
