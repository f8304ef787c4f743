/**
 * Label declarations. Every label states how many values it can take, because the number of
 * series a metric can create is the product of its label cardinalities: a label without a bound
 * is how a monitoring system runs out of memory.
 */

/** A label whose values are known up front: `['GET', 'POST', 'other']`. */
export type EnumLabel = readonly string[];

/** A label whose values come from outside (CPU numbers, device names) but are few. */
export interface BoundedLabel {
  readonly bound: number;
  /** Why the bound holds: shown in the metric reference. */
  readonly reason: string;
}

export type LabelSpec = EnumLabel | BoundedLabel;
export type LabelSpecs = Readonly<Record<string, LabelSpec>>;

/** Declares a label with values not known up front and an upper bound on how many there are. */
export function bounded(bound: number, reason: string): BoundedLabel {
  return { bound, reason };
}

export function isBoundedLabel(spec: unknown): spec is BoundedLabel {
  return typeof spec === 'object' && spec !== null && !Array.isArray(spec) && 'bound' in spec;
}
