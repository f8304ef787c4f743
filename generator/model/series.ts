/**
 * What a metric costs and which sample names it puts on the wire. Shared by the series-budget and
 * collision checks and by the metric reference, so all three agree.
 */
import type { ModelMetric } from './types.ts';

/** Samples one label combination produces: buckets (+Inf included), _sum and _count for a histogram. */
export function samplesPerLabelSet(metric: ModelMetric): number {
  switch (metric.type) {
    case 'histogram':
      return (metric.buckets?.length ?? 0) + 1 + 2;
    case 'summary':
      return (metric.quantiles?.length ?? 0) + 2;
    default:
      return 1;
  }
}

/** Worst case: every combination of label values present at once, unless a cap is declared. */
export function worstCaseLabelSets(metric: ModelMetric): number {
  const product = metric.labels.reduce((total, label) => total * Math.max(label.cardinality, 1), 1);
  const cap = metric.labelSets?.bound;
  return typeof cap === 'number' && Number.isInteger(cap) && cap > 0 ? Math.min(product, cap) : product;
}

export function worstCaseSeries(metric: ModelMetric): number {
  return worstCaseLabelSets(metric) * samplesPerLabelSet(metric);
}

/** The sample names a metric family exposes in the text format. */
export function exposedNames(metric: ModelMetric): string[] {
  switch (metric.type) {
    case 'histogram':
      return [metric.name, `${metric.name}_bucket`, `${metric.name}_sum`, `${metric.name}_count`];
    case 'summary':
      return [metric.name, `${metric.name}_sum`, `${metric.name}_count`];
    default:
      return [metric.name];
  }
}
