/**
 * Service level objectives: an SLI over catalogue metrics and an objective over a period. `defineSlo()`
 * only captures the definition; `slo/compile.ts` turns it into recording rules, burn-rate alerts with
 * their promtool tests and dashboard panels, which then flow through the same checks and renderers
 * as hand-written ones.
 *
 *   defineSlo({ name: 'http_availability', objective: 0.999,
 *     sli: ratioSli({ bad: events(requests, { status_code: ['500', '502'] }), total: events(requests) }), … })
 */
import type { LabelName, LabelValue, MetricDef } from './metrics.ts';
import { required } from './missing.ts';
import { rememberUnknownKeys } from './unknown-keys.ts';

/** Some of a metric's labels, each with one allowed value or a list of them (matched as alternatives). */
export type LabelSelector<M> = { readonly [K in LabelName<M>]?: LabelValue<M, K> | readonly LabelValue<M, K>[] };

/** Samples of one catalogue counter, narrowed by typed label values. */
export interface EventsDef {
  readonly kind: 'events';
  readonly metric: MetricDef;
  readonly selector: Readonly<Record<string, string | readonly string[]>>;
}

/** Events of a counter: `events(http.metrics.requests, { status_code: ['500', '503'] })`. */
export function events<M extends MetricDef>(metric: M, selector: LabelSelector<M> = {}): EventsDef {
  return Object.freeze({ kind: 'events' as const, metric: required(metric, 'the metric of events()'), selector: selector as EventsDef['selector'] });
}

/** Share of events that are bad (`bad` / `total`) or, given `good`, not good. */
export interface RatioSliDef {
  readonly kind: 'ratio';
  readonly total: EventsDef;
  readonly bad: EventsDef | undefined;
  readonly good: EventsDef | undefined;
}

export function ratioSli(sli: { total: EventsDef; bad: EventsDef; good?: never } | { total: EventsDef; good: EventsDef; bad?: never }): RatioSliDef {
  return rememberUnknownKeys(Object.freeze({ kind: 'ratio' as const, total: sli.total, bad: sli.bad, good: sli.good }), sli, RATIO_SLI_OPTIONS);
}

/** Share of a histogram's observations at most `threshold` (one of its bucket boundaries). */
export interface LatencySliDef {
  readonly kind: 'latency';
  readonly histogram: MetricDef;
  readonly threshold: number;
  readonly selector: Readonly<Record<string, string | readonly string[]>>;
}

export function latencySli<M extends MetricDef>(sli: { histogram: M; threshold: number; selector?: LabelSelector<M> }): LatencySliDef {
  const definition = { kind: 'latency' as const, histogram: required(sli.histogram, 'the histogram of latencySli()'), threshold: sli.threshold, selector: (sli.selector ?? {}) as LatencySliDef['selector'] };
  return rememberUnknownKeys(Object.freeze(definition), sli, LATENCY_SLI_OPTIONS);
}

export type SliDef = RatioSliDef | LatencySliDef;

/**
 * One multiwindow burn-rate alert: it fires when the error ratio over both the long and the short
 * window exceeds `factor` × the error budget (SRE workbook, "Alerting on SLOs", recipe 6).
 */
export interface BurnWindowDef {
  readonly factor: number;
  readonly long: string;
  readonly short: string;
  /** How long both windows must burn before the alert fires. */
  readonly for: string;
}

/** The SRE workbook's pairs: 2 % of a 30-day budget in 1 h, 5 % in 6 h (page); 10 % in 1 d, 10 % in 3 d (ticket). */
export const DEFAULT_BURN_ALERTS = {
  page: [
    { factor: 14.4, long: '1h', short: '5m', for: '2m' },
    { factor: 6, long: '6h', short: '30m', for: '15m' },
  ],
  ticket: [
    { factor: 3, long: '1d', short: '2h', for: '30m' },
    { factor: 1, long: '3d', short: '6h', for: '1h' },
  ],
} as const satisfies Record<'page' | 'ticket', readonly BurnWindowDef[]>;

export interface SloDef {
  readonly kind: 'slo';
  /** snake_case; names the generated rules, alerts (PascalCase) and the rule file `slo_<name>`. */
  readonly name: string;
  readonly title: string;
  /** The service the SLO is about, and the team its alerts go to. */
  readonly service: string;
  readonly team: string;
  readonly description: string;
  readonly sli: SliDef;
  /** Share of good events, strictly between 0 and 1: 0.999. */
  readonly objective: number;
  /** The window the objective holds over (the error budget's period). */
  readonly period: string;
  /** Burn-rate alerts: page (critical) and ticket (warning). */
  readonly alerting: { readonly page: readonly BurnWindowDef[]; readonly ticket: readonly BurnWindowDef[] };
  /** Fewer events than this in an alert's long window is not a burn (low-traffic guard). */
  readonly minEvents: number;
  /** What to do when the error budget runs out, shown in docs/slos.md and the runbooks. */
  readonly whenExhausted: string;
}

type SloInput = Omit<SloDef, 'kind' | 'period' | 'alerting' | 'minEvents'> & {
  period?: string;
  alerting?: Partial<SloDef['alerting']>;
  minEvents?: number;
};

export const SLO_OPTIONS = Object.keys({
  name: true, title: true, service: true, team: true, description: true, sli: true, objective: true, period: true, alerting: true, minEvents: true, whenExhausted: true,
} satisfies Record<keyof SloInput, true>);

export const ALERTING_OPTIONS = ['page', 'ticket'];
export const RATIO_SLI_OPTIONS = ['total', 'bad', 'good'];
export const LATENCY_SLI_OPTIONS = ['histogram', 'threshold', 'selector'];
export const BURN_WINDOW_OPTIONS = Object.keys({ factor: true, long: true, short: true, for: true } satisfies Record<keyof BurnWindowDef, true>);

export const DEFAULT_PERIOD = '30d';
export const DEFAULT_MIN_EVENTS = 10;

export function defineSlo(slo: SloInput): SloDef {
  const definition: SloDef = Object.freeze({
    kind: 'slo' as const,
    ...slo,
    period: slo.period ?? DEFAULT_PERIOD,
    alerting: rememberUnknownKeys({ page: slo.alerting?.page ?? DEFAULT_BURN_ALERTS.page, ticket: slo.alerting?.ticket ?? DEFAULT_BURN_ALERTS.ticket }, slo.alerting, ALERTING_OPTIONS),
    minEvents: slo.minEvents ?? DEFAULT_MIN_EVENTS,
  });
  return rememberUnknownKeys(definition, slo, SLO_OPTIONS);
}
