/**
 * Parses dashboard definitions (dashboards/*.ts) into the model: queries rendered under the
 * namespace, panels laid out on the grid and numbered, variables written. The model stops at the
 * layout: `grafana/build.ts` makes Grafana's JSON from it, for the renderers and the linter alike.
 */
import type { SextantConfig } from '../config.ts';
import { DASHBOARD_KEYS, PANEL_OPTIONS, PANEL_TYPES, TARGET_OPTIONS, type DashboardDef, type DashboardLinkDef, type PanelDef, type RowDef, type VariableDef } from '../dsl/dashboards.ts';
import { rememberedUnknownKeys, unknownKeyMessage, unknownKeys } from '../dsl/unknown-keys.ts';
import type { Problem } from '../problems.ts';
import type { DefinitionSource } from './build.ts';
import { definitionsOf } from './definitions.ts';
import { isQuery, resolveQuery } from './queries.ts';
import { resolverOf, type Resolver, type Selectable } from './resolve.ts';
import type { Model, ModelDashboard, ModelGridPos, ModelPanel, ModelRow } from './types.ts';

/** Grafana's grid is 24 columns wide. */
export const GRID_COLUMNS = 24;

const NAME = /^[a-z][a-z0-9_]*$/;

/**
 * A dashboard's uid: the one its definition gives, else `<namespace>-<name>` with dashes, stable
 * across title changes. A name that already says the namespace (`ledger`, `ledger_payments` in
 * namespace `ledger`) is not prefixed again: `ledger`, `ledger-payments`, never `ledger-ledger`.
 */
export function dashboardUid(namespace: string, name: string, uid?: string): string {
  if (uid !== undefined) return uid;
  const dashed = name.replace(/_/g, '-');
  return name === namespace || name.startsWith(`${namespace}_`) ? dashed : `${namespace}-${dashed}`;
}

/** Where Grafana serves a dashboard: links between dashboards use it. */
export function dashboardUrl(uid: string): string {
  return `/d/${uid}`;
}

/** `catalogue` is the model as buildModel() made it: its config and the domains that name the metrics. */
export function buildDashboards(sources: readonly DefinitionSource[], catalogue: Pick<Model, 'config' | 'domains'>): { dashboards: ModelDashboard[]; problems: Problem[] } {
  const config = catalogue.config;
  const resolver = resolverOf(catalogue);
  const problems: Problem[] = [];
  const dashboards: ModelDashboard[] = [];
  // Links name dashboards; every one's uid is known before any is resolved, so a link finds a later file's.
  const uids = new Map(
    sources
      .map((source) => source.value as Partial<DashboardDef> | undefined)
      .filter((definition) => typeof definition?.name === 'string')
      .map((definition) => [definition!.name!, dashboardUid(config.namespace, definition!.name!, uidOption(definition!.uid))] as const),
  );
  for (const { file, value, report } of definitionsOf<DashboardDef>(sources, 'dashboard', 'defineDashboard', 'dashboard', problems)) {
    // The fields are checked one by one below; from here it is read as the definition it claims to be.
    const definition = value as DashboardDef;
    if (!NAME.test(String(definition.name))) {
      report(String(definition.name || 'dashboard'), `dashboard name '${String(definition.name)}' must be snake_case (it names the uid)`);
      continue;
    }
    if (!config.grafana.folders.includes(definition.folder)) {
      report(definition.name, `folder '${String(definition.folder)}' is not one of the config's grafana.folders (${config.grafana.folders.join(', ')}); name one, or add it there`);
      continue;
    }
    for (const key of unknownKeys(definition, DASHBOARD_KEYS)) report(definition.name, unknownKeyMessage(key, DASHBOARD_KEYS, 'defineDashboard()'));
    for (const panel of panelsOf(definition)) {
      for (const key of rememberedUnknownKeys(panel)) report(`${definition.name} panel "${String(panel.title)}"`, unknownKeyMessage(key, PANEL_OPTIONS, 'the panel options'));
      for (const target of Array.isArray(panel.targets) ? panel.targets : []) {
        for (const key of rememberedUnknownKeys(target)) report(`${definition.name} panel "${String(panel.title)}"`, unknownKeyMessage(key, TARGET_OPTIONS, 'the target() options'));
      }
    }
    try {
      dashboards.push(resolve(file, definition, config, resolver, uids));
    } catch (error) {
      // A query interpolating something that is not a metric, series or rule (a mistyped property).
      report(definition.name, `cannot be built: ${(error as Error).message}`);
    }
  }
  return { dashboards, problems };
}

/** The panels of a definition as written, skipping what is not a list (the builder names that). */
function panelsOf(definition: DashboardDef): PanelDef[] {
  const rows = Array.isArray(definition.rows) ? (definition.rows as RowDef[]) : [];
  return rows.flatMap((row) => (Array.isArray(row?.panels) ? row.panels.filter((panel): panel is PanelDef => typeof panel === 'object' && panel !== null) : []));
}

/** A written uid as the dashboard-uids check sees it: anything but a string is kept as text to be refused. */
const uidOption = (uid: unknown): string | undefined => (uid === undefined ? undefined : String(uid));

