/**
 * The SLO dashboard, written with the dashboard DSL like any other: one row per SLO with its SLI now,
 * over the period against the objective, the budget left, the burn rate per alert window and the
 * budget burn-down. It is built, checked and rendered as the hand-written dashboards are.
 */
import { defineDashboard, row, stat, target, timeseries, type DashboardDef, type PanelDef } from '../dsl/dashboards.ts';
import { promql } from '../promql/query.ts';
import { percent, SLO_DASHBOARD, type CompiledSlo } from './compile.ts';
import { scopeOf } from './sli.ts';

const SPANS_JOBS = 'an SLO is kept by the whole service: its rules aggregate every job and instance';

/** The SLO dashboard's folder: Overview if the project has one, else its first. */
export const sloFolder = (folders: readonly string[]): string => (folders.includes('Overview') ? 'Overview' : (folders[0] ?? 'Overview'));

export function sloDashboard(slos: readonly CompiledSlo[], folder = 'Overview'): DashboardDef {
  return defineDashboard({
    name: SLO_DASHBOARD,
    title: 'Service level objectives',
    folder,
    description: 'Each SLO: its SLI now and over the period against the objective, the error budget left, how fast each alert window burns it, and the burn-down.',
    tags: ['slo'],
    scope: scopeOf(slos[0]!.slo.sli),
    spansJobs: SPANS_JOBS,
    rows: slos.map(sloRow),
  });
}

function sloRow(compiled: CompiledSlo): ReturnType<typeof row> {
  const { slo, budget, ratios, remaining } = compiled;
  const alerts = compiled.alerts.map((a) => a.name);
  const shortest = ratios.values().next().value!;
  const objective = [{ value: null, color: 'red' }, { value: slo.objective, color: 'green' }];
  const panels: PanelDef[] = [
    stat({ title: `SLI, last ${[...ratios.keys()][0]}`, description: `Share of good events now; the objective is ${percent(slo.objective)}.`, unit: 'percentunit', width: 4, thresholds: objective, targets: [target(promql`1 - ${shortest}`, '', { instant: true })] }),
    stat({ title: `SLI over ${slo.period} (objective ${percent(slo.objective)})`, description: slo.description, unit: 'percentunit', width: 4, thresholds: objective, targets: [target(promql`1 - ${ratios.get(slo.period)!}`, '', { instant: true })] }),
    stat({
      title: 'Error budget remaining',
      description: `Share of the ${slo.period} error budget (${percent(budget)} of events) not yet spent. When it runs out: ${slo.whenExhausted}`,
      unit: 'percentunit',
      width: 4,
      thresholds: [{ value: null, color: 'red' }, { value: 0.25, color: 'orange' }, { value: 0.5, color: 'green' }],
      targets: [target(promql`${remaining}`, '', { instant: true })],
      alerts,
    }),
    timeseries({
      title: 'Burn rate by window',
      description: `Error ratio over each alert window divided by the error budget: 1 spends the budget exactly in ${slo.period}; the alerts fire at ${[...new Set(compiled.alerts.map((a) => `${a.window.factor}×`))].join(', ')}.`,
      unit: 'short',
      width: 12,
      alerts,
      targets: [...ratios.entries()].filter(([window]) => window !== slo.period).map(([window, rule]) => target(promql`${rule} / ${budget}`, window)),
    }),
    timeseries({ title: 'Error budget burn-down', description: `The ${slo.period} error budget left over time.`, unit: 'percentunit', width: 24, alerts, targets: [target(promql`${remaining}`, 'remaining')] }),
  ];
  return row(slo.title, panels);
}
