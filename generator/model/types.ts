/**
 * The strict internal model. Loose definitions are parsed into it once; checks and renderers only
 * ever see this shape, with full metric names resolved and cardinalities computed.
 */
import type { SextantConfig } from '../config.ts';
import type { DomainDef } from '../dsl/domain.ts';
import type { DeploymentName, EnvironmentName, ScrapeJobDef } from '../dsl/scrape.ts';
import type { MetricDef, MetricType, ValueBounds } from '../dsl/metrics.ts';
import type { DashboardDef, PanelDef, PanelType, Threshold } from '../dsl/dashboards.ts';
import type { PanelRef, ScenarioTarget } from '../dsl/rules.ts';

export interface ModelLabel {
  readonly name: string;
  /** The declaration as written; the label-values check decides whether it is acceptable. */
  readonly spec: unknown;
  /** Declared values, when the label is an enumeration. */
  readonly values: readonly string[] | undefined;
  /** Declared bound, when the label is `bounded()`. */
  readonly bound: number | undefined;
  readonly reason: string | undefined;
  /** Why a bounded label that holds identifiers, addresses or text stays bounded, as declared. */
  readonly acknowledged: unknown;
  /** Worst-case number of values; 0 when the declaration is unusable. */
  readonly cardinality: number;
}

/** The fields a definition's metric keeps as written; the model resolves the rest (its name, labels). */
type MetricAsWritten = Pick<MetricDef, 'help' | 'unit' | 'buckets' | 'quantiles' | 'replaces'>;

export interface ModelMetric extends MetricAsWritten {
  /** Property name of the metric in its domain's `metrics` object. */
  readonly key: string;
  readonly domain: string;
  readonly file: string;
  /** Application metrics follow the conventions strictly; upstream ones are described as they are. */
  readonly appOwned: boolean;
  /** Full name as exposed: namespace applied for application metrics. */
  readonly name: string;
  readonly type: MetricType;
  readonly labels: readonly ModelLabel[];
  /** Why no dashboard shows the metric, when none does on purpose. */
  readonly notDashboarded: string | undefined;
  /** Declared cap on label combinations; validated by the series-budget check. */
  readonly labelSets: { readonly bound: unknown; readonly reason: unknown } | undefined;
  /** Declared bounds of a gauge's values (a capacity); the alert-can-fire check reads them. */
  readonly range: ValueBounds | undefined;
  readonly definition: MetricDef;
}

export interface ModelDomain extends Pick<DomainDef, 'name' | 'title' | 'description' | 'owner'> {
  readonly file: string;
  readonly metrics: readonly ModelMetric[];
  /** Why no scrape job of this project exposes it, as declared (checked by scrape-coverage). */
  readonly scrapedElsewhere: unknown;
}

export interface Model {
  readonly config: SextantConfig;
  readonly domains: readonly ModelDomain[];
  readonly metrics: readonly ModelMetric[];
  /** Rule files from alerts/*.ts, expressions rendered under the namespace. */
  readonly rules: readonly ModelRuleFile[];
  /** Dashboards from dashboards/*.ts, laid out on the grid. */
  readonly dashboards: readonly ModelDashboard[];
  /** Scrape jobs from scrape/*.ts, limits derived. */
  readonly scrapeJobs: readonly ModelScrapeJob[];
  /** SLOs from slos/*.ts; their rules and dashboard are among `rules` and `dashboards`. */
  readonly slos: readonly ModelSlo[];
  /** The declared environments whose thresholds or packs differ (none: every environment loads `rules`). */
  readonly environments?: readonly ModelEnvironment[];
}

/**
 * A declared environment that overrides thresholds or packs: the rule files as built with its values,
 * in the order and with the names of `rules` (the renderers give it its own file where one differs).
 */
export interface ModelEnvironment {
  readonly name: string;
  readonly rules: readonly ModelRuleFile[];
  /** The names of alerts.thresholds its rule files read (an override of another reaches nothing). */
  readonly thresholdsRead: readonly string[];
}

