/**
 * Typed PromQL: a tagged template that interpolates catalogue metrics, their histogram series and
 * recording rules, so no query spells a metric name by hand. A `Query` is plain frozen data (its
 * template parts and values); the model resolves it once into text and what it reads
 * (model/queries.ts), with the namespace from the config, and every resulting expression goes
 * through the offline query checker.
 *
 *   promql`sum by (${labelOf(http.requests, 'route')}) (rate(${http.requests}[5m]))`
 */
import type { MetricDef } from '../dsl/metrics.ts';
import { required } from '../dsl/missing.ts';

export type SeriesSuffix = '_bucket' | '_sum' | '_count';

/** One of the series a histogram or summary exposes besides its family name. */
export interface SeriesRef {
  readonly kind: 'series';
  readonly metric: MetricDef;
  readonly suffix: SeriesSuffix;
}

/** A recording rule as a query reads it: its record as written, and the expression it comes from. */
export interface RecordingRef {
  readonly kind: 'recording';
  /** `level:metric:operations`, without the namespace. */
  readonly record: string;
  readonly expr: Query;
}

export type Interpolation = string | number | MetricDef | SeriesRef | RecordingRef | Query;

export interface Query {
  readonly kind: 'query';
  /** The template's text parts, as written (raw). */
  readonly strings: readonly string[];
  /** What was interpolated between them. */
  readonly values: readonly Interpolation[];
}

export function promql(strings: TemplateStringsArray, ...values: Interpolation[]): Query {
  // The text before the hole tells which of the query's values is missing.
  values.forEach((value, i) => required(value, `the value interpolated after promql\`${strings.raw.slice(0, i + 1).join('${…}').trimEnd().slice(-40)}\``));
  return Object.freeze({ kind: 'query' as const, strings: Object.freeze([...strings.raw]), values: Object.freeze([...values]) });
}

export const bucketOf = (metric: MetricDef): SeriesRef => ({ kind: 'series', metric: required(metric, 'the metric of bucketOf()'), suffix: '_bucket' });
export const sumOf = (metric: MetricDef): SeriesRef => ({ kind: 'series', metric: required(metric, 'the metric of sumOf()'), suffix: '_sum' });
export const countOf = (metric: MetricDef): SeriesRef => ({ kind: 'series', metric: required(metric, 'the metric of countOf()'), suffix: '_count' });

/** Thresholds as an SRE writes them: 0.05, 1000, 1e-3; never 0.30000000000000004. */
export function formatNumber(value: number): string {
  return String(Number(value.toPrecision(12)));
}

/** Multi-line templates are written indented in source; the rule file should not carry that indent. */
export function dedent(text: string): string {
  const lines = text.replace(/^\s*\n/, '').replace(/\s+$/, '').split('\n');
  const indents = lines.filter((line) => line.trim() !== '').map((line) => /^ */.exec(line)![0].length);
  const common = Math.min(...indents, Infinity);
  return lines.map((line) => line.slice(Number.isFinite(common) ? common : 0)).join('\n');
}