function resolve(file: string, definition: DashboardDef, config: SextantConfig, resolver: Resolver, uids: ReadonlyMap<string, string>): ModelDashboard {
  const namespace = config.namespace;
  const uid = dashboardUid(namespace, definition.name, uidOption(definition.uid));
  const scope = resolver.name(seriesOf(definition.scope, 'scope'));
  const variables = [
    // Every scraped series has a job and an instance, so their 'All' is `.+` (Grafana's dashboard
    // linter asks for it); other labels may be absent on some series, so theirs stays `.*`.
    { name: 'job', label: 'Job', query: `label_values(${scope}, job)`, allValue: '.+' },
    { name: 'instance', label: 'Instance', query: `label_values(${scope}{job=~"$job"}, instance)`, allValue: '.+' },
    ...listOf<VariableDef>(definition.variables, 'variables', undefined, 'labelVariable(metric, label)').map((variable) => {
      const source = resolver.name(seriesOf(variable?.source, 'a variable'));
      return {
        name: variable.name,
        label: variable.label,
        query: `label_values(${source}{job=~"$job", instance=~"$instance"}, ${variable.labelName})`,
        allValue: '.*',
      };
    }),
  ];

  let nextId = 1;
  let y = 0;
  const rows: ModelRow[] = [];
  for (const row of listOf<RowDef>(definition.rows, 'rows', 'row', 'row(title, [panels…])')) {
    const rowId = nextId++;
    const rowY = y;
    y += 1;
    let x = 0;
    let lineHeight = 0;
    const panels: ModelPanel[] = [];
    for (const panel of listOf<PanelDef>(row.panels, `row '${row.title}' panels`, 'panel', 'timeseries({ … }), stat({ … })…')) {
      if (!(PANEL_TYPES as readonly string[]).includes(panel.type)) throw new Error(`panel '${panel.title}': type '${String(panel.type)}' is not one of ${PANEL_TYPES.join(', ')}`);
      if (panel.thresholds !== undefined) listOf(panel.thresholds, `panel '${panel.title}' thresholds`, undefined, '{ value, color } steps');
      let gridPos = panel.gridPos;
      if (!gridPos) {
        if (x + panel.width > GRID_COLUMNS) {
          x = 0;
          y += lineHeight;
          lineHeight = 0;
        }
        gridPos = { x, y, w: panel.width, h: panel.height };
        x += panel.width;
        lineHeight = Math.max(lineHeight, panel.height);
      }
      panels.push(resolvePanel(panel, nextId++, { ...gridPos }, definition, resolver));
    }
    y += lineHeight;
    rows.push({ id: rowId, title: row.title, gridPos: { x: 0, y: rowY, w: GRID_COLUMNS, h: 1 }, panels });
  }

  return {
    file,
    name: definition.name,
    uid,
    title: definition.title,
    folder: definition.folder,
    description: definition.description,
    tags: [namespace, definition.folder.toLowerCase(), ...listOf<string>(definition.tags, 'tags')],
    variables,
    links: (definition.links === undefined ? [] : listOf<DashboardLinkDef>(definition.links, 'links', undefined, '{ title, dashboard }')).map((link) => ({ title: String(link?.title), dashboard: String(link?.dashboard), uid: uids.get(String(link?.dashboard)) })),
    rows,
    panels: rows.flatMap((row) => row.panels),
  };
}

function resolvePanel(panel: PanelDef, id: number, gridPos: ModelGridPos, dashboard: DashboardDef, resolver: Resolver): ModelPanel {
  // A panel written without targets is one with no queries, which the dashboard-empty check names.
  const written = listOf<PanelDef['targets'][number]>(panel.targets ?? [], `panel '${panel.title}' targets`);
  const targets = written.map((target, index) => {
    if (!isQuery(target?.expr)) throw new Error(`panel '${panel.title}': queries must be written with the promql\`…\` template`);
    const query = resolveQuery(target.expr, resolver);
    return { refId: String.fromCharCode(65 + index), expr: query.text, reads: query.reads, legend: target.legend, instant: target.instant };
  });
  const helps = [...new Set(targets.flatMap((target) => target.reads.metrics.map((metric) => metric.help)))];
  return {
    id,
    title: panel.title,
    type: panel.type,
    description: panel.description ?? helps.join(' '),
    gridPos,
    targets,
    unit: panel.unit || undefined,
    min: panel.min,
    max: panel.max,
    thresholds: panel.thresholds,
    valueText: panel.valueText,
    stacked: panel.stacked,
    alerts: listOf<string>(panel.alerts, `panel '${panel.title}' alerts`),
    quietWhenHealthy: panel.quietWhenHealthy,
    shownUnder: panel.shownUnder,
    spansJobs: panel.spansJobs ?? dashboard.spansJobs,
  };
}

/**
 * The list a definition field must hold, each item of the DSL kind when `kind` is given; throws a
 * message naming the field otherwise (a plain object or a single item where a list belongs).
 */
function listOf<T>(value: unknown, field: string, kind?: string, written?: string): readonly T[] {
  if (!Array.isArray(value)) throw new Error(`${field} must be a list${written ? ` of ${written}` : ''}, got ${typeof value}`);
  if (kind && value.some((item) => typeof item !== 'object' || item === null || (item as { kind?: unknown }).kind !== kind)) {
    throw new Error(`${field} must hold only ${written}`);
  }
  return value as readonly T[];
}

/** The metric, histogram series or recording rule a dashboard or variable lists label values from. */
function seriesOf(value: unknown, what: string): Selectable {
  const kind = (value as { kind?: unknown } | undefined)?.kind;
  if (kind !== 'metric' && kind !== 'series' && kind !== 'recording') {
    throw new Error(`${what} must read a catalogue metric, bucketOf()/sumOf()/countOf() series or recording rule, got ${value === null ? 'null' : typeof value}`);
  }
  return value as Selectable;
}
