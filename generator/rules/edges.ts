/**
 * Edge-case tests derived from an alert's comparison, its `for` and its scenario: the compared
 * quantity just above and at (or just below) the threshold, the alert pending just before its `for`
 * and firing just after, and, when the expression divides or aggregates, zero traffic, no series at
 * all and two instances of the job. Series are sampled at the configured scrape interval and the
 * rules evaluated at the configured evaluation interval, as in production.
 *
 * The generator cannot invert PromQL, so it only chooses values of the quantity; the scenario turns
 * a value into input series. It cannot compute when a windowed rate crosses the threshold either:
 * a counter's rate ramps up over its window while a ratio of two rates holds from the second sample.
 * So each case is asserted at a time when its outcome is certain whichever way the quantity ramps,
 * and the pending case only when such a time exists. A case asserts `count by (alertstate)` of the
 * alert's ALERTS series, which needs no annotations and counts the alerts per job or per instance.
 *
 * promtool evaluates every rule a test file loads at every evaluation step up to each case's time, so
 * a file's cost goes with its steps. Each edge file therefore runs at the coarsest step that proves
 * the same cases as the configured intervals (`edgeStep`): one that divides every alert's `for` in
 * five or more steps, keeps four samples in the shortest range window, and drops no case (a pending
 * case needs `for` minus one step to come after the condition surely holds).
 */
import { durationSeconds } from '../promql/duration.ts';
import { analyze } from '../promql/analyze.ts';
import { queryContextOf } from '../promql/model-context.ts';
import { seriesRangesOf } from '../promql/model-ranges.ts';
import { valueRanges, type Comparison, type Range } from '../promql/value-range.ts';
import type { Model, ModelAlert, ModelScenario, ModelSeriesInput } from '../model/types.ts';
import type { ScenarioTarget } from '../dsl/rules.ts';

/** How far "just above" and "just below" sit from the threshold, relative to it. */
const NEAR = 0.01;

export interface EdgeCase {
  readonly name: string;
  /** Seconds from the start of the series. */
  readonly at: number;
  readonly series: readonly ModelSeriesInput[];
  /** ALERTS series of the alert expected at `at`, by state: none for silent. */
  readonly expect: { readonly state: 'firing' | 'pending'; readonly count: number } | undefined;
}

/** What the generator reads from an alert to derive its cases. */
export interface EdgePlan {
  readonly quantity: { readonly text: string; readonly range: Range };
  readonly op: Comparison['op'];
  readonly threshold: number;
  /** The value the firing cases give the quantity, and the one the silent case gives it. */
  readonly fires: number;
  readonly silent: number;
  readonly forSeconds: number;
  /** Longest range window over counters, whose rates ramp up from the series' start. */
  readonly counterWindow: number;
  /** Whether any range window reads the series (a gauge's _over_time or deriv too). */
  readonly windowed: boolean;
  /** Shortest range window read, in seconds (Infinity when none): it bounds how sparse the series may be. */
  readonly shortestWindow: number;
  /** Whether a subquery is read: its resolution defaults to the evaluation interval, so the step stays as configured. */
  readonly subquery: boolean;
  /** How many recording rules deep the alert reads: each delays what it sees by an evaluation. */
  readonly recordingDepth: number;
  readonly divides: boolean;
  readonly aggregates: boolean;
  /** Whether the result keeps `instance`: undefined when the labels cannot be inferred. */
  readonly perInstance: boolean | undefined;
  /** absent()/absent_over_time(): the alert fires when the series are missing. */
  readonly absent: boolean;
}

export type EdgeVerdict =
  | { readonly kind: 'plan'; readonly plan: EdgePlan }
  | { readonly kind: 'none'; readonly reason: string }
  | { readonly kind: 'problem'; readonly message: string };

/**
 * The plan of an alert, or why it has none: the alert says why (noScenario), or its expression has
 * no comparison with a number, which a scenario needs.
 */
