/**
 * Which metric definitions belong to application domains, and so carry the namespace. Kept beside
 * the definitions rather than on them, so a definition stays the plain frozen object its author wrote.
 */
import type { MetricDef } from './metrics.ts';

const applicationMetrics = new WeakSet<MetricDef>();

export function markApplicationMetric(metric: MetricDef): void {
  applicationMetrics.add(metric);
}

/** Application names get the namespace; upstream names are used as their exporters expose them. */
export function qualifiedName(name: string, namespaced: boolean, namespace: string): string {
  return namespaced ? `${namespace}_${name}` : name;
}

export function exposedMetricName(metric: MetricDef, namespace: string): string {
  return qualifiedName(metric.name, applicationMetrics.has(metric), namespace);
}
