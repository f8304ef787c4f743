/**
 * Recording rules and alerts, each carrying the tests that prove it with promtool. An alert without
 * a firing test, a silent test and (when it has a `for`) a pending test is refused by validation.
 */
import type { LabelSet, MetricDef } from './metrics.ts';
import { required } from './missing.ts';
import { rememberUnknownKeys } from './unknown-keys.ts';
import type { RecordingRef, Query, SeriesRef } from '../promql/query.ts';

export const SEVERITIES = ['critical', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

type TargetLabels = { readonly job?: string; readonly instance?: string };
type Labels = Readonly<Record<string, string>>;

/** Input series in promtool tests are one sample per minute, from time 0; rules are evaluated as often. */
export const TEST_INTERVAL = '1m';

/** One input series of a promtool test, in promtool's expanding notation (`0+60x20`). */
export interface SeriesInput {
  readonly target: MetricDef | SeriesRef | RecordingRef;
  readonly labels: Labels;
  readonly values: string;
}

/** An input series of a metric; its labels are checked against the metric's by the compiler. */
export function input<M extends MetricDef>(metric: M, labels: Partial<LabelSet<M>> & TargetLabels, values: string): SeriesInput;
/** An input series of a histogram's _bucket/_sum/_count (with `le` for buckets) or of a recording rule. */
export function input(target: SeriesRef | RecordingRef, labels: Labels, values: string): SeriesInput;
export function input(target: MetricDef | SeriesRef | RecordingRef, labels: object, values: string): SeriesInput {
  return { target: required(target, 'the metric of input()'), labels: labels as Labels, values };
}

/** `name{label="value", …}` with values escaped as the text format and promtool expect. */
export function formatSeries(name: string, labels: Labels): string {
  const pairs = Object.entries(labels).map(
    ([label, value]) => `${label}="${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`,
  );
  return `${name}{${pairs.join(', ')}}`;
}

export interface ExpectedAlert {
  /** Labels of the firing alert besides alertname and severity (which are added). */
  readonly labels: Labels;
  readonly summary: string;
  readonly description: string;
}

export interface AlertTest {
  readonly kind: 'fires' | 'silent' | 'pending';
  readonly name: string;
  /** Evaluation time, from the start of the input series. */
  readonly at: string;
  readonly series: readonly SeriesInput[];
  readonly alerts: readonly ExpectedAlert[];
}

interface TestInput {
  at: string;
  series: readonly SeriesInput[];
}

/** The alert fires at `at` with exactly these alerts. */
/** Every option a test function reads. */
export const TEST_OPTIONS = ['at', 'series', 'alerts', 'samples'];

export function fires(name: string, test: TestInput & { alerts: readonly ExpectedAlert[] }): AlertTest {
  return rememberUnknownKeys({ kind: 'fires', name, at: test.at, series: test.series, alerts: test.alerts }, test, TEST_OPTIONS);
}
/** Nothing fires: the condition does not hold (for example, just under the threshold). */
export function silent(name: string, test: TestInput): AlertTest {
  return rememberUnknownKeys({ kind: 'silent', name, at: test.at, series: test.series, alerts: [] }, test, TEST_OPTIONS);
}
/** Nothing fires yet: the condition holds, but for less than the alert's `for`. */
export function pending(name: string, test: TestInput): AlertTest {
  return rememberUnknownKeys({ kind: 'pending', name, at: test.at, series: test.series, alerts: [] }, test, TEST_OPTIONS);
}

export interface ExprTest {
  readonly name: string;
  readonly at: string;
  readonly series: readonly SeriesInput[];
  readonly samples: readonly { readonly labels: Labels; readonly value: number }[];
}

export function evaluates(name: string, test: TestInput & { samples: ExprTest['samples'] }): ExprTest {
  return rememberUnknownKeys({ name, at: test.at, series: test.series, samples: test.samples }, test, TEST_OPTIONS);
}

export interface RecordingRuleDef extends RecordingRef {
  readonly kind: 'recording';
  /** `level:metric:operations`, the metric part without the namespace (it is added). */
  readonly record: string;
  readonly expr: Query;
  readonly tests: readonly ExprTest[];
  /**
   * Why the rule exists when no alert, recording rule, panel or variable of the project reads it:
   * who reads it outside (a federating Prometheus, a remote-write receiver, a documented query).
   * Check `recording-rules-read`.
   */
  readonly exported?: string;
}

/** Every option recordingRule() reads. */
export const RECORDING_OPTIONS = ['record', 'expr', 'tests', 'exported'];

type RecordingRuleInput = { record: string; expr: Query; tests: readonly ExprTest[]; exported?: string };

export function recordingRule(rule: RecordingRuleInput): RecordingRuleDef {
  return rememberUnknownKeys(defineRecordingRule(rule), rule, RECORDING_OPTIONS);
}

function defineRecordingRule(rule: RecordingRuleInput): RecordingRuleDef {
  return Object.freeze({
    kind: 'recording' as const,
    record: rule.record,
    expr: rule.expr,
    tests: rule.tests,
    ...(rule.exported !== undefined ? { exported: rule.exported } : {}),
  });
}

/** `job:http_requests:rate5m` → `job:<namespace>_http_requests:rate5m`: recording rules are this project's series. */
export function qualifyRecord(record: string, namespace: string): string {
  const parts = record.split(':');
  if (parts.length !== 3) return record;
  return `${parts[0]}:${namespace}_${parts[1]}:${parts[2]}`;
}

export interface Runbook {
  /** What the alert means, in one or two sentences. */
  readonly meaning: string;
  readonly causes: readonly string[];
  readonly checks: readonly string[];
  /** What to do about it, in order: the steps that end the alert (the alert-runbooks check requires them). */
  readonly fix?: readonly string[];
  /** Who to call, and when, if the steps do not end it (the alert-runbooks check requires it). */
  readonly escalation?: string;
  /** The query to run first, shown in the runbook (an Explore link in Grafana). */
  readonly query?: Query;
  /** The dashboard panel that shows the quantity; checked to exist, linked from the runbook. */
  readonly panel?: PanelRef;
}

/** A panel of a dashboard in dashboards/: the dashboard's `name` and the panel's title. */
export interface PanelRef {
  readonly dashboard: string;
  readonly panel: string;
}

/** The target of a scenario: the job and instance Prometheus attaches to every series it scrapes. */
export interface ScenarioTarget {
  readonly job: string;
  readonly instance: string;
}

/** What a scenario's functions are given: the target, and series notation at the scrape interval. */
export interface ScenarioContext {
  readonly target: ScenarioTarget;
  /** A gauge holding `value` at every scrape. */
  gauge(value: number): string;
  /** A counter growing by `perSecond` per second, from 0, sampled every scrape. */
  counter(perSecond: number): string;
}

/**
 * How to make the alert's compared quantity (the left side of its comparison) take a value: the
 * generator derives edge-case tests from it (just above and at the threshold, just before and after
 * `for`, zero traffic, no series, two instances) at the configured scrape interval.
 */
export interface Scenario {
  /** The target of the generated tests; a second instance of its job tests per-job aggregation. */
  readonly target: ScenarioTarget;
  /** The input series of one target at which the compared quantity is `value`. */
  readonly series: (value: number, context: ScenarioContext) => readonly SeriesInput[];
  /** The input series of one target with no traffic (counters flat): needed when the expression divides. */
  readonly idle?: (context: ScenarioContext) => readonly SeriesInput[];
}

export interface AlertDef {
  readonly kind: 'alert';
  readonly name: string;
  readonly severity: Severity;
  readonly expr: Query;
  readonly for: string;
  /** Extra static labels; severity is set from `severity`. */
  readonly labels: Labels;
  /** Go templates, rendered by Prometheus: `{{ $labels.job }}`, `{{ $value | humanizePercentage }}`. */
  readonly summary: string;
  readonly description: string;
  readonly runbook: Runbook;
  readonly tests: readonly AlertTest[];
  /**
   * Alerts of the same or a lower severity this one makes redundant: Alertmanager silences them
   * while this one fires, where both carry the same values of the labels they share (check alert-supersedes).
   */
  readonly supersedes: readonly string[];
  /** What users feel, or the data lost, when this fires: every critical alert states it (it pages someone). */
  readonly impact?: string;
  /** How to make the compared quantity take a value, for the generated edge-case tests. */
  readonly scenario?: Scenario;
  /** Why the alert has no scenario (a heartbeat, an absent() alert): the generator then adds no edge cases. */
  readonly noScenario?: string;
  /**
   * Why the alert needs no absent() pairing although it fires on a low value (which a vanished
   * series never has): another alert covers the missing series, say which.
   */
  readonly blindSpot?: string;
  /**
   * Why the alert fires per instance although the application runs replicas (a resource each process
   * has its own of, such as its connection pool): otherwise one replica's trouble pages while the others serve.
   */
  readonly perInstance?: string;
}

export function alert(definition: Omit<AlertDef, 'kind' | 'labels' | 'supersedes'> & { labels?: Labels; supersedes?: readonly string[] }): AlertDef {
  return Object.freeze({ kind: 'alert' as const, labels: {}, supersedes: [], ...definition });
}
/** Every key of an alert definition and of its runbook; the compiler keeps the lists complete. */
export const ALERT_KEYS = Object.keys({
  kind: true, name: true, severity: true, expr: true, for: true, labels: true, summary: true, description: true, runbook: true, tests: true, supersedes: true,
  impact: true, scenario: true, noScenario: true, blindSpot: true, perInstance: true,
} satisfies Record<keyof AlertDef, true>);
export const RUNBOOK_KEYS = Object.keys({
  meaning: true, causes: true, checks: true, fix: true, escalation: true, query: true, panel: true,
} satisfies Record<keyof Runbook, true>);

export interface RulesDef {
  readonly kind: 'rules';
  /** snake_case; names the generated `<name>.rules.yml` and `<name>.test.yml`. */
  readonly name: string;
  readonly title: string;
  readonly recording: readonly RecordingRuleDef[];
  readonly alerts: readonly AlertDef[];
}

export function defineRules(rules: Omit<RulesDef, 'kind' | 'recording' | 'alerts'> & Partial<Pick<RulesDef, 'recording' | 'alerts'>>): RulesDef {
  return Object.freeze({ kind: 'rules' as const, recording: [], alerts: [], ...rules });
}
export const RULES_KEYS = Object.keys({ kind: true, name: true, title: true, recording: true, alerts: true } satisfies Record<keyof RulesDef, true>);