/** An SLO as the docs describe it; what it compiled to lives in the rule file and dashboard it names. */
export interface ModelSlo {
  readonly file: string;
  readonly name: string;
  readonly title: string;
  readonly service: string;
  readonly team: string;
  readonly description: string;
  readonly objective: number;
  readonly period: string;
  /** 1 − objective. */
  readonly budget: number;
  readonly minEvents: number;
  readonly whenExhausted: string;
  /** Name of the generated rule file (`slo_<name>`). */
  readonly ruleFile: string;
  /** Name of the SLO dashboard. */
  readonly dashboard: string;
  readonly alerts: readonly { readonly name: string; readonly severity: string; readonly factor: number; readonly long: string; readonly short: string; readonly for: string }[];
}

export interface ModelSeriesInput {
  /** `name{label="value", …}`, as promtool reads it. */
  readonly series: string;
  readonly values: string;
}

export interface ModelAlertTest {
  readonly kind: 'fires' | 'silent' | 'pending';
  readonly name: string;
  readonly at: string;
  readonly series: readonly ModelSeriesInput[];
  readonly alerts: readonly { readonly labels: Readonly<Record<string, string>>; readonly summary: string; readonly description: string }[];
}

export interface ModelExprTest {
  readonly name: string;
  readonly at: string;
  readonly series: readonly ModelSeriesInput[];
  readonly samples: readonly { readonly labels: Readonly<Record<string, string>>; readonly value: number }[];
}

/**
 * What a query reads, resolved from what it interpolates when the model is built (model/queries.ts);
 * promql/reads.ts answers from it which families a query reads, through recording rules.
 */
export interface QueryReads {
  /** Catalogue metrics it reads, directly or inside the recording rules it names; each once, in order of use. */
  readonly metrics: readonly ModelMetric[];
  /** Recording rules it names itself, with the namespace (`job:taskforge_http_requests:rate5m`). */
  readonly recordings: readonly string[];
}

export interface ModelRecordingRule {
  readonly file: string;
  /** As written: `job:http_requests:rate5m`. */
  readonly written: string;
  /** With the namespace: `job:taskforge_http_requests:rate5m`. */
  readonly record: string;
  readonly expr: string;
  readonly reads: QueryReads;
  readonly tests: readonly ModelExprTest[];
  /** Why it exists though nothing of the project reads it (check `recording-rules-read`). */
  readonly exported: string | undefined;
}

export interface ModelAlert {
  readonly file: string;
  readonly name: string;
  readonly severity: string;
  readonly for: string;
  readonly expr: string;
  readonly reads: QueryReads;
  readonly labels: Readonly<Record<string, string>>;
  readonly summary: string;
  readonly description: string;
  readonly runbook: ModelRunbook;
  readonly tests: readonly ModelAlertTest[];
  /** Alerts this one silences in Alertmanager while it fires. */
  readonly supersedes: readonly string[];
  /** What users feel, or the data lost, when it fires (critical alerts state it). */
  readonly impact: string | undefined;
  readonly scenario: ModelScenario | undefined;
  readonly noScenario: string | undefined;
  readonly blindSpot: string | undefined;
  /** Why it fires per instance of a replicated application job. */
  readonly perInstance: string | undefined;
}

export interface ModelRunbook {
  readonly meaning: string;
  readonly causes: readonly string[];
  readonly checks: readonly string[];
  readonly fix: readonly string[];
  readonly escalation: string;
  /** The query to run, rendered under the namespace. */
  readonly query: string | undefined;
  readonly panel: PanelRef | undefined;
}

/** An alert's scenario with its series rendered under the namespace, at a given scrape interval. */
export interface ModelScenario {
  readonly target: ScenarioTarget;
  /** Series of `target` at which the compared quantity is `value`, `samples` samples `interval` seconds apart. */
  readonly series: (value: number, target: ScenarioTarget, interval: number, samples: number) => readonly ModelSeriesInput[];
  /** Series of `target` with no traffic, when the author gave them. */
  readonly idle: ((target: ScenarioTarget, interval: number, samples: number) => readonly ModelSeriesInput[]) | undefined;
}

export interface ModelRuleFile {
  readonly name: string;
  readonly title: string;
  readonly file: string;
  readonly recording: readonly ModelRecordingRule[];
  readonly alerts: readonly ModelAlert[];
}

