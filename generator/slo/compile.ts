/**
 * Compiles an SLO into the shapes hand-written definitions have: a `defineRules()` file (error-ratio
 * recording rules per window, the budget remaining, one multiwindow burn-rate alert per window pair,
 * each with promtool tests derived from the objective) and dashboard rows. From there they flow
 * where rules flow: the model builders, every check, the rule and test files, PrometheusRule
 * objects, alerts.md.
 */
import type { BurnWindowDef, SloDef } from '../dsl/slos.ts';
import { alert, defineRules, evaluates, fires, pending, recordingRule, silent, type AlertDef, type RecordingRuleDef, type RulesDef } from '../dsl/rules.ts';
import { durationSeconds } from '../promql/duration.ts';
import { formatNumber, promql } from '../promql/query.ts';
import { dashboardUid, dashboardUrl } from '../model/dashboards.ts';
import { errorRatio, eventCount, seriesAt } from './sli.ts';

export interface CompiledAlert {
  readonly name: string;
  readonly severity: 'critical' | 'warning';
  readonly window: BurnWindowDef;
}

export interface CompiledSlo {
  readonly slo: SloDef;
  readonly budget: number;
  readonly rules: RulesDef;
  /** Error ratio per window, by window. */
  readonly ratios: ReadonlyMap<string, RecordingRuleDef>;
  readonly remaining: RecordingRuleDef;
  readonly alerts: readonly CompiledAlert[];
}

/** The SLO dashboard's definition name (its uid is `<namespace>-slos`). */
export const SLO_DASHBOARD = 'slos';

/** Events a minute in generated tests, unless the low-traffic guard asks for more; the ratio does not depend on it. */
const EVENTS_PER_MINUTE = 1000;
/** "Just above" and "just below" a burn threshold, as a share of it. */
const MARGIN = 0.01;

/** 1 − objective, as an SRE writes it (0.001, not 0.0010000000000000009). */
export const budgetOf = (objective: number): number => Number(formatNumber(1 - objective));

export const pascal = (name: string): string => name.split('_').map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join('');

export const ratioRecord = (slo: SloDef, window: string): string => `:slo_${slo.name}_errors:ratio_rate${window}`;

/** `namespace` places the SLO dashboard the runbooks link to. */
export function compileSlo(slo: SloDef, namespace: string): CompiledSlo {
  const budget = budgetOf(slo.objective);
  const windows = [...new Set([...slo.alerting.page, ...slo.alerting.ticket].flatMap((w) => [w.short, w.long]).concat(slo.period))].sort((a, b) => durationSeconds(a)! - durationSeconds(b)!);
  const ratios = new Map(windows.map((window) => [window, ratioRule(slo, window)]));
  const remaining = remainingRule(slo, budget, ratios.get(slo.period)!);
  const compiled = [
    ...slo.alerting.page.map((window) => ({ name: alertName(slo, window), severity: 'critical' as const, window })),
    ...slo.alerting.ticket.map((window) => ({ name: alertName(slo, window), severity: 'warning' as const, window })),
  ];
  const dashboard = dashboardUrl(dashboardUid(namespace, SLO_DASHBOARD));
  const alerts = compiled.map(({ name, severity, window }) => burnAlert(slo, budget, name, severity, window, ratios, dashboard));
  const rules = defineRules({ name: `slo_${slo.name}`, title: `SLO: ${slo.title}`, recording: [...ratios.values(), remaining], alerts });
  return { slo, budget, rules, ratios, remaining, alerts: compiled };
}

/** `HttpAvailabilityBurnRate1h`: the SLO, then the long window that tells the alerts apart. */
function alertName(slo: SloDef, window: BurnWindowDef): string {
  return `${pascal(slo.name)}BurnRate${window.long}`;
}

function ratioRule(slo: SloDef, window: string): RecordingRuleDef {
  return recordingRule({
    record: ratioRecord(slo, window),
    expr: errorRatio(slo.sli, window),
    tests: [
      // Half the events bad: x / 2x is exact in floating point, so promtool's exact comparison holds.
      evaluates('is the share of bad events', { at: '10m', series: seriesAt(slo.sli, 0.5, 2, 20), samples: [{ labels: {}, value: 0.5 }] }),
      evaluates('is zero, not empty, when every event is good', { at: '10m', series: seriesAt(slo.sli, 0, 2, 20), samples: [{ labels: {}, value: 0 }] }),
    ],
  });
}

function remainingRule(slo: SloDef, budget: number, periodRatio: RecordingRuleDef): RecordingRuleDef {
  return recordingRule({
    record: `:slo_${slo.name}_error_budget:remaining${slo.period}`,
    expr: promql`1 - ${periodRatio} / ${budget}`,
    tests: [
      evaluates('is the whole budget when every event is good', { at: '10m', series: seriesAt(slo.sli, 0, 2, 20), samples: [{ labels: {}, value: 1 }] }),
      // The same float operations Prometheus does, on an exact ratio of 0.5.
      evaluates('is below zero once half the events fail', { at: '10m', series: seriesAt(slo.sli, 0.5, 2, 20), samples: [{ labels: {}, value: 1 - 0.5 / budget }] }),
    ],
  });
}