export function edgePlan(model: Model, alert: ModelAlert): EdgeVerdict {
  if (alert.scenario === undefined) {
    return alert.noScenario !== undefined
      ? { kind: 'none', reason: alert.noScenario }
      : { kind: 'problem', message: 'has no scenario, so no edge-case tests can be generated: give scenario: { target, series: (value, s) => [input(…)] } (the series at which the compared quantity is value), or noScenario: why (a heartbeat, an absent() alert)' };
  }
  const comparison = thresholdOf(model, alert);
  if (!comparison) return { kind: 'problem', message: 'has a scenario but no comparison with a number to derive edge cases from: compare the quantity with a threshold, or drop the scenario and give noScenario: why' };
  const { quantity, op, threshold } = comparison;
  const facts = readFacts(model, alert.expr);
  // Exact values only where no arithmetic over rates can round them across the threshold.
  const exact = facts.counterWindow === 0 && !facts.divides;
  const step = threshold === 0 ? NEAR : Math.abs(threshold) * NEAR;
  const near = (sign: 1 | -1) => round(threshold + sign * step);
  const values: Record<Comparison['op'], [number, number]> = {
    '>': [near(1), exact || threshold === 0 ? threshold : near(-1)],
    '>=': [exact ? threshold : near(1), near(-1)],
    '<': [near(-1), exact ? threshold : near(1)],
    '<=': [exact ? threshold : near(-1), near(1)],
    '==': [threshold, threshold + 1],
    '!=': [threshold + 1, threshold],
  };
  const [fires, silent] = values[op];
  return {
    kind: 'plan',
    plan: { quantity, op, threshold, fires, silent, forSeconds: durationSeconds(alert.for) ?? 0, ...facts },
  };
}

/** The alert's first comparison of a quantity with a number, the quantity on the left (`0.5 < x` is `x > 0.5`). */
export function thresholdOf(model: Model, alert: ModelAlert): { quantity: EdgePlan['quantity']; op: Comparison['op']; threshold: number } | undefined {
  const comparison = valueRanges(alert.expr, seriesRangesOf(model)).comparisons.find((c) => !c.bool && (constant(c.left.range) || constant(c.right.range)));
  if (!comparison) return undefined;
  const mirrored = constant(comparison.left.range) && !constant(comparison.right.range);
  return {
    quantity: mirrored ? comparison.right : comparison.left,
    op: mirrored ? MIRROR[comparison.op] : comparison.op,
    threshold: (mirrored ? comparison.left : comparison.right).range.lo,
  };
}

