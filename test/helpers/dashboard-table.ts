/**
 * Case tables for the dashboard checks: each case is model dashboards (as buildDashboards() lays
 * them out) over the small shop catalogue, and the messages it must produce (none means it must pass).
 */
import { describe, expect, it } from 'vitest';
import type { ModelDashboard, ModelDashboardLink, ModelPanel, ModelRow, ModelTarget, ModelVariable } from '../../generator/model/types.ts';
import type { RecordingRuleDef } from '../../generator/dsl/rules.ts';
import type { Check } from '../../generator/validate/check.ts';
import { rulesModelOf, validAlert } from './rules-table.ts';

/**
 * A panel query as text: these tables judge what the checks read from the text (labels, variables,
 * functions); what it interpolates (`reads`) is for the coverage checks, whose cases are built.
 */
export function queryTarget(expr: string, legend = ''): ModelTarget {
  return { refId: 'A', expr, reads: { metrics: [], recordings: [] }, legend, instant: false };
}

export function panel(overrides: Partial<ModelPanel> = {}): ModelPanel {
  return {
    id: 2,
    type: 'timeseries',
    title: 'Open baskets',
    description: 'Baskets open now, by region.',
    gridPos: { x: 0, y: 1, w: 12, h: 8 },
    targets: [queryTarget('sum by (region) (app_baskets_open{job=~"$job", instance=~"$instance"})')],
    unit: 'short',
    min: undefined,
    max: undefined,
    thresholds: undefined,
    valueText: undefined,
    stacked: false,
    alerts: [],
    quietWhenHealthy: undefined,
    shownUnder: undefined,
    spansJobs: undefined,
    ...overrides,
  };
}

/** The variables every generated dashboard has besides the datasource: job and instance over its scope. */
export const VARIABLES: readonly ModelVariable[] = [
  { name: 'job', label: 'Job', query: 'label_values(app_baskets_open, job)', allValue: '.+' },
  { name: 'instance', label: 'Instance', query: 'label_values(app_baskets_open{job=~"$job"}, instance)', allValue: '.+' },
];

/** A full-width row at grid line `y`, holding the panels given. */
export const row = (id: number, y: number, panels: readonly ModelPanel[] = []): ModelRow => ({ id, title: `Row ${id}`, gridPos: { x: 0, y, w: 24, h: 1 }, panels });

export interface DashboardCase {
  readonly name: string;
  readonly dashboards: readonly {
    uid?: string;
    title?: string;
    description?: string;
    tags?: readonly string[];
    /** The panels of the first row, "Row 1" at the top. */
    panels: readonly ModelPanel[];
    /** Rows after the first. */
    rows?: readonly ModelRow[];
    variables?: readonly ModelVariable[];
    /** Header links to other dashboards, by definition name. */
    links?: readonly ModelDashboardLink[];
    /** Applied to every panel. */
    alerts?: readonly string[];
    quietWhenHealthy?: string;
    shownUnder?: string;
  }[];
  /** The config's faultSwitches (none by default). */
  readonly faultSwitches?: readonly string[];
  /** The config's runbook base url (the runbook links of alert panels start with it). */
  readonly runbookBaseUrl?: string;
  /** Recording rules beside the dashboards, for the checks that follow panels into rules. */
  readonly recording?: readonly RecordingRuleDef[];
  readonly expect: readonly string[];
}

function modelDashboard(spec: DashboardCase['dashboards'][number], index: number): ModelDashboard {
  const perPanel = (p: ModelPanel): ModelPanel => ({ ...p, alerts: spec.alerts ?? p.alerts, quietWhenHealthy: spec.quietWhenHealthy ?? p.quietWhenHealthy, shownUnder: spec.shownUnder ?? p.shownUnder });
  const rows = [row(1, 0, spec.panels), ...(spec.rows ?? [])].map((r) => ({ ...r, panels: r.panels.map(perPanel) }));
  return {
    file: `dashboards/shop_${index}.ts`,
    name: `shop_${index}`,
    uid: spec.uid ?? `app-shop-${index}`,
    title: spec.title ?? 'Shop',
    folder: 'Service',
    description: spec.description ?? 'What the shop sells, and how fast.',
    tags: spec.tags ?? ['app'],
    variables: spec.variables ?? VARIABLES,
    links: spec.links ?? [],
    rows,
    panels: rows.flatMap((r) => r.panels),
  };
}

export function dashboardTable(check: Check, cases: readonly DashboardCase[]): void {
  describe(`check ${check.id}`, () => {
    it.each(cases)('$name', ({ dashboards, faultSwitches, runbookBaseUrl, recording, expect: expected }) => {
      const base = rulesModelOf([validAlert()], recording ?? []);
      const alerts = runbookBaseUrl === undefined ? base.config.alerts : { ...base.config.alerts, runbookBaseUrl };
      const model = { ...base, config: { ...base.config, alerts, faultSwitches: faultSwitches ?? [] }, dashboards: dashboards.map(modelDashboard) };
      const messages = check.run(model).map((p) => `${p.definition}: ${p.message}`);
      expect(messages).toHaveLength(expected.length);
      expected.forEach((text, i) => expect(messages[i]).toContain(text));
    });
  });
}
