/**
 * What the dashboard builder (grafana/build.ts) guarantees of every dashboard it writes, so no check
 * has to read it back: the datasource variable on every panel and query, ids set and unique across
 * rows and panels, a grid place for each, the model's layout kept, and each panel type built by the
 * SDK's own panel builder.
 */
import { describe, expect, it } from 'vitest';
import { defineConfig } from '../generator/config.ts';
import { barGauge, defineDashboard, heatmap, row, stat, stateTimeline, table, target, timeseries, type PanelDef } from '../generator/dsl/dashboards.ts';
import { buildDashboard, DATASOURCE_VARIABLE } from '../generator/grafana/build.ts';
import { buildDashboards } from '../generator/model/dashboards.ts';
import type { ModelDashboard } from '../generator/model/types.ts';
import { runPipeline } from '../generator/pipeline.ts';
import { promql } from '../generator/promql/query.ts';
import { dashboardEmptyCheck } from '../generator/validate/checks/dashboard-empty.ts';
import { FIXTURE_PROJECT } from './helpers/project.ts';
import { rulesModelOf, shop, validAlert } from './helpers/rules-table.ts';

const config = defineConfig({ namespace: 'app', alerts: { runbookBaseUrl: 'https://runbooks.example/alerts' } });
const { basket } = shop.metrics;
/** The catalogue the dashboards resolve their queries against, under the config above. */
const catalogue = { config, domains: rulesModelOf([validAlert()]).domains };
const narrowed = '{job=~"$job", instance=~"$instance"}';
const options = (title: string) => ({ title, unit: 'short', targets: [target(promql`sum(${basket}${narrowed})`)] });

function modelOf(panels: readonly PanelDef[], more: Partial<Parameters<typeof defineDashboard>[0]> = {}): ModelDashboard {
  const definition = defineDashboard({ name: 'shop', title: 'Shop', folder: 'Service', description: 'd', scope: basket, rows: [row('First', panels.slice(0, 2)), row('Second', panels.slice(2))], ...more });
  const { dashboards, problems } = buildDashboards([{ file: 'dashboards/shop.ts', value: definition }], catalogue);
  expect(problems).toEqual([]);
  return dashboards[0]!;
}

/** The dashboard as written to its file, read back as plain data (the SDK types a query only as a variant). */
interface Written {
  readonly templating?: { readonly list?: readonly { readonly type?: string; readonly name?: string }[] };
  readonly links?: readonly object[];
  readonly panels?: readonly WrittenPanel[];
}
interface WrittenPanel {
  readonly id?: number;
  readonly type?: string;
  readonly title?: string;
  readonly gridPos?: object;
  readonly datasource?: { readonly uid?: string };
  readonly links?: readonly object[];
  readonly fieldConfig?: { readonly defaults?: { readonly unit?: string; readonly mappings?: unknown } };
  readonly targets?: readonly { readonly refId?: string; readonly expr?: string; readonly format?: string; readonly datasource?: { readonly uid?: string } }[];
  readonly panels?: readonly WrittenPanel[];
}
const built = (model: ModelDashboard, settings = config): Written => JSON.parse(JSON.stringify(buildDashboard(model, settings)));
const gridItems = (json: Written): WrittenPanel[] => (json.panels ?? []).flatMap((item) => [item, ...(item.panels ?? [])]);
const panelsOf = (json: Written): WrittenPanel[] => gridItems(json).filter((item) => item.type !== 'row');
const queriesOf = (panel: WrittenPanel) => panel.targets ?? [];

/** Every invariant below, over one built dashboard. */
function expectBuilderGuarantees(model: ModelDashboard, json: Written): void {
  const where = model.uid;
  // Formerly the dashboard-datasource check: one datasource variable, used by every panel and query.
  const datasources = (json.templating?.list ?? []).filter((variable) => variable.type === 'datasource');
  expect(datasources.map((variable) => variable.name), where).toEqual([DATASOURCE_VARIABLE]);
  for (const panel of panelsOf(json)) {
    expect(panel.datasource?.uid, `${where} ${panel.title}`).toBe(`\${${DATASOURCE_VARIABLE}}`);
    for (const query of queriesOf(panel)) expect(query.datasource?.uid, `${where} ${panel.title}`).toBe(`\${${DATASOURCE_VARIABLE}}`);
  }
  // Formerly the dashboard-panel-ids check: rows and panels all numbered, no number twice.
  const ids = gridItems(json).map((item) => item.id);
  expect(ids.every((id) => Number.isInteger(id)), where).toBe(true);
  expect(new Set(ids).size, where).toBe(ids.length);
  // Formerly "has no place on the grid": every item has the place the model gave it.
  expect(gridItems(json).map((item) => item.gridPos), where).toEqual(model.rows.flatMap((r) => [r.gridPos, ...r.panels.map((p) => p.gridPos)]));
  // The queries are the model's, lettered in order.
  expect(panelsOf(json).map((panel) => queriesOf(panel).map((q) => [q.refId, q.expr])), where).toEqual(model.panels.map((p) => p.targets.map((t) => [t.refId, t.expr])));
}

