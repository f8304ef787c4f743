/**
 * Label declarations. Every label states how many values it can take, because the number of
 * series a metric can create is the product of its label cardinalities: a label without a bound
 * is how a monitoring system runs out of memory.
 */

/** A label whose values are known up front: `['GET', 'POST', 'other']`. */
export type EnumLabel = readonly string[];

/** What a label holds when one value per user, request or message is its nature. */
export type LabelKind = 'identifier' | 'address' | 'text';
export const LABEL_KINDS: readonly LabelKind[] = ['identifier', 'address', 'text'];

/**
 * A deliberate exception: why a label that holds identifiers, addresses or text stays bounded in
 * this system (`{ identifier: 'one uid per pod of this system' }`). Shown in the metric reference.
 */
export type Acknowledgement = { readonly [K in LabelKind]?: string };

/** A label whose values come from outside (CPU numbers, device names) but are few. */
export interface BoundedLabel {
  readonly bound: number;
  /** Why the bound holds: shown in the metric reference. */
  readonly reason: string;
  readonly acknowledge?: Acknowledgement;
}

export type LabelSpec = EnumLabel | BoundedLabel;
export type LabelSpecs = Readonly<Record<string, LabelSpec>>;

/**
 * Declares a label with values not known up front and an upper bound on how many there are. A label
 * whose name or nature says identifier, address or text also needs `acknowledge`, saying why.
 */
export function bounded(bound: number, reason: string, acknowledge?: Acknowledgement): BoundedLabel {
  return acknowledge === undefined ? { bound, reason } : { bound, reason, acknowledge };
}

export function isBoundedLabel(spec: unknown): spec is BoundedLabel {
  return typeof spec === 'object' && spec !== null && !Array.isArray(spec) && 'bound' in spec;
}
