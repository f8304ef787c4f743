/**
 * The one way from a definition to the model: a catalogue metric to its `ModelMetric`, and anything
 * a query or test series can select (a metric, a histogram's series, a recording rule) to the name
 * Prometheus stores it under. It reads the identity a definition carries as data (`catalogued`,
 * stamped by defineDomain(); a recording rule's `record`), so it works whichever copy of the DSL
 * made the definition. Queries (model/queries.ts), test series, dashboard variables, the exporter
 * and the tests all name metrics through it.
 */
import type { MetricDef } from '../dsl/metrics.ts';
import { qualifyRecord } from '../dsl/rules.ts';
import type { RecordingRef, SeriesRef } from '../promql/query.ts';
import type { Model, ModelMetric } from './types.ts';

/** What a query or a test series can select. */
export type Selectable = MetricDef | SeriesRef | RecordingRef;

export interface Resolver {
  readonly namespace: string;
  /** The catalogue metric a definition is; undefined for a metric no built domain holds. */
  metric(definition: MetricDef): ModelMetric | undefined;
  /** The exposed name of a metric, histogram series or recording rule. */
  name(selectable: Selectable): string;
}

/** Application names get the namespace; upstream names are used as their exporters expose them. */
export function qualifiedName(name: string, namespaced: boolean, namespace: string): string {
  return namespaced ? `${namespace}_${name}` : name;
}

/** The resolver over a model's catalogue (the rules and dashboards it holds play no part). */
export function resolverOf(catalogue: Pick<Model, 'config' | 'domains'>): Resolver {
  const namespace = catalogue.config.namespace;
  const byPlace = new Map(catalogue.domains.flatMap((domain) => domain.metrics.map((metric) => [placeOf(domain.name, metric.key), metric] as const)));
  const metric = (definition: MetricDef) => (definition.catalogued ? byPlace.get(placeOf(definition.catalogued.domain, definition.catalogued.key)) : undefined);
  // A metric outside the model (its domain was refused, or none holds it) is still named as written.
  const metricName = (definition: MetricDef) => metric(definition)?.name ?? qualifiedName(definition.name, definition.catalogued?.namespaced === true, namespace);
  return {
    namespace,
    metric,
    name(selectable) {
      switch (selectable.kind) {
        case 'metric':
          return metricName(selectable);
        case 'series':
          return metricName(selectable.metric) + selectable.suffix;
        case 'recording':
          return qualifyRecord(selectable.record, namespace);
        default:
          throw new Error(`${describeValue(selectable)} is not a catalogue metric, bucketOf()/sumOf()/countOf() series or recording rule`);
      }
    },
  };
}

function placeOf(domain: string, key: string): string {
  return `${domain}.${key}`;
}

/** A value as a message names it: `undefined`, `a string`, `an object of kind 'panel'`. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (typeof value !== 'object') return `the ${typeof value} ${JSON.stringify(value)}`;
  const kind = (value as { kind?: unknown }).kind;
  return typeof kind === 'string' ? `an object of kind '${kind}'` : 'an object';
}