describe('the dashboard builder', () => {
  it('builds each panel type with its own SDK panel builder, and the query format the type needs', () => {
    const model = modelOf([timeseries(options('T')), stat(options('S')), heatmap(options('H')), table(options('Tb')), barGauge(options('B')), stateTimeline(options('St'))]);
    const json = built(model);
    expectBuilderGuarantees(model, json);
    expect(panelsOf(json).map((panel) => panel.type)).toEqual(['timeseries', 'stat', 'heatmap', 'table', 'bargauge', 'state-timeline']);
    expect(panelsOf(json).map((panel) => queriesOf(panel)[0]?.format)).toEqual([undefined, undefined, 'heatmap', 'table', undefined, undefined]);
  });

  it('links an alert panel to each runbook section, and the header to other dashboards by uid and to the project by tag', () => {
    const model = modelOf([timeseries({ ...options('Baskets'), alerts: ['BasketsPiling'] })], { links: [{ title: 'SLOs', dashboard: 'slos' }] });
    const json = built(model);
    expect(panelsOf(json)[0]?.links).toEqual([expect.objectContaining({ title: 'Runbook: BasketsPiling', url: 'https://runbooks.example/alerts#basketspiling', targetBlank: true })]);
    expect(json.links).toEqual([
      expect.objectContaining({ title: 'Dashboards', type: 'dashboards', tags: ['app'] }),
      expect.objectContaining({ title: 'SLOs', type: 'link', url: '/d/app-slos' }),
    ]);
  });

  it('sets the unit, range, thresholds and value texts the model holds, and leaves out what it does not', () => {
    const model = modelOf([
      stat({ ...options('Breaker'), min: 0, max: 1, thresholds: [{ value: null, color: 'green' }, { value: 1, color: 'red' }], valueText: { '0': { text: 'closed', color: 'green' } } }),
      timeseries({ ...options('Bare'), unit: '' }),
    ]);
    const [breaker, bare] = panelsOf(built(model));
    expect(breaker?.fieldConfig?.defaults).toMatchObject({ unit: 'short', min: 0, max: 1, thresholds: { mode: 'absolute', steps: [{ value: null, color: 'green' }, { value: 1, color: 'red' }] } });
    expect(breaker?.fieldConfig?.defaults?.mappings).toEqual([{ type: 'value', options: { '0': { text: 'closed', color: 'green', index: 0 } } }]);
    expect(bare?.fieldConfig?.defaults?.unit).toBeUndefined();
  });

  it('models a panel written without targets as one with no queries, which dashboard-empty names', () => {
    const definition = defineDashboard({ name: 'shop', title: 'Shop', folder: 'Service', description: 'd', scope: basket, rows: [row('R', [{ ...timeseries(options('Blank')), targets: undefined as never }])] });
    const { dashboards } = buildDashboards([{ file: 'dashboards/shop.ts', value: definition }], catalogue);
    expect(dashboards[0]?.panels[0]?.targets).toEqual([]);
    const model = { ...rulesModelOf([validAlert()]), dashboards };
    expect(dashboardEmptyCheck.run(model).map((p) => `${p.definition}: ${p.message}`)).toEqual([expect.stringContaining('panel "Blank": has no queries')]);
  });

  it('keeps every guarantee over a whole project\'s dashboards', async () => {
    const result = await runPipeline(FIXTURE_PROJECT);
    if (!result.ok) throw new Error('the fixture project is invalid');
    expect(result.model.dashboards.length).toBeGreaterThan(0);
    for (const dashboard of result.model.dashboards) expectBuilderGuarantees(dashboard, built(dashboard, result.model.config));
  });
});
