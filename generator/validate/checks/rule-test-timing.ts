import { parsePromql } from '../../promql/parse.ts';
import { TEST_INTERVAL } from '../../dsl/rules.ts';
import type { Model, ModelAlert, ModelAlertTest, ModelSeriesInput } from '../../model/types.ts';
import type { Problem } from '../../problems.ts';
import { durationSeconds } from '../../promql/duration.ts';
import type { Check } from '../check.ts';
import { alertProblem, allAlerts, allRecordings, recordingProblem } from '../rule-problem.ts';
import { readSeriesValues } from '../test-series.ts';

/** Functions whose value needs two samples in their window: nothing before the second sample. */
const TWO_SAMPLE_FUNCTIONS = new Set(['rate', 'irate', 'increase', 'delta', 'idelta', 'deriv', 'predict_linear', 'holt_winters']);
/** Alerts on absence are tested with series that stop on purpose. */
const ABSENCE_FUNCTIONS = new Set(['absent', 'absent_over_time']);
const STEP = durationSeconds(TEST_INTERVAL)!;

export const ruleTestTimingCheck: Check = {
  id: 'rule-test-timing',
  summary:
    "Rule tests can prove what they claim: input series are in promtool's notation and last until the evaluation time; a firing test evaluates no earlier than the alert's `for` after the expression can first hold; a pending test is for an alert with a `for`, evaluated once the expression can hold and before the same input fires.",
  fix: "Evaluate a firing test at least the alert's for after the condition first holds, a pending test inside the for, and make the input series (in promtool's notation, such as 0+60x20) last until the evaluation time.",
  run(model) {
    const problems: Problem[] = [];
    const earliest = earliestValue(model);
    for (const alert of allAlerts(model.rules)) {
      const report = (message: string) => problems.push(alertProblem(alert, this.id, message));
      const absence = functionsOf(alert.expr).some((fn) => ABSENCE_FUNCTIONS.has(fn));
      const forSeconds = durationSeconds(alert.for);
      const timing = forSeconds === undefined ? undefined : { alert, first: earliest(alert.expr), forSeconds };
      for (const test of alert.tests) {
        const at = durationSeconds(test.at);
        if (at === undefined) continue; // rule-tests reports it
        const where = `test '${test.name}' (${test.kind}, at ${test.at})`;
        const seriesProblem = checkSeries(test.series, at, absence);
        if (seriesProblem) report(`${where}: ${seriesProblem}`);
        const timingProblem = !timing ? undefined : test.kind === 'fires' ? firingTooEarly(at, timing) : test.kind === 'pending' ? notPending(test, at, timing) : undefined;
        if (timingProblem) report(`${where}${timingProblem}`);
      }
    }
    for (const rule of allRecordings(model.rules)) {
      for (const test of rule.tests) {
        const at = durationSeconds(test.at);
        if (at === undefined) continue;
        const seriesProblem = checkSeries(test.series, at, false);
        if (seriesProblem) problems.push(recordingProblem(rule, this.id, `test '${test.name}' (at ${test.at}): ${seriesProblem}`));
      }
    }
    return problems;
  },
};

interface Timing {
  readonly alert: ModelAlert;
  /** Seconds before the expression can have a value. */
  readonly first: number;
  readonly forSeconds: number;
}

/** An alert fires once its expression has held for its `for`: not before. */
function firingTooEarly(at: number, { alert, first, forSeconds }: Timing): string | undefined {
  const firesFrom = first + forSeconds;
  if (at >= firesFrom) return undefined;
  const why = first > 0 ? `the expression has no value before ${show(first)} (it needs two samples) and must then hold for ${alert.for}` : `it must hold for ${alert.for} first`;
  return ` can never fire: ${why}, so the earliest it fires is ${show(firesFrom)}; evaluate at ${show(firesFrom)} or later`;
}

/** A pending test needs a `for`, an expression that already has a value, and an input that has not fired yet. */
function notPending(test: ModelAlertTest, at: number, { alert, first, forSeconds }: Timing): string | undefined {
  const firesFrom = first + forSeconds;
  if (forSeconds === 0) return ': an alert without a for fires at once and is never pending; remove the test or give the alert a for';
  if (at < first) {
    return ` tests nothing: the expression has no value before ${show(first)} (it needs two samples), so nothing can be pending; evaluate between ${show(first)} and ${show(firesFrom)}`;
  }
  const firing = alert.tests.find((other) => {
    const firesAt = durationSeconds(other.at);
    return other.kind === 'fires' && firesAt !== undefined && firesAt >= firesFrom && firesAt <= at && sameSeries(other.series, test.series);
  });
  if (!firing) return undefined;
  return ` reads the same series as the firing test '${firing.name}' (at ${firing.at}), so at ${test.at} the alert is already firing; evaluate it before ${firing.at}, inside the for (${alert.for})`;
}

function sameSeries(a: readonly ModelSeriesInput[], b: readonly ModelSeriesInput[]): boolean {
  const key = (list: readonly ModelSeriesInput[]) => list.map((input) => `${input.series} ${input.values}`).sort().join('\n');
  return key(a) === key(b);
}

/** Refuses values promtool cannot read, and tests whose every series ends before the evaluation. */
function checkSeries(series: readonly ModelSeriesInput[], at: number, absence: boolean): string | undefined {
  let last = -1;
  for (const input of series) {
    const read = readSeriesValues(input.values);
    if ('error' in read) return `series ${input.series}: ${read.error}`;
    if (read.lastSample === undefined) return undefined;
    last = Math.max(last, read.lastSample);
  }
  if (series.length === 0 || absence) return undefined;
  if (last * STEP < at) {
    const end = last < 0 ? 'have no samples' : `end at ${show(last * STEP)}`;
    return `its input series ${end}, before the evaluation at ${show(at)}: it would judge stale or missing data. Lengthen the series (one value a minute: 0+60x${Math.ceil(at / STEP)} runs to ${show(Math.ceil(at / STEP) * STEP)})`;
  }
  return undefined;
}

/** Seconds from the start of a test before an expression can have a value, following the recording rules it reads. */
function earliestValue(model: Model): (expr: string) => number {
  const rules = new Map(allRecordings(model.rules).map((rule) => [rule.record, rule.expr]));
  const seen = new Map<string, number>();
  const earliest = (expr: string, depth = 0): number => {
    const known = seen.get(expr);
    if (known !== undefined) return known;
    let value = functionsOf(expr).some((fn) => TWO_SAMPLE_FUNCTIONS.has(fn)) ? STEP : 0;
    for (const name of selectorNames(expr)) {
      const rule = rules.get(name);
      if (rule !== undefined && depth < 10) value = Math.max(value, earliest(rule, depth + 1));
    }
    seen.set(expr, value);
    return value;
  };
  return (expr) => earliest(expr);
}

function functionsOf(expr: string): string[] {
  const names: string[] = [];
  parsePromql(expr).iterate({
    enter(node) {
      if (node.name === 'FunctionIdentifier') names.push(expr.slice(node.from, node.to));
    },
  });
  return names;
}

function selectorNames(expr: string): string[] {
  const names: string[] = [];
  parsePromql(expr).iterate({
    enter(node) {
      if (node.name === 'VectorSelector') {
        const identifier = node.node.getChild('Identifier');
        if (identifier) names.push(expr.slice(identifier.from, identifier.to));
      }
    },
  });
  return names;
}

function show(seconds: number): string {
  return seconds % 60 === 0 ? `${seconds / 60}m` : `${seconds}s`;
}