/** A place on Grafana's 24-column grid, in cells. */
export interface ModelGridPos {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export interface ModelTarget {
  readonly refId: string;
  readonly expr: string;
  /** What the query reads, resolved once from its definition. */
  readonly reads: QueryReads;
  readonly legend: string;
  readonly instant: boolean;
}

export interface ModelPanel {
  readonly id: number;
  readonly title: string;
  readonly type: PanelType;
  readonly description: string;
  readonly gridPos: ModelGridPos;
  readonly targets: readonly ModelTarget[];
  /** A Grafana unit id; left undefined when the definition sets none, which dashboard-units names. */
  readonly unit: string | undefined;
  readonly min: number | undefined;
  readonly max: number | undefined;
  readonly thresholds: readonly Threshold[] | undefined;
  readonly valueText: PanelDef['valueText'];
  readonly stacked: boolean;
  /** Alerts about what the panel shows: the builder links each to its runbook section. */
  readonly alerts: readonly string[];
  readonly quietWhenHealthy: string | undefined;
  readonly shownUnder: string | undefined;
  /** Why the panel reads across jobs and instances: its own reason, else the dashboard's. */
  readonly spansJobs: string | undefined;
}

/** A row of the grid: a full-width header over the panels that follow it. */
export interface ModelRow {
  readonly id: number;
  readonly title: string;
  readonly gridPos: ModelGridPos;
  readonly panels: readonly ModelPanel[];
}

/** A query variable listing one label's values (job, instance, then the definition's own). */
export interface ModelVariable {
  readonly name: string;
  readonly label: string;
  /** Grafana's `label_values(selector, label)`. */
  readonly query: string;
  /** The value of the All option. */
  readonly allValue: string;
}

/** A header link to another dashboard of the project. */
export interface ModelDashboardLink {
  readonly title: string;
  /** The linked dashboard's definition name. */
  readonly dashboard: string;
  /** Its uid; undefined when the project defines no dashboard of that name (check dashboard-links). */
  readonly uid: string | undefined;
}

/**
 * A dashboard as laid out: what it shows and where, never Grafana's JSON, which the builder
 * (`grafana/build.ts`) makes from this for the renderers and the linter.
 */
export interface ModelDashboard extends Pick<DashboardDef, 'name' | 'title' | 'description'> {
  readonly file: string;
  readonly uid: string;
  readonly folder: string;
  readonly tags: readonly string[];
  readonly variables: readonly ModelVariable[];
  readonly links: readonly ModelDashboardLink[];
  readonly rows: readonly ModelRow[];
  /** Every panel, row by row: the same objects as in `rows`. */
  readonly panels: readonly ModelPanel[];
}

export interface ModelScrapeJob extends Pick<ScrapeJobDef, 'name' | 'metricsPath' | 'interval' | 'timeout' | 'honorLabels' | 'receivesAlerts'> {
  readonly file: string;
  /** The deployments it runs in, and the declared environments it has targets in. */
  readonly runsIn: readonly DeploymentName[];
  /** Deployments and environments the job does not run in, and why, as declared (checked by scrape-coverage). */
  readonly notIn: Readonly<Partial<Record<DeploymentName, unknown>>>;
  readonly targets: Readonly<Partial<Record<EnvironmentName, readonly string[]>>>;
  /** Catalogue domains behind the job's limits. */
  readonly exposes: readonly string[];
  readonly sampleLimit: number;
  /** Where the sample limit comes from, for the config comment and the docs. */
  readonly sampleLimitReason: string;
  readonly labelLimit: number;
  /** Sample names kept at scrape time (keepOnlyCatalogued); undefined keeps everything. */
  readonly keepMetrics: readonly string[] | undefined;
  /** How targets are found in Kubernetes, defaults resolved. */
  readonly kubernetes: {
    readonly role: 'pod' | 'node';
    readonly podLabels: Readonly<Record<string, string>>;
    readonly port: number;
    /** The container port's name, when the job names it; the port number selects the pods' port otherwise. */
    readonly portName: string | undefined;
    readonly namespaces: readonly string[];
    /** The namespaces whose series are kept (onlyAppNamespaces); undefined keeps all. */
    readonly onlyNamespaces: readonly string[] | undefined;
  };
}
