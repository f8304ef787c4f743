/**
 * The metric definition DSL: `counter`, `gauge`, `histogram`, `summary` (and `untyped`, which only
 * upstream exporters may use). The functions only capture the definition; validation happens later
 * over the whole model so that one run reports every problem at once.
 *
 * Label names and values travel in the types, so code written against a metric (alerts, dashboards,
 * the exporter) fails to compile when it names a label the metric does not have.
 */
import type { BoundedLabel, LabelSpecs } from './labels.ts';
import type { Unit } from './units.ts';
import { rememberUnknownKeys } from './unknown-keys.ts';

export type MetricType = 'counter' | 'gauge' | 'histogram' | 'summary' | 'untyped';

export interface MetricDef<
  T extends MetricType = MetricType,
  N extends string = string,
  L extends LabelSpecs = LabelSpecs,
> {
  readonly kind: 'metric';
  readonly type: T;
  /** Name without the namespace for application metrics; the full upstream name otherwise. */
  readonly name: N;
  readonly help: string;
  readonly unit: Unit | undefined;
  readonly labels: L;
  readonly buckets: readonly number[] | undefined;
  readonly quantiles: readonly number[] | undefined;
  /** Names this metric replaces in the systems the catalogue grew from, shown in the reference. */
  readonly replaces: readonly string[];
  /** Caps label combinations when labels move together (a device has one mount point). */
  readonly labelSets: BoundedLabel | undefined;
  /** Why no dashboard shows this metric; otherwise every application metric must be on a panel. */
  readonly notDashboarded: string | undefined;
  /** The values a gauge can take (a capacity it never exceeds): alerts needing others cannot fire. */
  readonly range: ValueBounds | undefined;
  /** Set by defineDomain(): where the metric is catalogued. Undefined for a metric no domain holds. */
  readonly catalogued?: Catalogued;
}

/**
 * A metric's place in the catalogue, as data: the model finds the metric by it, and queries,
 * test series and the exporter name it through the model, whichever copy of the DSL made it.
 */
export interface Catalogued {
  readonly domain: string;
  /** Its property in the domain's `metrics`. */
  readonly key: string;
  /** Application metrics carry the configured namespace; upstream ones are named as exposed. */
  readonly namespaced: boolean;
}

/** Bounds a gauge's values never leave, with the reason (the exporter caps it, a pool's size). */
export interface ValueBounds {
  readonly min?: number;
  readonly max?: number;
  readonly why: string;
}

interface CommonOptions<N extends string, L extends LabelSpecs> {
  name: N;
  help: string;
  unit?: Unit;
  labels?: L;
  replaces?: readonly string[];
  /**
   * At most this many label combinations, with the reason: for labels that move together, where
   * the product of their bounds would overstate the series a metric can create.
   */
  labelSets?: BoundedLabel;
  /** Why no dashboard shows this metric (the dashboard-coverage check asks). */
  notDashboarded?: string;
  /** The values a gauge can take, such as a capacity: `{ min: 0, max: 10_000, why: '…' }`. */
  range?: ValueBounds;
}
export interface HistogramOptions<N extends string, L extends LabelSpecs> extends CommonOptions<N, L> {
  buckets: readonly number[];
}
export interface SummaryOptions<N extends string, L extends LabelSpecs> extends CommonOptions<N, L> {
  quantiles: readonly number[];
}

type NoLabels = Record<never, never>;

function define<T extends MetricType, N extends string, L extends LabelSpecs>(
  type: T,
  options: CommonOptions<N, L> & { buckets?: readonly number[]; quantiles?: readonly number[] },
): MetricDef<T, N, L> {
  const definition = Object.freeze({
    kind: 'metric' as const,
    type,
    name: options.name,
    help: options.help,
    unit: options.unit,
    labels: (options.labels ?? {}) as L,
    buckets: options.buckets,
    quantiles: options.quantiles,
    replaces: options.replaces ?? [],
    labelSets: options.labelSets,
    notDashboarded: options.notDashboarded,
    range: options.range,
  });
  return rememberUnknownKeys(definition, options, METRIC_OPTIONS);
}
/** Every option a metric function reads; the compiler keeps the list complete. */
export const METRIC_OPTIONS = Object.keys({
  name: true, help: true, unit: true, labels: true, replaces: true, labelSets: true, notDashboarded: true, range: true, buckets: true, quantiles: true,
} satisfies Record<keyof (HistogramOptions<string, LabelSpecs> & SummaryOptions<string, LabelSpecs>), true>);

export function counter<const N extends string, const L extends LabelSpecs = NoLabels>(options: CommonOptions<N, L>) {
  return define('counter', options);
}
export function gauge<const N extends string, const L extends LabelSpecs = NoLabels>(options: CommonOptions<N, L>) {
  return define('gauge', options);
}
export function histogram<const N extends string, const L extends LabelSpecs = NoLabels>(options: HistogramOptions<N, L>) {
  return define('histogram', options);
}
export function summary<const N extends string, const L extends LabelSpecs = NoLabels>(options: SummaryOptions<N, L>) {
  return define('summary', options);
}
/** Only for upstream exporters that expose untyped samples (mysqld_exporter's global status, for one). */
export function untyped<const N extends string, const L extends LabelSpecs = NoLabels>(options: CommonOptions<N, L>) {
  return define('untyped', options);
}

/** The label names of a metric definition, as a union of string literals. */
export type LabelName<M> = M extends MetricDef<MetricType, string, infer L> ? Extract<keyof L, string> : never;

/** The values a label may take: the declared literals, or any string for a bounded label. */
export type LabelValue<M, K extends LabelName<M>> =
  M extends MetricDef<MetricType, string, infer L>
    ? L[K] extends readonly (infer V extends string)[]
      ? V
      : string
    : never;

/** A complete label set of a metric: every label, each with an allowed value. */
export type LabelSet<M> = { readonly [K in LabelName<M>]: LabelValue<M, K> };

/**
 * Names a label of a metric, checked by the compiler (and at run time for untyped callers).
 * Queries and panels use this instead of spelling label names in strings.
 */
export function labelOf<M extends MetricDef, K extends LabelName<M>>(metric: M, label: K): K {
  if (!Object.hasOwn(metric.labels, label)) {
    throw new Error(`metric ${metric.name} has no label '${label}'`);
  }
  return label;
}
