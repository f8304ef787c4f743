/**
 * Builds Grafana dashboard JSON from dashboard definitions with @grafana/grafana-foundation-sdk:
 * layout on the 24-column grid, stable panel ids and refIds, the datasource variable everywhere,
 * job/instance/label variables, cross-links by tag, runbook links on alert panels.
 */
import * as common from '@grafana/grafana-foundation-sdk/common';
import {
  DashboardBuilder,
  DashboardLinkBuilder,
  DashboardLinkType,
  DatasourceVariableBuilder,
  MappingType,
  QueryVariableBuilder,
  RowBuilder,
  ThresholdsConfigBuilder,
  ThresholdsMode,
  VariableRefresh,
  VariableSort,
  type Dashboard,
  type DataSourceRef,
  type GridPos,
} from '@grafana/grafana-foundation-sdk/dashboard';
import { PanelBuilder as BarGaugePanelBuilder } from '@grafana/grafana-foundation-sdk/bargauge';
import { PanelBuilder as HeatmapPanelBuilder } from '@grafana/grafana-foundation-sdk/heatmap';
import { DataqueryBuilder, PromQueryFormat } from '@grafana/grafana-foundation-sdk/prometheus';
import { PanelBuilder as StatPanelBuilder } from '@grafana/grafana-foundation-sdk/stat';
import { PanelBuilder as StateTimelinePanelBuilder } from '@grafana/grafana-foundation-sdk/statetimeline';
import { PanelBuilder as TablePanelBuilder } from '@grafana/grafana-foundation-sdk/table';
import { PanelBuilder as TimeseriesPanelBuilder } from '@grafana/grafana-foundation-sdk/timeseries';
import type { DashboardDef, PanelDef } from '../dsl/dashboards.ts';

export const DATASOURCE_VARIABLE = 'datasource';
export const DATASOURCE: DataSourceRef = { type: 'prometheus', uid: `\${${DATASOURCE_VARIABLE}}` };
export const GRID_COLUMNS = 24;

/** What the model already resolved for a panel: its final texts, queries and place. */
export interface ResolvedPanel {
  readonly definition: PanelDef;
  readonly id: number;
  readonly description: string;
  readonly gridPos: GridPos;
  readonly targets: readonly { readonly refId: string; readonly expr: string; readonly legend: string; readonly instant: boolean }[];
  readonly links: readonly { readonly title: string; readonly url: string }[];
}

export interface ResolvedDashboard {
  readonly definition: DashboardDef;
  readonly uid: string;
  readonly tags: readonly string[];
  readonly variables: readonly { readonly name: string; readonly label: string; readonly query: string; readonly allValue: string }[];
  readonly rows: readonly { readonly id: number; readonly title: string; readonly y: number; readonly panels: readonly ResolvedPanel[] }[];
  /** Header links to other dashboards, by url (`/d/<uid>`). */
  readonly links: readonly { readonly title: string; readonly url: string }[];
}

export function buildDashboardJson(dashboard: ResolvedDashboard, linkTag: string): Dashboard {
  const builder = new DashboardBuilder(dashboard.definition.title)
    .uid(dashboard.uid)
    .description(dashboard.definition.description)
    .tags([...dashboard.tags])
    .refresh('30s')
    .time({ from: 'now-1h', to: 'now' })
    .timezone('browser')
    .tooltip(1)
    .readonly()
    .link(new DashboardLinkBuilder('Dashboards').type(DashboardLinkType.Dashboards).tags([linkTag]).asDropdown(true).includeVars(true).keepTime(true))
    .withVariable(new DatasourceVariableBuilder(DATASOURCE_VARIABLE).label('Data source').type('prometheus'));
  for (const link of dashboard.links) builder.link(new DashboardLinkBuilder(link.title).type(DashboardLinkType.Link).url(link.url).keepTime(true));
  for (const variable of dashboard.variables) {
    builder.withVariable(
      new QueryVariableBuilder(variable.name)
        .label(variable.label)
        .query(variable.query)
        .datasource(DATASOURCE)
        .refresh(VariableRefresh.OnTimeRangeChanged)
        .sort(VariableSort.AlphabeticalAsc)
        .includeAll(true)
        .allValue(variable.allValue)
        .multi(true),
    );
  }
  for (const row of dashboard.rows) {
    builder.withRow(new RowBuilder(row.title).id(row.id).gridPos({ x: 0, y: row.y, w: GRID_COLUMNS, h: 1 }));
    for (const panel of row.panels) builder.withPanel(panelBuilder(panel));
  }
  return builder.build();
}

