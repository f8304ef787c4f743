/**
 * What makes an SLO definition compilable (rule `slo-definitions`): an objective strictly between 0
 * and 1, windows no longer than the period, an SLI over counters (or a histogram, at one of its bucket
 * boundaries) with label values the catalogue declares. Each message names the cause and the fix;
 * the caller adds the SLO's file and name.
 */
import type { BurnWindowDef, EventsDef, SloDef } from '../dsl/slos.ts';
import { ALERTING_OPTIONS, BURN_WINDOW_OPTIONS, LATENCY_SLI_OPTIONS, RATIO_SLI_OPTIONS, SLO_OPTIONS } from '../dsl/slos.ts';
import { rememberedUnknownKeys, unknownKeyMessage, unknownKeys } from '../dsl/unknown-keys.ts';
import { durationSeconds } from '../promql/duration.ts';
import { formatNumber } from '../promql/query.ts';
import { indistinct } from './sli.ts';

export const SLO_RULE = 'slo-definitions';
export const SLO_SUMMARY = 'SLOs compile: objective strictly between 0 and 1, windows valid and within the period, an SLI over counters or a histogram at a bucket boundary, with catalogue label values.';
export const SLO_NAME = /^[a-z][a-z0-9_]*$/;

/** The problems of one SLO, as messages; none means it compiles. */
export function sloProblems(slo: SloDef): string[] {
  const problems: string[] = [];
  // A misspelt option would be dropped and its default used.
  for (const key of rememberedUnknownKeys(slo)) problems.push(unknownKeyMessage(key, SLO_OPTIONS, 'defineSlo()'));
  for (const key of rememberedUnknownKeys(slo.alerting)) problems.push(unknownKeyMessage(key, ALERTING_OPTIONS, 'alerting'));
  const sliOptions = slo.sli?.kind === 'latency' ? LATENCY_SLI_OPTIONS : RATIO_SLI_OPTIONS;
  for (const key of rememberedUnknownKeys(slo.sli)) problems.push(unknownKeyMessage(key, sliOptions, slo.sli?.kind === 'latency' ? 'latencySli()' : 'ratioSli()'));
  for (const field of ['title', 'service', 'team', 'description', 'whenExhausted'] as const) {
    if (typeof slo[field] !== 'string' || slo[field].trim() === '') problems.push(`${field} is empty: ${field === 'whenExhausted' ? 'say what the team does when the error budget runs out' : `give the SLO a ${field}`}`);
  }
  const objective = slo.objective;
  const objectiveOk = typeof objective === 'number' && objective > 0 && objective < 1;
  if (!objectiveOk) {
    problems.push(`objective ${JSON.stringify(objective)} must be a share strictly between 0 and 1, such as 0.999 (99.9 %): 1 leaves no error budget to alert on, 0 promises nothing`);
  }
  const period = durationSeconds(String(slo.period));
  if (period === undefined || period === 0) problems.push(`period '${slo.period}' is not a Prometheus duration such as 30d`);
  const budget = objectiveOk ? 1 - objective : undefined;
  const longWindows = Object.values(slo.alerting ?? {}).flatMap((windows) => (Array.isArray(windows) ? windows.map((w: BurnWindowDef) => String(w?.long)) : []));
  for (const long of new Set(longWindows.filter((long, i) => longWindows.indexOf(long) !== i))) {
    problems.push(`alerting: two window pairs share the long window ${long}; each alert is named after its long window (…BurnRate${long}), so give each pair its own`);
  }
  for (const [kind, windows] of Object.entries(slo.alerting ?? {}) as [string, readonly BurnWindowDef[]][]) {
    if (!Array.isArray(windows)) {
      problems.push(`alerting.${kind} must be a list of { factor, long, short, for }`);
      continue;
    }
    for (const window of windows) problems.push(...windowProblems(`alerting.${kind} ${window?.long ?? '?'}/${window?.short ?? '?'}`, window, period, budget));
  }
  if (typeof slo.minEvents !== 'number' || !Number.isInteger(slo.minEvents) || slo.minEvents < 0) {
    problems.push(`minEvents ${JSON.stringify(slo.minEvents)} must be a whole number of events, 0 or more (0 turns the low-traffic guard off)`);
  }
  problems.push(...sliProblems(slo));
  return problems;
}