function burnAlert(slo: SloDef, budget: number, name: string, severity: 'critical' | 'warning', window: BurnWindowDef, ratios: ReadonlyMap<string, RecordingRuleDef>, dashboard: string): AlertDef {
  const threshold = window.factor * budget;
  const exhausted = humanDuration(durationSeconds(slo.period)! / window.factor);
  const [long, short] = [ratios.get(window.long)!, ratios.get(window.short)!];
  // The low-traffic guard: too few events in the long window is noise, not a burn.
  const expr =
    slo.minEvents > 0
      ? promql`
        (
          ${long} > (${window.factor} * ${budget})
        and
          ${short} > (${window.factor} * ${budget})
        )
        and
        ${eventCount(slo.sli, window.long)} >= ${slo.minEvents}`
      : promql`
        ${long} > (${window.factor} * ${budget})
        and
        ${short} > (${window.factor} * ${budget})`;
  const summary = `${slo.title} burns its error budget ${window.factor}× too fast`;
  const description =
    `Over the last ${window.long} and ${window.short}, more than ${percent(threshold)} of ${slo.service} events were bad: ` +
    `${window.factor}× the ${percent(budget)} error budget of the ${percent(slo.objective)} objective, which at this rate is spent in ${exhausted} instead of ${slo.period}.`;
  // Tests: evaluated once both windows have a value (two samples) and the `for` has passed.
  const forMinutes = Math.ceil(durationSeconds(window.for)! / 60);
  const firesAt = forMinutes + 2;
  const minutes = firesAt + 1;
  // Events the long window holds at the evaluation: the firing tests must clear the guard twice over.
  const longMinutes = Math.min(firesAt, durationSeconds(window.long)! / 60);
  const perMinute = Math.max(EVENTS_PER_MINUTE, Math.ceil((2 * slo.minEvents) / longMinutes));
  const above = Math.min(threshold * (1 + MARGIN), (threshold + 1) / 2);
  const below = threshold * (1 - MARGIN);
  const expected = [{ labels: {}, summary, description }];
  const tests = [
    fires(`a burn rate just above ${window.factor}×`, { at: `${firesAt}m`, series: seriesAt(slo.sli, above, perMinute, minutes), alerts: expected }),
    silent(`a burn rate just below ${window.factor}×`, { at: `${firesAt}m`, series: seriesAt(slo.sli, below, perMinute, minutes) }),
  ];
  if (forMinutes > 0) {
    tests.push(pending(`burning for less than ${window.for}`, { at: `${1 + Math.floor(forMinutes / 2)}m`, series: seriesAt(slo.sli, above, perMinute, minutes) }));
  }
  if (slo.minEvents > 0) {
    // Every event bad, but fewer events in the long window than the minimum: noise, not a burn.
    tests.push(silent(`every event bad, but fewer than ${slo.minEvents} events in ${window.long}`, { at: `${firesAt}m`, series: seriesAt(slo.sli, 1, slo.minEvents / longMinutes / 2, minutes) }));
  }
  return alert({
    name,
    severity,
    expr,
    for: window.for,
    labels: { slo: slo.name, service: slo.service, team: slo.team },
    summary,
    description,
    runbook: {
      meaning:
        `${slo.title} (${slo.description.replace(/\.$/, '')}) is below its objective of ${percent(slo.objective)} over both the last ${window.long} and ${window.short}: ` +
        `at ${window.factor}× the sustainable rate the ${slo.period} error budget is gone in ${exhausted}. ${severity === 'critical' ? 'Page: act now.' : 'Ticket: act within working hours.'}`,
      causes: ['A fault in the service or one of its dependencies: look for the service alerts firing at the same time.', 'A deploy or configuration change shortly before the burn started.'],
      checks: [
        `The SLO dashboard (Grafana ${dashboard}), row "${slo.title}": which windows burn and how much budget is left.`,
        `The ${slo.service} dashboards for the failing routes, job types or dependencies.`,
        `When the budget runs out: ${slo.whenExhausted}`,
      ],
      fix: [
        'Find the fault behind the burn: the service alerts firing with it name it; follow their runbooks.',
        'If a deploy or configuration change started it, roll it back.',
        `If the budget runs out: ${slo.whenExhausted}`,
      ],
      escalation: `Team ${slo.team} owns ${slo.service}; ${severity === 'critical' ? 'if the burn does not slow within 30 minutes, call the incident commander' : 'raise it at their next planning if it recurs'}.`,
    },
    // The burn is what users feel: the objective is their experience, written down.
    impact: `${slo.title} fails users ${window.factor}× faster than the objective of ${percent(slo.objective)} allows.`,
    noScenario: 'The SLO compiler derives its own tests from the objective (seriesAt): at, above and below the burn threshold, pending, and under the traffic guard.',
    tests,
  });
}

/** 180000 → "2d 2h": how long a budget lasts, to the hour. */
function humanDuration(seconds: number): string {
  const hours = Math.round(seconds / 3600);
  const [days, rest] = [Math.floor(hours / 24), hours % 24];
  return [days > 0 ? `${days}d` : '', rest > 0 || days === 0 ? `${rest}h` : ''].filter(Boolean).join(' ');
}

/** 0.001 → "0.1%", 0.999 → "99.9%". */
export function percent(share: number): string {
  return `${formatNumber(share * 100)}%`;
}