/** Whether the alert also fires when its series are missing: absent(), absent_over_time(), `unless on`, `or on(…)`. */
export function watchesAbsence(alert: ModelAlert): boolean {
  return /\babsent(_over_time)?\s*\(|\bunless\s+on\b|\bor\s+on\s*\(/.test(alert.expr);
}

/**
 * Whether the alert reads the application's own series (directly or through recording rules), and
 * whether its result keeps `instance` (undefined when the labels cannot be inferred).
 */
export function aggregationOf(model: Model, alert: ModelAlert): { readonly application: boolean; readonly perInstance: boolean | undefined } {
  const context = queryContextOf(model);
  const application = new Set(model.metrics.filter((metric) => metric.appOwned).map((metric) => metric.name));
  const recorded = new Map(model.rules.flatMap((file) => file.recording).map((rule) => [rule.record, rule.expr]));
  const seen = new Set<string>();
  const reads = (text: string): boolean => {
    if (seen.has(text)) return false;
    seen.add(text);
    return analyze(text, context).selectors.some((selector) => {
      const rule = recorded.get(selector.name);
      return rule !== undefined ? reads(rule) : application.has(selector.name.replace(/_(bucket|sum|count)$/, '')) || application.has(selector.name);
    });
  };
  const labels = analyze(alert.expr, context).labels;
  return { application: reads(alert.expr), perInstance: labels === undefined ? undefined : labels.has('instance') };
}

/** Why the quantity cannot take the value the firing cases need, or undefined when it can. */
export function cannotFire(plan: EdgePlan): string | undefined {
  const { lo, hi, why } = plan.quantity.range;
  if (!why || (plan.fires >= lo && plan.fires <= hi)) return undefined;
  const shown = plan.quantity.text.replace(/\s+/g, ' ');
  return `cannot fire: '${shown} ${plan.op} ${plan.threshold}' needs ${shown} = ${plan.fires}, but it is ${why} (${lo}–${hi === Infinity ? '∞' : hi}). Compare with a threshold the quantity can reach`;
}

/** The interval of an edge file's input series and its evaluation interval, in seconds. */
export interface EdgeStep {
  readonly scrape: number;
  readonly evaluation: number;
}

/** Coarser steps tried, in seconds; each is used only when a multiple of the configured one. */
const STEPS = [30, 60, 120, 300];
/** Samples the shortest range window keeps at the coarser series interval: a rate needs two, a trend more. */
const SAMPLES_PER_WINDOW = 4;
/** The series interval stays under Prometheus' 5-minute lookback, so an instant selector never loses a series between samples. */
const SPARSEST_SERIES = 60;
/**
 * Steps in the shortest `for`: the pending case, one step before `for`, then fails when `for` is cut
 * by a fifth or more (at the configured 15 s, a 1m `for` has only four).
 */
const STEPS_PER_FOR = 5;

/** The model's scrape and evaluation intervals: what production runs at. */
export function configuredStep(model: Model): EdgeStep {
  return { scrape: durationSeconds(model.config.prometheus.scrapeInterval) ?? 15, evaluation: durationSeconds(model.config.prometheus.evaluationInterval) ?? 15 };
}

/**
 * The coarsest step at which the edge cases of a file's alerts are the cases they are at the
 * configured intervals (same names, same outcomes): the evaluation interval divides every `for`, so
 * "just before for" is one step before it, and is at most a fifth of it; the series interval is no coarser than the evaluation
 * interval, keeps SAMPLES_PER_WINDOW samples in the shortest window, and stays under the lookback.
 */
export function edgeStep(model: Model, alerts: readonly { readonly scenario: ModelScenario; readonly plan: EdgePlan }[]): EdgeStep {
  const configured = configuredStep(model);
  if (alerts.some(({ plan }) => plan.subquery)) return configured;
  const shortest = Math.min(...alerts.map(({ plan }) => plan.shortestWindow));
  const shape = (step: EdgeStep) => alerts.map(({ scenario, plan }) => edgeCases(model, scenario, plan, step).map((c) => `${c.name}:${c.expect?.state}:${c.expect?.count}`).join('|')).join('\n');
  const wanted = shape(configured);
  const multiple = (seconds: number, of: number) => seconds % of === 0;
  for (const evaluation of [...STEPS].reverse()) {
    if (evaluation <= configured.evaluation || !multiple(evaluation, configured.evaluation)) continue;
    if (!alerts.every(({ plan }) => multiple(plan.forSeconds, evaluation) && (plan.forSeconds === 0 || plan.forSeconds >= STEPS_PER_FOR * evaluation))) continue;
    const scrapes = [...STEPS].reverse().filter((s) => multiple(s, configured.scrape) && s <= Math.min(evaluation, SPARSEST_SERIES, shortest / SAMPLES_PER_WINDOW));
    const step = { scrape: scrapes[0] ?? configured.scrape, evaluation };
    if (shape(step) === wanted) return step;
  }
  return configured;
}

/** The edge cases of a plan, at the model's scrape and evaluation intervals or at a coarser step (`edgeStep`). */
export function edgeCases(model: Model, scenario: ModelScenario, plan: EdgePlan, step: EdgeStep = configuredStep(model)): EdgeCase[] {
  const { scrape, evaluation } = step;
  const onEvaluation = (seconds: number) => Math.ceil(seconds / evaluation) * evaluation;
  // When the condition starts to hold in the firing cases: a gauge at the first evaluation; a rate
  // needs two samples, and a counter's rate ramps up over its window, so a threshold on it (or on a
  // traffic floor beside it) may only be crossed once the window is full. Each recording rule read
  // on the way adds an evaluation: the alert reads what the rule recorded one evaluation earlier.
  const earliest = 0;
  const latest = onEvaluation((plan.counterWindow > 0 ? plan.counterWindow : plan.windowed ? scrape : 0) + plan.recordingDepth * evaluation);
  // Fires just after `for` from the latest start; by then every window holds only the scenario's value.
  const at = onEvaluation(Math.max(latest + plan.forSeconds, plan.counterWindow + scrape));
  const samples = Math.ceil(at / scrape) + 1;
  const target = scenario.target;
  const second: ScenarioTarget = { ...target, instance: secondInstance(target.instance) };
  const series = (value: number, of: ScenarioTarget = target) => scenario.series(value, of, scrape, samples);
  const firing = (count: number) => ({ state: 'firing' as const, count });
  const cases: EdgeCase[] = [
    { name: `fires at ${plan.fires} (${plan.op} ${plan.threshold}) just after for`, at, series: series(plan.fires), expect: firing(1) },
    { name: `stays silent at ${plan.silent} (${plan.op} ${plan.threshold})`, at, series: series(plan.silent), expect: undefined },
  ];
  const pendingAt = earliest + plan.forSeconds - evaluation;
  if (plan.forSeconds > 0 && pendingAt >= latest) {
    cases.push({ name: `is pending just before for (${plan.forSeconds}s)`, at: pendingAt, series: series(plan.fires), expect: { state: 'pending', count: 1 } });
  }
  if (plan.divides || plan.aggregates) {
    if (scenario.idle) cases.push({ name: 'stays silent at zero traffic', at, series: scenario.idle(target, scrape, samples), expect: undefined });
    cases.push({ name: `${plan.absent ? 'fires' : 'stays silent'} with no series at all`, at, series: [], expect: plan.absent ? firing(1) : undefined });
    if (plan.perInstance === false) {
      // The other instance idle, or at 0 without an idle series: it neither masks the first nor adds
      // an alert of its own. But a ratio summed per job that alerts when high is diluted by a second
      // instance at 0 %, so there both instances cross and the job still fires once.
      const diluted = !scenario.idle && plan.divides && (plan.op === '>' || plan.op === '>=');
      const other = scenario.idle ? scenario.idle(second, scrape, samples) : series(diluted ? plan.fires : 0, second);
      const name = diluted ? 'fires once for the job when both of two instances cross the threshold' : 'fires once for the job when one of two instances crosses the threshold';
      cases.push({ name, at, series: [...series(plan.fires), ...other], expect: firing(1) });
    }
  }
  if (plan.perInstance === true) {
    cases.push({ name: 'fires for the one instance of two that crosses the threshold', at, series: [...series(plan.fires), ...series(plan.silent, second)], expect: firing(1) });
  }
  return cases;
}

/** Whether the edge-case rule readers need: windows, division, aggregation, result labels, absent(). */
function readFacts(model: Model, expr: string) {
  const context = queryContextOf(model);
  const recorded = new Map(model.rules.flatMap((file) => file.recording).map((rule) => [rule.record, rule.expr]));
  let counterWindow = 0;
  let windowed = false;
  let shortestWindow = Infinity;
  let subquery = false;
  let recordingDepth = 0;
  const seen = new Set<string>();
  // Windows inside the recording rules an alert reads count as the alert's own.
  const visit = (text: string, depth: number) => {
    recordingDepth = Math.max(recordingDepth, depth);
    if (seen.has(text)) return;
    seen.add(text);
    const analysis = analyze(text, context);
    const counters = analysis.rangeCalls.some((call) => call.argument.type === 'counter') || /\b(rate|irate|increase)\s*\(/.test(text);
    for (const window of analysis.windows) {
      windowed = true;
      if (window.kind === 'subquery') subquery = true;
      if (window.seconds !== undefined) shortestWindow = Math.min(shortestWindow, window.seconds);
      if (counters) counterWindow = Math.max(counterWindow, window.seconds ?? 0);
    }
    for (const selector of analysis.selectors) {
      const rule = recorded.get(selector.name);
      if (rule !== undefined) visit(rule, depth + 1);
    }
  };
  visit(expr, 0);
  const analysis = analyze(expr, context);
  return {
    counterWindow,
    windowed,
    shortestWindow,
    subquery,
    recordingDepth,
    divides: /[^/]\/[^/]/.test(expr) || /histogram_quantile|ratio/.test(expr),
    aggregates: analysis.groupings.length > 0 || /\b(sum|avg|min|max|count)\s*(by|without)?\s*\(/.test(expr),
    perInstance: analysis.labels === undefined ? undefined : analysis.labels.has('instance'),
    absent: /\babsent(_over_time)?\s*\(/.test(expr),
  };
}

const MIRROR = { '>': '<', '<': '>', '>=': '<=', '<=': '>=', '==': '==', '!=': '!=' } as const;

function constant(range: Range): boolean {
  return range.lo === range.hi && Number.isFinite(range.lo);
}

/** The second instance of a job: `api:9464` → `api-2:9464`. */
function secondInstance(instance: string): string {
  const colon = instance.lastIndexOf(':');
  return colon < 0 ? `${instance}-2` : `${instance.slice(0, colon)}-2${instance.slice(colon)}`;
}

/** Twelve significant digits: 0.05 * 1.01 is 0.0505, not 0.050500000000000003. */
function round(value: number): number {
  return Number(value.toPrecision(12));
}

/** `375` → `6m15s`, as promtool reads durations. */
export function durationText(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  return minutes === 0 ? `${rest}s` : rest === 0 ? `${minutes}m` : `${minutes}m${rest}s`;
}
