/**
 * The one entry point definitions import (`import { counter } from 'sextant'`).
 * Everything a catalogue, alert, dashboard or scrape file needs is re-exported here.
 */
export { counter, gauge, histogram, summary, untyped, labelOf } from './dsl/metrics.ts';
export type { MetricDef, MetricType, LabelName, LabelValue, LabelSet, ValueBounds } from './dsl/metrics.ts';
export { bounded } from './dsl/labels.ts';
export type { LabelSpec, LabelSpecs, BoundedLabel, EnumLabel, LabelKind, Acknowledgement } from './dsl/labels.ts';
export { exponentialBuckets, linearBuckets } from './dsl/buckets.ts';
export { BASE_UNITS } from './dsl/units.ts';
export type { Unit } from './dsl/units.ts';
export { defineDomain, upstream } from './dsl/domain.ts';
export type { DomainDef, Owner, UpstreamExporter } from './dsl/domain.ts';
export { defineConfig } from './config.ts';
export type { SextantConfig, SextantConfigInput } from './config.ts';
export { promql, bucketOf, sumOf, countOf } from './promql/query.ts';
export { alert, recordingRule, defineRules, fires, silent, pending, evaluates, input, SEVERITIES } from './dsl/rules.ts';
export type { AlertDef, RecordingRuleDef, RulesDef, Severity, Runbook, AlertTest, ExprTest, SeriesInput, Scenario, ScenarioContext, ScenarioTarget, PanelRef } from './dsl/rules.ts';
export type { Thresholds } from './config.ts';
export { defineDashboard, row, timeseries, stat, heatmap, table, barGauge, stateTimeline, target, labelVariable, FOLDERS } from './dsl/dashboards.ts';
export type { DashboardDef, PanelDef, RowDef, TargetDef, VariableDef, Folder } from './dsl/dashboards.ts';
export { sel, rec, rate, average, PANEL_UNITS } from './dsl/panels.ts';
export type { PanelSeries } from './dsl/panels.ts';
export type { Interpolation, SeriesRef, RecordingRef, Query } from './promql/query.ts';
export { defineSlo, ratioSli, latencySli, events, DEFAULT_BURN_ALERTS } from './dsl/slos.ts';
export type { SloDef, SliDef, EventsDef, BurnWindowDef, LabelSelector } from './dsl/slos.ts';
export { defineScrapeJob, DEPLOYMENTS, ENVIRONMENTS } from './dsl/scrape.ts';
export type { Deployment, Environment, KubernetesScrapeDef, ScrapeJobDef } from './dsl/scrape.ts';
export { definePack, packScrapeJob, packSettings, packThresholds, DEFAULT_ESCALATION, PACK_FOLDER } from './dsl/packs.ts';
export type { PackDef, PackOptions, PackSettings, ThresholdValues } from './dsl/packs.ts';
