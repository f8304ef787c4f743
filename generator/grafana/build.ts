/**
 * Builds a dashboard's Grafana JSON from its model with @grafana/grafana-foundation-sdk: the one
 * place Grafana's JSON is made, for the dashboard files, the operator ConfigMaps and the linter.
 * Everything Grafana needs beyond the layout comes from here: stable refIds and query formats, the
 * datasource variable on every panel and query, cross-links by tag, runbook links on alert panels.
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
  type ValueMap,
} from '@grafana/grafana-foundation-sdk/dashboard';
import { PanelBuilder as BarGaugePanelBuilder } from '@grafana/grafana-foundation-sdk/bargauge';
import { PanelBuilder as HeatmapPanelBuilder } from '@grafana/grafana-foundation-sdk/heatmap';
import { DataqueryBuilder, PromQueryFormat } from '@grafana/grafana-foundation-sdk/prometheus';
import { PanelBuilder as StatPanelBuilder } from '@grafana/grafana-foundation-sdk/stat';
import { PanelBuilder as StateTimelinePanelBuilder } from '@grafana/grafana-foundation-sdk/statetimeline';
import { PanelBuilder as TablePanelBuilder } from '@grafana/grafana-foundation-sdk/table';
import { PanelBuilder as TimeseriesPanelBuilder } from '@grafana/grafana-foundation-sdk/timeseries';
import type { SextantConfig } from '../config.ts';
import type { PanelType } from '../dsl/dashboards.ts';
import { dashboardUid, dashboardUrl } from '../model/dashboards.ts';
import type { ModelDashboard, ModelPanel } from '../model/types.ts';
import { runbookUrl } from '../naming.ts';

export const DATASOURCE_VARIABLE = 'datasource';
export const DATASOURCE: DataSourceRef = { type: 'prometheus', uid: `\${${DATASOURCE_VARIABLE}}` };

export function buildDashboard(dashboard: ModelDashboard, config: SextantConfig): Dashboard {
  const builder = new DashboardBuilder(dashboard.title)
    .uid(dashboard.uid)
    .description(dashboard.description)
    .tags([...dashboard.tags])
    .refresh('30s')
    .time({ from: 'now-1h', to: 'now' })
    .timezone('browser')
    .tooltip(1)
    .readonly()
    .link(new DashboardLinkBuilder('Dashboards').type(DashboardLinkType.Dashboards).tags([config.namespace]).asDropdown(true).includeVars(true).keepTime(true))
    .withVariable(new DatasourceVariableBuilder(DATASOURCE_VARIABLE).label('Data source').type('prometheus'));
  for (const link of dashboard.links) {
    builder.link(new DashboardLinkBuilder(link.title).type(DashboardLinkType.Link).url(dashboardUrl(link.uid ?? dashboardUid(config.namespace, link.dashboard))).keepTime(true));
  }
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
    builder.withRow(new RowBuilder(row.title).id(row.id).gridPos({ ...row.gridPos }));
    for (const panel of row.panels) builder.withPanel(panelBuilder(panel, config));
  }
  return builder.build();
}

/** The SDK's builder for each panel type the DSL offers, with the options that type takes. */
const PANEL_FACTORIES = {
  timeseries: (panel: ModelPanel) => {
    const builder = new TimeseriesPanelBuilder().legend(legend()).fillOpacity(10).lineWidth(1).showPoints(common.VisibilityMode.Never);
    if (panel.stacked) builder.stacking(new common.StackingConfigBuilder().mode(common.StackingMode.Normal)).fillOpacity(60);
    return builder;
  },
  stat: (panel: ModelPanel) =>
    new StatPanelBuilder()
      .graphMode(common.BigValueGraphMode.Area)
      .colorMode(panel.thresholds || panel.valueText ? common.BigValueColorMode.Background : common.BigValueColorMode.Value)
      .reduceOptions(lastValue()),
  heatmap: () => new HeatmapPanelBuilder().calculate(false).showLegend(),
  table: () => new TablePanelBuilder().showHeader(true),
  bargauge: () => new BarGaugePanelBuilder().displayMode(common.BarGaugeDisplayMode.Gradient).orientation(common.VizOrientation.Horizontal).reduceOptions(lastValue()),
  statetimeline: () => new StateTimelinePanelBuilder().showValue(common.VisibilityMode.Never).mergeValues(true).legend(legend()),
} satisfies Record<PanelType, (panel: ModelPanel) => unknown>;

/** Any of the SDK panel builders above: they share the settings every panel has. */
type PanelBuilder = ReturnType<(typeof PANEL_FACTORIES)[PanelType]>;

/** How each panel type asks Prometheus: heatmaps and tables need their own result format. */
const QUERY_FORMATS: Partial<Record<PanelType, PromQueryFormat>> = { heatmap: PromQueryFormat.Heatmap, table: PromQueryFormat.Table };

function panelBuilder(panel: ModelPanel, config: SextantConfig): PanelBuilder {
  const builder: PanelBuilder = PANEL_FACTORIES[panel.type](panel);
  builder.id(panel.id).title(panel.title).description(panel.description).datasource(DATASOURCE).gridPos({ ...panel.gridPos });
  // The unit is left out when undefined, as Grafana then shows plain numbers.
  if (panel.unit) builder.unit(panel.unit);
  if (panel.min !== undefined) builder.min(panel.min);
  if (panel.max !== undefined) builder.max(panel.max);
  if (panel.alerts.length > 0) {
    builder.links(panel.alerts.map((alert) => new DashboardLinkBuilder(`Runbook: ${alert}`).type(DashboardLinkType.Link).url(runbookUrl(config, alert)).targetBlank(true)));
  }
  if (panel.thresholds) {
    builder.thresholds(new ThresholdsConfigBuilder().mode(ThresholdsMode.Absolute).steps(panel.thresholds.map((t) => ({ value: t.value, color: t.color }))));
  }
  if (panel.valueText) {
    const options = Object.fromEntries(Object.entries(panel.valueText).map(([value, show], index) => [value, { text: show.text, color: show.color, index }]));
    const mapping: ValueMap = { type: MappingType.ValueToText, options };
    builder.mappings([mapping]);
  }
  for (const target of panel.targets) {
    const query = new DataqueryBuilder().refId(target.refId).expr(target.expr).legendFormat(target.legend || '__auto').datasource(DATASOURCE);
    const format = QUERY_FORMATS[panel.type];
    if (format) query.format(format);
    if (target.instant) query.instant();
    else query.range();
    builder.withTarget(query);
  }
  return builder;
}

const legend = () => new common.VizLegendOptionsBuilder().showLegend(true).displayMode(common.LegendDisplayMode.List).placement(common.LegendPlacement.Bottom);
const lastValue = () => new common.ReduceDataOptionsBuilder().calcs(['lastNotNull']).values(false);
