/**
 * Case tables for the dashboard checks: each case is dashboard JSON (as the SDK builds it) over the
 * small shop catalogue, and the messages it must produce (none means it must pass).
 */
import { describe, expect, it } from 'vitest';
import type { GrafanaDashboardJson, GrafanaPanelJson, ModelDashboard, ModelPanel } from '../../generator/model/types.ts';
import type { Check } from '../../generator/validate/check.ts';
import { rulesModelOf, validAlert } from './rules-table.ts';

export const DS = { type: 'prometheus', uid: '${datasource}' } as const;

export function panel(overrides: Partial<GrafanaPanelJson> = {}): GrafanaPanelJson {
  return {
    id: 2,
    type: 'timeseries',
    title: 'Open baskets',
    gridPos: { x: 0, y: 1, w: 12, h: 8 },
    datasource: DS,
    fieldConfig: { defaults: { unit: 'short' } },
    targets: [{ refId: 'A', expr: 'sum by (region) (app_baskets_open{job=~"$job", instance=~"$instance"})', datasource: DS }],
    ...overrides,
  };
}

export const rowPanel = (id: number, y: number): GrafanaPanelJson => ({ id, type: 'row', title: `Row ${id}`, gridPos: { x: 0, y, w: 24, h: 1 }, panels: [] });

export interface DashboardCase {
  readonly name: string;
  readonly dashboards: readonly { uid?: string; panels: readonly GrafanaPanelJson[]; variables?: GrafanaDashboardJson['templating']; alerts?: readonly string[] }[];
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
    quietWhenHealthy: undefined,
    shownUnder: undefined,
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
    json: { uid, title: 'Shop', templating: spec.variables ?? { list: [{ type: 'datasource', name: 'datasource' }] }, panels: [rowPanel(1, 0), ...spec.panels] },
  };
}

export function dashboardTable(check: Check, cases: readonly DashboardCase[]): void {
  describe(`check ${check.id}`, () => {
    it.each(cases)('$name', ({ dashboards, expect: expected }) => {
      const model = { ...rulesModelOf([validAlert()]), dashboards: dashboards.map(modelDashboard) };
      const messages = check.run(model).map((p) => `${p.definition}: ${p.message}`);
      expect(messages).toHaveLength(expected.length);
      expected.forEach((text, i) => expect(messages[i]).toContain(text));
    });
  });
}
