/**
 * Grafana's dashboard linter (github.com/grafana/dashboard-linter, lint/rule_*.go) as a table: one
 * entry per rule, under the linter's own names, in its order, so its `.lint` exclusions files apply
 * as they are. The LogQL rules are left out: every generated target is Prometheus.
 */
import { datasourceUid, isPrometheusDashboard, templateQuery, templatesOf, type LintDashboard, type LintPanel, type LintTarget, type LintTemplate } from './dashboard.ts';
import { expandVariables, RATE_INTERVAL_SAMPLE } from './expand.ts';
import { parseQuery, type LintSelector, type ParsedQuery } from './promql.ts';
import { GRAFANA_UNITS } from './units.ts';

interface Common {
  readonly name: string;
  readonly description: string;
  /** What to change in the definition, appended to every message of the rule. */
  readonly fix: string;
}
export type LintRule =
  | (Common & { readonly level: 'dashboard'; lint(d: LintDashboard): string[] })
  | (Common & { readonly level: 'panel'; lint(d: LintDashboard, p: LintPanel): string[] })
  | (Common & { readonly level: 'target'; lint(d: LintDashboard, p: LintPanel, t: LintTarget): string[] });

const VALUE_PANELS = new Set(['stat', 'singlestat', 'graph', 'table', 'timeseries', 'gauge']);
/** Panel types whose queries the PromQL and rate-interval rules read (the linter's panelHasQueries). */
const QUERY_PANELS = new Set(['singlestat', 'gauge', 'table', 'stat', 'state-timeline', 'timeseries']);

/** A target's query as parsed, once for the four rules that read it (a target belongs to one dashboard). */
const parsedTargets = new WeakMap<LintTarget, ParsedQuery>();

function parsed(d: LintDashboard, t: LintTarget): ParsedQuery {
  let query = parsedTargets.get(t);
  if (!query) {
    query = parseQuery(expandVariables(t.expr ?? '', templatesOf(d)));
    parsedTargets.set(t, query);
  }
  return query;
}

/** The job and instance templates: a multi-select Prometheus query on $datasource whose 'All' is `.+`. */
function templateProblems(d: LintDashboard, name: 'job' | 'instance'): string[] {
  if (!isPrometheusDashboard(d)) return [];
  const t = templatesOf(d).find((template) => template.name === name);
  if (!t) return [`is missing the ${name} template`];
  const problems: string[] = [];
  const uid = datasourceUid(t.datasource);
  if (!['$datasource', '${datasource}', '$prometheus_datasource', '${prometheus_datasource}'].includes(uid)) {
    problems.push(`${name} template should use datasource '$datasource', is currently '${uid}'`);
  }
  if (t.type !== 'query') problems.push(`${name} template should be a Prometheus query, is currently '${t.type ?? ''}'`);
  const label = name[0]!.toUpperCase() + name.slice(1);
  if (t.label !== label) problems.push(`${name} template should be a labeled '${label}', is currently '${t.label ?? ''}' (warning)`);
  if (!t.multi) problems.push(`${name} template should be a multi select`);
  if (t.allValue !== '.+') problems.push(`${name} template allValue should be '.+', is currently '${t.allValue ?? ''}'`);
  return problems;
}

/** The matcher every selector needs: `name=~"$name"` (the linter's checkForMatcher). */
function matcherProblem(selector: LintSelector, name: string): string | undefined {
  let problem: string | undefined = `${name} selector not found`;
  for (const m of selector.matchers.filter((matcher) => matcher.name === name)) {
    if (m.op === '=~' && m.value === `$${name}`) return undefined;
    if (m.op !== '=~') problem = `${name} selector is ${m.op}, not =~`;
    if (m.value !== `$${name}`) problem = `${name} selector is ${m.value}, not $${name}`;
  }
  return problem;
}

function requiredMatcherRule(name: 'job' | 'instance', fix: string): LintRule {
  return {
    name: `target-${name}-rule`,
    level: 'target',
    description: `Checks that every PromQL query has a ${name} matcher.`,
    fix,
    lint(d, _p, t) {
      if (!isPrometheusDashboard(d)) return [];
      const query = parsed(d, t);
      if (query.syntaxError) return [];
      return query.selectors.flatMap((s) => matcherProblem(s, name) ?? []).map((problem) => `invalid PromQL query '${t.expr ?? ''}': ${problem}`);
    },
  };
}

function hasValueMappings(p: LintPanel): boolean {
  const override = (p.fieldConfig?.overrides ?? []).some((o) => (o.properties ?? []).some((prop) => prop.id === 'mappings' && prop.value != null));
  return override || p.fieldConfig?.defaults?.mappings != null;
}

