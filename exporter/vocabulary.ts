/**
 * The exporter's label values come from the catalogue (catalog/shared/labels.ts, or the metric's own
 * declared values), never typed again: `Known` names them as a type, `known()` lists them, and
 * `oneOf()` admits a value from outside (a request body, an HTTP method) only when it is declared.
 * `other` is left out everywhere: it is where the label guard folds the unexpected, never a value
 * the exporter records on purpose.
 */
import type { LabelName, LabelValue, MetricDef } from '../generator/dsl/metrics.ts';
import { OTHER } from 'sextant/instruments';

/** The declared values of a list, `other` left out. */
export type KnownOf<T extends readonly string[]> = Exclude<T[number], typeof OTHER>;

/** The values the catalogue declares for a metric's label, `other` left out. */
export type Known<M extends MetricDef, K extends LabelName<M>> = Exclude<LabelValue<M, K>, typeof OTHER>;

/** The values of a list (a vocabulary of catalog/shared/labels.ts), `other` left out, in their order. */
export function withoutOther<const T extends readonly string[]>(values: T): readonly KnownOf<T>[] {
  return values.filter((value): value is KnownOf<T> => value !== OTHER);
}

/** The values the catalogue declares for a metric's label, `other` left out, in their order. */
export function known<M extends MetricDef, K extends LabelName<M>>(metric: M, label: K): readonly Known<M, K>[] {
  const values: unknown = metric.labels[label];
  if (!Array.isArray(values)) throw new Error(`${metric.name}: label '${label}' is bounded, it declares no values`);
  return values.filter((value): value is Known<M, K> => value !== OTHER);
}

/** Whether a value from outside the program is one of these. */
export function oneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return (values as readonly unknown[]).includes(value);
}
