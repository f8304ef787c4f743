/**
 * Typed PromQL: a tagged template that interpolates catalogue metrics, their histogram series and
 * recording rules, so no query spells a metric name by hand. Names are resolved when the model is
 * built (the namespace comes from the config), and every resulting expression goes through the
 * offline query checker.
 *
 *   promql`sum by (${labelOf(http.requests, 'route')}) (rate(${http.requests}[5m]))`
 */
import type { MetricDef } from '../dsl/metrics.ts';
import { required } from '../dsl/missing.ts';
import { exposedMetricName } from '../dsl/ownership.ts';

export type SeriesSuffix = '_bucket' | '_sum' | '_count';

/** One of the series a histogram or summary exposes besides its family name. */
export interface SeriesRef {
  readonly kind: 'series';
  readonly metric: MetricDef;
  readonly suffix: SeriesSuffix;
}

/** Anything that names a series a query can select: a metric, a histogram series, a recording rule. */
export interface Named {
  readonly kind: 'recording';
  qualifiedRecord(namespace: string): string;
  /** The expression the named series comes from, so a query's metrics can be traced through it. */
  readonly expr: Query;
}

export type Interpolation = string | number | MetricDef | SeriesRef | Named | Query;

export class Query {
  constructor(
    private readonly strings: readonly string[],
    private readonly values: readonly Interpolation[],
  ) {}

  /** Catalogue metrics the query reads, directly or through the recording rules it reads. */
  metrics(): MetricDef[] {
    const found: MetricDef[] = [];
    for (const value of this.values) {
      if (typeof value !== 'object') continue;
      if (value instanceof Query) found.push(...value.metrics());
      else if (value.kind === 'metric') found.push(value);
      else if (value.kind === 'series') found.push(value.metric);
      else found.push(...value.expr.metrics());
    }
    return [...new Set(found)];
  }

  /** The expression text, with every name resolved under the given namespace. */
  render(namespace: string): string {
    let text = this.strings[0] ?? '';
    this.values.forEach((value, i) => {
      text += interpolate(value, namespace) + (this.strings[i + 1] ?? '');
    });
    return dedent(text);
  }
}

export function promql(strings: TemplateStringsArray, ...values: Interpolation[]): Query {
  // The text before the hole tells which of the query's values is missing.
  values.forEach((value, i) => required(value, `the value interpolated after promql\`${strings.raw.slice(0, i + 1).join('${…}').trimEnd().slice(-40)}\``));
  return new Query(strings.raw, values);
}

export const bucketOf = (metric: MetricDef): SeriesRef => ({ kind: 'series', metric: required(metric, 'the metric of bucketOf()'), suffix: '_bucket' });
export const sumOf = (metric: MetricDef): SeriesRef => ({ kind: 'series', metric: required(metric, 'the metric of sumOf()'), suffix: '_sum' });
export const countOf = (metric: MetricDef): SeriesRef => ({ kind: 'series', metric: required(metric, 'the metric of countOf()'), suffix: '_count' });

export function nameOf(value: MetricDef | SeriesRef | Named, namespace: string): string {
  if (value.kind === 'metric') return exposedMetricName(value, namespace);
  if (value.kind === 'series') return exposedMetricName(value.metric, namespace) + value.suffix;
  return value.qualifiedRecord(namespace);
}

function interpolate(value: Interpolation, namespace: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return formatNumber(value);
  if (value instanceof Query) return value.render(namespace);
  return nameOf(value, namespace);
}

/** Thresholds as an SRE writes them: 0.05, 1000, 1e-3; never 0.30000000000000004. */
export function formatNumber(value: number): string {
  return String(Number(value.toPrecision(12)));
}

/** Multi-line templates are written indented in source; the rule file should not carry that indent. */
function dedent(text: string): string {
  const lines = text.replace(/^\s*\n/, '').replace(/\s+$/, '').split('\n');
  const indents = lines.filter((line) => line.trim() !== '').map((line) => /^ */.exec(line)![0].length);
  const common = Math.min(...indents, Infinity);
  return lines.map((line) => line.slice(Number.isFinite(common) ? common : 0)).join('\n');
}
