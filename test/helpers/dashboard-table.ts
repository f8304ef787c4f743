/**
 * Case tables for the dashboard checks: each case is dashboard JSON (as the SDK builds it) over the
 * small shop catalogue, and the messages it must produce (none means it must pass).
 */
import { describe, expect, it } from 'vitest';
import type { GrafanaDashboardJson, GrafanaPanelJson, ModelDashboard, ModelPanel } from '../../generator/model/types.ts';
import type { RecordingRuleDef } from '../../generator/dsl/rules.ts';
import type { Check } from '../../generator/validate/check.ts';
import { rulesModelOf, validAlert } from './rules-table.ts';

export const DS = { type: 'prometheus', uid: '${datasource}' } as const;

export function panel(overrides: Partial<GrafanaPanelJson> = {}): GrafanaPanelJson {
  return {
    id: 2,
    type: 'timeseries',
    title: 'Open baskets',
    description: 'Baskets open now, by region.',
    gridPos: { x: 0, y: 1, w: 12, h: 8 },
    datasource: DS,
    fieldConfig: { defaults: { unit: 'short' } },
    targets: [{ refId: 'A', expr: 'sum by (region) (app_baskets_open{job=~"$job", instance=~"$instance"})', datasource: DS }],
    ...overrides,
  };
}

/** The variables every generated dashboard has: the datasource, then job and instance over its scope. */
export const VARIABLES = [
  { type: 'datasource', name: 'datasource', label: 'Data source' },
  { type: 'query', name: 'job', label: 'Job', query: 'label_values(app_baskets_open, job)' },
  { type: 'query', name: 'instance', label: 'Instance', query: 'label_values(app_baskets_open{job=~"$job"}, instance)' },
] as const;

export const rowPanel = (id: number, y: number): GrafanaPanelJson => ({ id, type: 'row', title: `Row ${id}`, gridPos: { x: 0, y, w: 24, h: 1 }, panels: [] });

export interface DashboardCase {
  readonly name: string;
  readonly dashboards: readonly {
    uid?: string;
    title?: string;
    description?: string;
    tags?: readonly string[];
    panels: readonly GrafanaPanelJson[];
    variables?: GrafanaDashboardJson['templating'];
    /** Header links (to other dashboards, as `/d/<uid>`). */
    links?: GrafanaDashboardJson['links'];
    alerts?: readonly string[];
    /** Applied to every panel, like alerts. */
    quietWhenHealthy?: string;
    shownUnder?: string;
  }[];
  /** The config's faultSwitches (none by default). */
  readonly faultSwitches?: readonly string[];
  /** Recording rules beside the dashboards, for the checks that follow panels into rules. */
  readonly recording?: readonly RecordingRuleDef[];
  readonly expect: readonly string[];
}

function modelDashboard(spec: DashboardCase['dashboards'][number], index: number): ModelDashboard {
  const uid = spec.uid ?? `app-shop-${index}`;
  const panels: ModelPanel[] = spec.panels.map((p) => ({
    id: p.id ?? 0,
    title: p.title ?? '',
    type: p.type ?? '',
    description: '',
    targets: [],
    alerts: spec.alerts ?? [],
    quietWhenHealthy: spec.quietWhenHealthy,
    shownUnder: spec.shownUnder,
    spansJobs: undefined,
  }));
  return {
    file: `dashboards/shop_${index}.ts`,
    name: `shop_${index}`,
    uid,
    title: 'Shop',
    folder: 'Service',
    description: '',
    variables: [],
    panels,
    json: { uid, title: spec.title ?? 'Shop', description: spec.description ?? 'What the shop sells, and how fast.', tags: spec.tags ?? ['app'], templating: spec.variables ?? { list: VARIABLES }, ...(spec.links ? { links: spec.links } : {}), panels: [rowPanel(1, 0), ...spec.panels] },
  };
}

export function dashboardTable(check: Check, cases: readonly DashboardCase[]): void {
  describe(`check ${check.id}`, () => {
    it.each(cases)('$name', ({ dashboards, faultSwitches, recording, expect: expected }) => {
      const base = rulesModelOf([validAlert()], recording ?? []);
      const model = { ...base, config: { ...base.config, faultSwitches: faultSwitches ?? [] }, dashboards: dashboards.map(modelDashboard) };
      const messages = check.run(model).map((p) => `${p.definition}: ${p.message}`);
      expect(messages).toHaveLength(expected.length);
      expected.forEach((text, i) => expect(messages[i]).toContain(text));
    });
  });
}