function configuredUnit(p: LintPanel): string {
  let unit = '';
  for (const override of p.fieldConfig?.overrides ?? []) for (const prop of override.properties ?? []) if (prop.id === 'unit') unit = String(prop.value);
  return unit || (p.fieldConfig?.defaults?.unit ?? '');
}

/** `label_values(up{job=~"$job"}, namespace)`: the function, and the query the linter parses from its argument. */
const TEMPLATED_LABEL = /([a-z_]+)\((.+)\)/;
const TEMPLATE_FUNCTIONS = new Set(['label_names', 'label_values', 'metrics', 'query_result']);

function templateLabelProblem(t: LintTemplate, d: LintDashboard): string | undefined {
  const query = templateQuery(t);
  const match = TEMPLATED_LABEL.exec(query);
  if (!match) return `invalid 'query': ${query}`;
  if (!TEMPLATE_FUNCTIONS.has(match[1]!)) return `invalid 'function': ${match[1]}`;
  // Prometheus' parser keeps what it read before `, label`; only an error inside the selector fails.
  const selector = leadingArgument(match[2]!);
  const error = parseQuery(expandVariables(selector, templatesOf(d))).syntaxError;
  return error ? `${error} in '${selector}'` : undefined;
}

/** The argument up to its first top-level comma. */
function leadingArgument(args: string): string {
  let depth = 0;
  let quote = '';
  for (let i = 0; i < args.length; i++) {
    const c = args[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'" || c === '`') quote = c;
    else if ('({['.includes(c)) depth++;
    else if (')}]'.includes(c)) depth--;
    else if (c === ',' && depth === 0) return args.slice(0, i);
  }
  return args;
}

export const LINT_RULES: readonly LintRule[] = [
  {
    name: 'template-datasource-rule',
    level: 'dashboard',
    description: 'Checks that the dashboard has a templated datasource.',
    fix: "give the dashboard one datasource variable named 'datasource', labelled 'Data source'",
    lint(d) {
      const sources = templatesOf(d).filter((t) => t.type?.toLowerCase() === 'datasource');
      const problems = sources.length === 0 ? ['does not have a templated data source'] : [];
      for (const source of sources) {
        const query = templateQuery(source);
        const uid = `${query.toLowerCase()}_datasource`;
        const label = `${query.charAt(0).toUpperCase()}${query.slice(1).toLowerCase()} data source`;
        const names = sources.length === 1 ? [uid, 'datasource'] : [uid];
        const labels = sources.length === 1 ? [label, 'Data source'] : [label];
        if (!names.includes(source.name ?? '')) problems.push(`templated data source variable named '${source.name ?? ''}', should be named '${names.join("' or '")}'`);
        if (!labels.includes(source.label ?? '')) problems.push(`templated data source variable labeled '${source.label ?? ''}', should be labeled '${labels.join("' or '")}' (warning)`);
      }
      return problems;
    },
  },
  {
    name: 'template-job-rule',
    level: 'dashboard',
    description: 'Checks that the dashboard has a templated job.',
    fix: 'the generator writes the job variable; keep its allValue .+ and multi-select',
    lint: (d) => templateProblems(d, 'job'),
  },
  {
    name: 'template-instance-rule',
    level: 'dashboard',
    description: 'Checks that the dashboard has a templated instance.',
    fix: 'the generator writes the instance variable; keep its allValue .+ and multi-select',
    lint: (d) => templateProblems(d, 'instance'),
  },
  {
    name: 'template-label-promql-rule',
    level: 'dashboard',
    description: 'Checks that the dashboard templated labels have proper PromQL expressions.',
    fix: 'write the variable as label_values(<selector>, <label>) over a valid selector',
    lint(d) {
      if (!isPrometheusDashboard(d)) return [];
      return templatesOf(d)
        .filter((t) => t.type === 'query')
        .flatMap((t) => {
          const problem = templateLabelProblem(t, d);
          return problem ? [`template '${t.name ?? ''}' invalid templated label '${templateQuery(t)}': ${problem}`] : [];
        });
    },
  },
  {
    name: 'template-on-time-change-reload-rule',
    level: 'dashboard',
    description: 'Checks that the dashboard template variables are configured to reload on time change.',
    fix: 'query variables refresh on time range change (refresh: 2)',
    lint: (d) =>
      templatesOf(d)
        .filter((t) => t.type === 'query' && t.refresh !== 2)
        .map((t) => `templated datasource variable named '${t.name ?? ''}', should be set to be refreshed 'On Time Range Change (value 2)', is currently '${t.refresh ?? 0}'`),
  },
  {
    name: 'panel-datasource-rule',
    level: 'panel',
    description: 'Checks that each panel uses the templated datasource.',
    fix: 'panels read ${datasource}, never a fixed datasource',
    lint(d, p) {
      if (!['singlestat', 'graph', 'table', 'timeseries'].includes(p.type ?? '')) return [];
      const allowed = templatesOf(d)
        .filter((t) => t.type?.toLowerCase() === 'datasource')
        .flatMap((t) => [`$${t.name ?? ''}`, `\${${t.name ?? ''}}`]);
      const uid = datasourceUid(p.datasource);
      return allowed.includes(uid) ? [] : [`does not use a templated datasource, uses '${uid}'`];
    },
  },
  {
    name: 'panel-title-description-rule',
    level: 'panel',
    description: 'Checks that each panel has a title and description.',
    fix: 'give the panel a title and a description of what it shows',
    lint: (_d, p) =>
      VALUE_PANELS.has(p.type ?? '') && (!p.title || !p.description)
        ? [`has missing title or description, currently has title '${p.title ?? ''}' and description: '${p.description ?? ''}'`]
        : [],
  },
  {
    name: 'panel-units-rule',
    level: 'panel',
    description: 'Checks that each panel uses has valid units defined.',
    fix: 'set one of Grafana\'s unit ids (reqps, s, bytes, percentunit, short…)',
    lint(_d, p) {
      if (!VALUE_PANELS.has(p.type ?? '')) return [];
      if (p.type === 'stat' && p.options?.reduceOptions?.fields) return [];
      if (hasValueMappings(p)) return [];
      const unit = configuredUnit(p);
      return unit && GRAFANA_UNITS.has(unit) ? [] : [`has no or invalid units defined: '${unit}'`];
    },
  },
  {
    name: 'panel-no-targets-rule',
    level: 'panel',
    description: 'Checks that each panel has at least one target.',
    fix: 'give the panel a query',
    lint: (_d, p) => (VALUE_PANELS.has(p.type ?? '') && p.targets == null ? ['has no targets'] : []),
  },
  {
    name: 'target-promql-rule',
    level: 'target',
    description: 'Checks that each target uses a valid PromQL query.',
    fix: 'write a query Prometheus parses',
    lint(d, p, t) {
      if (!isPrometheusDashboard(d) || !QUERY_PANELS.has(p.type ?? '')) return [];
      const problems: string[] = [];
      if (!t.expr && (t.panelId ?? 0) > 0 && !(d.panels ?? []).some((other) => other.id === t.panelId)) problems.push('Invalid panel reference in target');
      const error = parsed(d, t).syntaxError;
      if (error) problems.push(`invalid PromQL query '${t.expr ?? ''}': ${error}`);
      return problems;
    },
  },
  {
    name: 'target-rate-interval-rule',
    level: 'target',
    description: 'Checks that each target uses $__rate_interval.',
    fix: 'take rate() and irate() over [$__rate_interval]',
    lint(d, p, t) {
      if (!isPrometheusDashboard(d) || !QUERY_PANELS.has(p.type ?? '')) return [];
      const query = parsed(d, t);
      if (query.syntaxError) return [];
      // The linter stops at the first range it objects to.
      for (const range of query.ranges) {
        if (range.window === RATE_INTERVAL_SAMPLE || range.call === null) continue;
        if (range.call === undefined) return [`invalid PromQL query '${t.expr ?? ''}': $__rate_interval used in non-rate function`];
        if (range.call === 'rate' || range.call === 'irate') return [`invalid PromQL query '${t.expr ?? ''}': should use $__rate_interval`];
      }
      return [];
    },
  },
  requiredMatcherRule('job', 'narrow every selector with job=~"$job" (sel() and rec() do), or give the panel or dashboard `spansJobs: \'why\'`'),
  requiredMatcherRule('instance', 'narrow every selector with instance=~"$instance" (sel() and rec() do), or give the panel or dashboard `spansJobs: \'why\'`'),
  {
    name: 'target-counter-agg-rule',
    level: 'target',
    description: 'Checks that any counter metric (ending in _total) is aggregated with rate, irate, or increase.',
    fix: 'read counters through rate(), irate() or increase()',
    lint(d, _p, t) {
      const query = parsed(d, t);
      if (query.syntaxError) return [];
      // Prometheus prints matchers and modifiers after the name, so only a bare `x_total` ends in _total.
      const bare = query.selectors.find((s) => !s.modified && s.text.endsWith('_total') && !['rate', 'irate', 'increase'].includes(s.range?.call ?? ''));
      return bare ? [`counter metric '${bare.text}' is not aggregated with rate, irate, or increase`] : [];
    },
  },
  {
    name: 'uneditable-dashboard',
    level: 'dashboard',
    description: 'Checks that the dashboard is not editable.',
    fix: 'generated dashboards are provisioned read-only (editable: false)',
    lint: (d) => (d.editable ? ["is editable, it should be set to 'editable: false'"] : []),
  },
];