/** The settings every panel type shares; each SDK panel builder has these methods. */
interface CommonPanel {
  id(id: number): this;
  title(title: string): this;
  description(description: string): this;
  datasource(datasource: DataSourceRef): this;
  gridPos(gridPos: GridPos): this;
  unit(unit: string): this;
  min(min: number): this;
  max(max: number): this;
  links(links: DashboardLinkBuilder[]): this;
  thresholds(thresholds: ThresholdsConfigBuilder): this;
  mappings(mappings: unknown[]): this;
  withTarget(target: DataqueryBuilder): this;
  build(): unknown;
}

function panelBuilder(panel: ResolvedPanel) {
  const { definition } = panel;
  const builder = typedBuilder(definition) as unknown as CommonPanel;
  builder
    .id(panel.id)
    .title(definition.title)
    .description(panel.description)
    .datasource(DATASOURCE)
    .gridPos(panel.gridPos);
  // The unit is left out when undefined so the dashboard-units check can see it missing.
  if (definition.unit) builder.unit(definition.unit);
  if (definition.min !== undefined) builder.min(definition.min);
  if (definition.max !== undefined) builder.max(definition.max);
  if (panel.links.length > 0) {
    builder.links(panel.links.map((link) => new DashboardLinkBuilder(link.title).type(DashboardLinkType.Link).url(link.url).targetBlank(true)));
  }
  if (definition.thresholds) {
    builder.thresholds(new ThresholdsConfigBuilder().mode(ThresholdsMode.Absolute).steps(definition.thresholds.map((t) => ({ value: t.value, color: t.color }))));
  }
  if (definition.valueText) {
    const options = Object.fromEntries(Object.entries(definition.valueText).map(([value, show], index) => [value, { text: show.text, color: show.color, index }]));
    builder.mappings([{ type: MappingType.ValueToText, options }]);
  }
  for (const target of panel.targets) {
    const query = new DataqueryBuilder().refId(target.refId).expr(target.expr).legendFormat(target.legend || '__auto').datasource(DATASOURCE);
    if (definition.type === 'heatmap') query.format(PromQueryFormat.Heatmap);
    if (definition.type === 'table') query.format(PromQueryFormat.Table);
    if (target.instant) query.instant();
    else query.range();
    builder.withTarget(query);
  }
  return builder as unknown as TimeseriesPanelBuilder;
}

function typedBuilder(definition: PanelDef) {
  const legend = new common.VizLegendOptionsBuilder().showLegend(true).displayMode(common.LegendDisplayMode.List).placement(common.LegendPlacement.Bottom);
  switch (definition.type) {
    case 'timeseries': {
      const builder = new TimeseriesPanelBuilder().legend(legend).fillOpacity(10).lineWidth(1).showPoints(common.VisibilityMode.Never);
      if (definition.stacked) builder.stacking(new common.StackingConfigBuilder().mode(common.StackingMode.Normal)).fillOpacity(60);
      return builder;
    }
    case 'stat':
      return new StatPanelBuilder()
        .graphMode(common.BigValueGraphMode.Area)
        .colorMode(definition.thresholds || definition.valueText ? common.BigValueColorMode.Background : common.BigValueColorMode.Value)
        .reduceOptions(new common.ReduceDataOptionsBuilder().calcs(['lastNotNull']).values(false));
    case 'heatmap':
      return new HeatmapPanelBuilder().calculate(false).showLegend();
    case 'table':
      return new TablePanelBuilder().showHeader(true);
    case 'bargauge':
      return new BarGaugePanelBuilder()
        .displayMode(common.BarGaugeDisplayMode.Gradient)
        .orientation(common.VizOrientation.Horizontal)
        .reduceOptions(new common.ReduceDataOptionsBuilder().calcs(['lastNotNull']).values(false));
    case 'statetimeline':
      return new StateTimelinePanelBuilder().showValue(common.VisibilityMode.Never).mergeValues(true).legend(legend);
  }
}