function windowProblems(where: string, window: BurnWindowDef, period: number | undefined, budget: number | undefined): string[] {
  const problems = unknownKeys(window, BURN_WINDOW_OPTIONS).map((key) => `${where}: ${unknownKeyMessage(key, BURN_WINDOW_OPTIONS, 'the burn window')}`);
  const long = durationSeconds(String(window?.long));
  const short = durationSeconds(String(window?.short));
  if (long === undefined || long === 0) problems.push(`${where}: long window '${window?.long}' is not a Prometheus duration such as 1h`);
  if (short === undefined || short === 0) problems.push(`${where}: short window '${window?.short}' is not a Prometheus duration such as 5m`);
  if (durationSeconds(String(window?.for)) === undefined) problems.push(`${where}: for '${window?.for}' is not a Prometheus duration such as 2m`);
  if (long !== undefined && short !== undefined && short >= long) problems.push(`${where}: the short window must be shorter than the long one (the workbook uses 1/12 of it)`);
  if (long !== undefined && period !== undefined && long > period) {
    problems.push(`${where}: the long window ${window.long} is longer than the period: a burn is measured within the budget's period; shorten the window or lengthen the period`);
  }
  const factor = window?.factor;
  if (typeof factor !== 'number' || !(factor > 0)) problems.push(`${where}: factor ${JSON.stringify(factor)} must be a burn rate above 0, such as 14.4`);
  else if (budget !== undefined && factor * budget >= 1) {
    problems.push(
      `${where}: a burn rate of ${factor}× an error budget of ${formatNumber(budget)} is an error ratio of ${formatNumber(factor * budget)}, which can never be exceeded, so the alert never fires; lower the factor below ${formatNumber(1 / budget)} or raise the objective`,
    );
  }
  return problems;
}

function sliProblems(slo: SloDef): string[] {
  const sli = slo.sli as SloDef['sli'] | undefined;
  if (sli?.kind === 'latency') {
    const metric = sli.histogram;
    if (metric?.kind !== 'metric') return ['sli: latencySli() needs the histogram of a catalogue metric'];
    if (metric.type !== 'histogram') return [`sli: latencySli() reads ${metric.name}, a ${metric.type}; a latency SLI counts observations under a bucket boundary, so it needs a histogram`];
    const problems = selectorProblems('sli.selector', metric.name, metric.labels, sli.selector);
    const buckets = metric.buckets ?? [];
    if (typeof sli.threshold !== 'number') {
      problems.push(`sli: threshold ${JSON.stringify(sli.threshold)} must be a number, one of the bucket boundaries of ${metric.name} (${buckets.join(', ')})`);
    } else if (!buckets.includes(sli.threshold)) {
      const below = [...buckets].filter((b) => b < sli.threshold).pop();
      const above = buckets.find((b) => b > sli.threshold);
      const nearest = [below, above].filter((b) => b !== undefined).join(' and ');
      problems.push(
        `sli: threshold ${JSON.stringify(sli.threshold)} is not a bucket boundary of ${metric.name} (nearest: ${nearest || 'none'}); between boundaries the share of fast requests is only an interpolation, so use a boundary or add one to the histogram's buckets`,
      );
    }
    return problems;
  }
  if (sli?.kind !== 'ratio') return ['sli must be ratioSli({ total, bad }) / ratioSli({ total, good }) or latencySli({ histogram, threshold })'];
  const problems: string[] = [];
  if (sli.bad !== undefined && sli.good !== undefined) problems.push('sli: give ratioSli() either bad or good events, not both');
  if (sli.bad === undefined && sli.good === undefined) problems.push('sli: ratioSli() needs bad or good events beside the total');
  for (const [role, events] of [['total', sli.total], ['bad', sli.bad], ['good', sli.good]] as const) {
    if (events === undefined && role !== 'total') continue;
    problems.push(...eventsProblems(`sli.${role}`, events));
  }
  if (problems.length === 0) {
    const why = indistinct(sli);
    if (why) problems.push(`sli: ${why}`);
  }
  return problems;
}

function eventsProblems(where: string, events: EventsDef | undefined): string[] {
  if (events?.kind !== 'events' || events.metric?.kind !== 'metric') return [`${where} must be events(metric, { label: value })`];
  const metric = events.metric;
  if (metric.type !== 'counter') {
    return [`${where}: ${metric.name} is a ${metric.type}; a ratio SLI counts events, and only a counter's increase over a window is a count of events, so use a counter`];
  }
  return selectorProblems(where, metric.name, metric.labels, events.selector);
}

function selectorProblems(where: string, metric: string, labels: Readonly<Record<string, unknown>>, selector: unknown): string[] {
  if (typeof selector !== 'object' || selector === null || Array.isArray(selector)) return [`${where}: the selector must be an object of label to value(s)`];
  const problems: string[] = [];
  for (const [label, value] of Object.entries(selector)) {
    if (!Object.hasOwn(labels, label)) {
      problems.push(`${where}: ${metric} has no label '${label}' (its labels: ${Object.keys(labels).join(', ') || 'none'})`);
      continue;
    }
    const values = typeof value === 'string' ? [value] : Array.isArray(value) ? (value as unknown[]) : undefined;
    if (!values || values.length === 0 || values.some((v) => typeof v !== 'string')) {
      problems.push(`${where}: label '${label}' takes a value or a non-empty list of values`);
      continue;
    }
    const declared = labels[label];
    if (Array.isArray(declared)) {
      for (const v of values) if (!declared.includes(v)) problems.push(`${where}: '${String(v)}' is not a value of ${metric}'s label '${label}' (declared: ${declared.join(', ')})`);
    }
  }
  return problems;
}
