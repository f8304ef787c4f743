/**
 * What a query may refer to: every series name the catalogue exposes (a histogram's _bucket, _sum
 * and _count included) with the values its labels may take and how often it is scraped, every
 * recording rule of the project with the labels it keeps, and the intervals that range windows are
 * measured against.
 */
import type { MetricType } from '../dsl/metrics.ts';
import type { ValueType } from './value-kind.ts';

/** Labels Prometheus attaches to every scraped series. */
export const TARGET_LABELS = ['job', 'instance'] as const;

export interface SeriesInfo {
  /** The metric family (`x` for `x_bucket`). */
  readonly family: string;
  readonly type: MetricType;
  readonly suffix: '' | '_bucket' | '_sum' | '_count';
  /** Labels the series carries, target labels and `le`/`quantile` included. */
  readonly labels: ReadonlySet<string>;
  /** The values of the labels that list them (bounded labels and target labels do not). */
  readonly values: ReadonlyMap<string, LabelValues>;
  /** How often the series is scraped: the slowest job exposing its domain; undefined for the global interval. */
  readonly scrapeIntervalSeconds: number | undefined;
}

export interface LabelValues {
  readonly values: readonly string[];
  /** `le` and `quantile` hold numbers, written `1` or `1.0` depending on the exposing client: compare them as numbers. */
  readonly numeric: boolean;
}

export interface RecordingInfo {
  /** Labels the rule's result keeps; undefined when they cannot be inferred (treated as any). */
  readonly labels: ReadonlySet<string> | undefined;
  /** Whether the rule records a counter's running total or a gauge's level (a rate, a ratio, a quantile). */
  readonly type: ValueType;
  /** Values of the kept labels that come unchanged from catalogue labels listing them. */
  readonly values: ReadonlyMap<string, LabelValues>;
}

export interface QueryContext {
  readonly series: ReadonlyMap<string, SeriesInfo>;
  readonly recordings: ReadonlyMap<string, RecordingInfo>;
  /** The global scrape interval: of jobs that set none, and what Grafana's $__rate_interval assumes. */
  readonly scrapeIntervalSeconds: number;
  /** How often recording rules are evaluated: the interval of their output's samples. */
  readonly evaluationIntervalSeconds: number;
}

export interface CatalogMetric {
  readonly name: string;
  readonly type: MetricType;
  readonly labels: readonly { readonly name: string; readonly values?: readonly string[] | undefined }[];
  readonly buckets?: readonly number[] | undefined;
  readonly quantiles?: readonly number[] | undefined;
}

/** Every series of the catalogue by name; `intervals` gives the scrape interval of families not scraped at the global one. */
export function seriesIndex(metrics: readonly CatalogMetric[], intervals: ReadonlyMap<string, number> = new Map()): Map<string, SeriesInfo> {
  const index = new Map<string, SeriesInfo>();
  for (const metric of metrics) {
    const own = [...TARGET_LABELS, ...metric.labels.map((l) => l.name)];
    const listed = metric.labels.filter((l) => l.values !== undefined).map((l): [string, LabelValues] => [l.name, { values: l.values!, numeric: false }]);
    const add = (suffix: SeriesInfo['suffix'], extra?: readonly [string, readonly number[] | undefined]) =>
      index.set(metric.name + suffix, {
        family: metric.name,
        type: metric.type,
        suffix,
        labels: new Set([...own, ...(extra ? [extra[0]] : [])]),
        values: new Map(extra?.[1] ? [...listed, [extra[0], { values: numberValues(extra[1], extra[0] === 'le'), numeric: true }]] : listed),
        scrapeIntervalSeconds: intervals.get(metric.name),
      });
    if (metric.type === 'histogram') {
      add('_bucket', ['le', metric.buckets]);
      add('_sum');
      add('_count');
    } else if (metric.type === 'summary') {
      add('', ['quantile', metric.quantiles]);
      add('_sum');
      add('_count');
    } else add('');
  }
  return index;
}

/** A histogram's buckets end with +Inf, which no catalogue lists. */
function numberValues(numbers: readonly number[], withInfinity: boolean): string[] {
  return [...numbers.map(String), ...(withInfinity ? ['+Inf'] : [])];
}
