/**
 * Dashboards as data: rows of panels whose queries are typed PromQL. The generator lays them out,
 * builds them with @grafana/grafana-foundation-sdk, and checks every query offline like a rule's.
 */
import type { LabelName, MetricDef } from './metrics.ts';
import type { RecordingRef, Query, SeriesRef } from '../promql/query.ts';
import { required } from './missing.ts';
import { rememberUnknownKeys } from './unknown-keys.ts';

/**
 * The default folders (the config's grafana.folders), by audience: a summary for everyone, each
 * service in depth, the infrastructure, and debugging.
 */
export const FOLDERS = ['Overview', 'Service', 'Infrastructure', 'Debugging'] as const;
export type Folder = (typeof FOLDERS)[number];

/**
 * A folder's directory under grafana/dashboards/ and the end of its Grafana folder uid: lower case,
 * accents dropped, every run of other characters one dash (`Payments Team` → `payments-team`).
 */
export function folderDirectory(folder: string): string {
  return folder
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export const PANEL_TYPES = ['timeseries', 'stat', 'heatmap', 'table', 'bargauge', 'statetimeline'] as const;
export type PanelType = (typeof PANEL_TYPES)[number];

export interface TargetDef {
  readonly expr: Query;
  readonly legend: string;
  /** Instant queries for stats and tables that show the current value. */
  readonly instant: boolean;
}

export function target(expr: Query, legend = '', options: { instant?: boolean } = {}): TargetDef {
  return rememberUnknownKeys({ expr, legend, instant: options.instant ?? false }, options, TARGET_OPTIONS);
}
/** Every option target() reads. */
export const TARGET_OPTIONS = ['instant'];

export interface Threshold {
  readonly value: number | null;
  readonly color: string;
}

export interface PanelDef {
  readonly kind: 'panel';
  readonly type: PanelType;
  readonly title: string;
  /** Defaults to the help texts of the metrics the queries read. */
  readonly description: string | undefined;
  /** A Grafana unit id: reqps, s, bytes, percentunit, short… */
  readonly unit: string;
  readonly targets: readonly TargetDef[];
  /** Columns out of 24. */
  readonly width: number;
  readonly height: number;
  /** Explicit placement instead of the automatic flow. */
  readonly gridPos: { readonly x: number; readonly y: number; readonly w: number; readonly h: number } | undefined;
  /** Alerts about what the panel shows: it links to their runbook sections. */
  readonly alerts: readonly string[];
  /** Why the panel is empty in a healthy system (firing alerts, say); the live tests check it under a fault. */
  readonly quietWhenHealthy: string | undefined;
  /** The exporter fault switch under which the live tests expect a quiet panel to show data. */
  readonly shownUnder: string | undefined;
  readonly min: number | undefined;
  readonly max: number | undefined;
  readonly thresholds: readonly Threshold[] | undefined;
  /** Value → text and colour, for state panels (0 closed, 1 open…). */
  readonly valueText: Readonly<Record<string, { readonly text: string; readonly color: string }>> | undefined;
  readonly stacked: boolean;
  /** Why the panel reads across jobs and instances (firing alerts of every job, say): the reason its job and instance lint exclusions give. */
  readonly spansJobs: string | undefined;
}

type PanelOptions = Partial<Omit<PanelDef, 'kind' | 'type' | 'title' | 'targets' | 'unit'>> & {
  title: string;
  unit: string;
  targets: readonly TargetDef[];
};

/** Every option a panel function reads; the compiler keeps the list complete. */
export const PANEL_OPTIONS = Object.keys({
  title: true, description: true, unit: true, targets: true, width: true, height: true, gridPos: true, alerts: true, quietWhenHealthy: true,
  shownUnder: true, min: true, max: true, thresholds: true, valueText: true, stacked: true, spansJobs: true,
} satisfies Record<keyof PanelOptions, true>);

function panel(type: PanelType, options: PanelOptions): PanelDef {
  return rememberUnknownKeys(definePanel(type, options), options, PANEL_OPTIONS);
}

function definePanel(type: PanelType, options: PanelOptions): PanelDef {
  return {
    kind: 'panel',
    type,
    title: options.title,
    description: options.description,
    unit: options.unit,
    targets: options.targets,
    width: options.width ?? (type === 'stat' ? 4 : 12),
    height: options.height ?? (type === 'stat' ? 4 : 8),
    gridPos: options.gridPos,
    alerts: options.alerts ?? [],
    quietWhenHealthy: options.quietWhenHealthy,
    shownUnder: options.shownUnder,
    min: options.min,
    max: options.max,
    thresholds: options.thresholds,
    valueText: options.valueText,
    stacked: options.stacked ?? false,
    spansJobs: options.spansJobs,
  };
}

export const timeseries = (options: PanelOptions) => panel('timeseries', options);
export const stat = (options: PanelOptions) => panel('stat', options);
export const heatmap = (options: PanelOptions) => panel('heatmap', options);
export const table = (options: PanelOptions) => panel('table', options);
export const barGauge = (options: PanelOptions) => panel('bargauge', options);
export const stateTimeline = (options: PanelOptions) => panel('statetimeline', options);

export interface RowDef {
  readonly kind: 'row';
  readonly title: string;
  readonly panels: readonly PanelDef[];
}

export function row(title: string, panels: readonly PanelDef[]): RowDef {
  return { kind: 'row', title, panels };
}

/** A dashboard variable holding the values of one label, from label_values(). */
export interface VariableDef {
  readonly name: string;
  readonly label: string;
  readonly source: MetricDef | SeriesRef | RecordingRef;
  readonly labelName: string;
}

export function labelVariable<M extends MetricDef>(metric: M, label: LabelName<M>, title?: string): VariableDef {
  return { name: label, label: title ?? label.replace(/_/g, ' ').replace(/^\w/, (c) => c.toUpperCase()), source: required(metric, 'the metric of labelVariable()'), labelName: label };
}

export interface DashboardDef {
  readonly kind: 'dashboard';
  /** snake_case; the dashboard uid is `<namespace>-<name>` (just `<name>` when it starts with the namespace), so it stays stable across renames of the title. */
  readonly name: string;
  /** An explicit Grafana uid (1–40 of letters, digits, - and _), for a dashboard that must keep the uid it already has. */
  readonly uid?: string;
  readonly title: string;
  /** One of the config's grafana.folders (by default Overview, Service, Infrastructure, Debugging). */
  readonly folder: Folder | (string & {});
  readonly description: string;
  readonly tags: readonly string[];
  /** The series job and instance variables list their values from. */
  readonly scope: MetricDef | SeriesRef | RecordingRef;
  readonly variables: readonly VariableDef[];
  readonly rows: readonly RowDef[];
  /** Why every panel reads across jobs and instances (a cluster-wide view, say): the reason its job and instance lint exclusions give. */
  readonly spansJobs?: string;
  /** Dashboards shown as links in the header, by definition name: `{ title: 'SLOs', dashboard: 'slos' }`. */
  readonly links?: readonly DashboardLinkDef[];
}

export interface DashboardLinkDef {
  readonly title: string;
  /** The linked dashboard's definition name. */
  readonly dashboard: string;
}

export function defineDashboard(
  dashboard: Omit<DashboardDef, 'kind' | 'tags' | 'variables'> & { tags?: readonly string[]; variables?: readonly VariableDef[] },
): DashboardDef {
  return Object.freeze({ kind: 'dashboard' as const, tags: [], variables: [], ...dashboard });
}
/** Every key a dashboard definition has; the compiler keeps the list complete. */
export const DASHBOARD_KEYS = Object.keys({
  kind: true, name: true, uid: true, title: true, folder: true, description: true, tags: true, scope: true, variables: true, rows: true, spansJobs: true, links: true,
} satisfies Record<keyof DashboardDef, true>);
