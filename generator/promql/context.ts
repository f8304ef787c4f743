/**
 * What a query may refer to: every series name the catalogue exposes (a histogram's _bucket, _sum
 * and _count included), every recording rule of the project with the labels it keeps, and the
 * scrape interval that range windows are measured against.
 */
import type { MetricType } from '../dsl/metrics.ts';

/** Labels Prometheus attaches to every scraped series. */
export const TARGET_LABELS = ['job', 'instance'] as const;

export interface SeriesInfo {
  /** The metric family (`x` for `x_bucket`). */
  readonly family: string;
  readonly type: MetricType;
  readonly suffix: '' | '_bucket' | '_sum' | '_count';
  /** Labels the series carries, target labels and `le`/`quantile` included. */
  readonly labels: ReadonlySet<string>;
}

export interface RecordingInfo {
  /** Labels the rule's result keeps; undefined when they cannot be inferred (treated as any). */
  readonly labels: ReadonlySet<string> | undefined;
}

export interface QueryContext {
  readonly series: ReadonlyMap<string, SeriesInfo>;
  readonly recordings: ReadonlyMap<string, RecordingInfo>;
  readonly scrapeIntervalSeconds: number;
}

export interface CatalogMetric {
  readonly name: string;
  readonly type: MetricType;
  readonly labels: readonly { readonly name: string }[];
}

export function seriesIndex(metrics: readonly CatalogMetric[]): Map<string, SeriesInfo> {
  const index = new Map<string, SeriesInfo>();
  for (const metric of metrics) {
    const own = [...TARGET_LABELS, ...metric.labels.map((l) => l.name)];
    const add = (suffix: SeriesInfo['suffix'], extra: string[] = []) =>
      index.set(metric.name + suffix, { family: metric.name, type: metric.type, suffix, labels: new Set([...own, ...extra]) });
    if (metric.type === 'histogram') {
      add('_bucket', ['le']);
      add('_sum');
      add('_count');
    } else if (metric.type === 'summary') {
      add('', ['quantile']);
      add('_sum');
      add('_count');
    } else add('');
  }
  return index;
}
