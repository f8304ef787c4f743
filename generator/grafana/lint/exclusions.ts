/**
 * The exclusions a dashboard needs, derived from what its definitions say, never written by hand:
 * a target is excused from `target-job-rule` / `target-instance-rule` only when every selector the
 * linter objects to reads a recording rule that aggregates that label away (the rule's own labels
 * say so), or the panel or its dashboard declares why it spans jobs (`spansJobs`). Each entry names
 * the dashboard, panel and target, with the reason; everything else the linter reports is a problem.
 */
import type { SextantConfig } from '../../config.ts';
import type { QueryContext } from '../../promql/context.ts';
import type { ModelDashboard } from '../../model/types.ts';
import { buildDashboard } from '../build.ts';
import type { LintDashboard } from './dashboard.ts';
import { expandVariables } from './expand.ts';
import { isExcluded, lintDashboard, type LintEntry, type LintExclusions, type LintFinding } from './lint.ts';
import { parseQuery } from './promql.ts';
import { LINT_RULES } from './rules.ts';

const MATCHER_RULES: Readonly<Record<string, 'job' | 'instance'>> = { 'target-job-rule': 'job', 'target-instance-rule': 'instance' };

export interface DashboardLint {
  readonly findings: readonly LintFinding[];
  /** Rule name → the entries that excuse some findings, each with its reason. */
  readonly exclusions: Readonly<Record<string, readonly LintEntry[]>>;
  /** Findings no exclusion covers: what the linter would report. */
  readonly reported: readonly LintFinding[];
}

/** Each dashboard's lint, for the context and config it was linted with: the check and the `.lint` files ask alike. */
const linted = new WeakMap<ModelDashboard, { readonly context: QueryContext; readonly config: SextantConfig; readonly lint: DashboardLint }>();

/**
 * Lints the JSON the dashboard is written as: built from the model by the builder the renderers
 * use, and read back as data, as the linter reads the file. Once per dashboard, context and config.
 */
export function lintModelDashboard(dashboard: ModelDashboard, context: QueryContext, config: SextantConfig): DashboardLint {
  const cached = linted.get(dashboard);
  if (cached?.context === context && cached.config === config) return cached.lint;
  const lint = lintAnew(dashboard, context, config);
  linted.set(dashboard, { context, config, lint });
  return lint;
}

function lintAnew(dashboard: ModelDashboard, context: QueryContext, config: SextantConfig): DashboardLint {
  const json: LintDashboard = JSON.parse(JSON.stringify(buildDashboard(dashboard, config)));
  const findings = lintDashboard(json);
  const exclusions: Record<string, LintEntry[]> = {};
  const seen = new Set<string>();
  for (const finding of findings) {
    const reason = excuse(finding, dashboard, json, context);
    const key = `${finding.rule.name}\0${finding.panel?.id}\0${finding.targetIdx}`;
    if (reason === undefined || seen.has(key)) continue;
    seen.add(key);
    (exclusions[finding.rule.name] ??= []).push({ dashboard: dashboard.title, panel: finding.panel?.title, targetidx: String(finding.targetIdx), reason });
  }
  const file: LintExclusions = Object.fromEntries(Object.entries(exclusions).map(([rule, entries]) => [rule, { entries }]));
  return { findings, exclusions, reported: findings.filter((finding) => !isExcluded(finding, dashboard.title, file)) };
}

/** Why the finding does not apply, from the definitions; undefined when it does. */
function excuse(finding: LintFinding, dashboard: ModelDashboard, json: LintDashboard, context: QueryContext): string | undefined {
  const label = MATCHER_RULES[finding.rule.name];
  if (!label || !finding.panel || finding.targetIdx === undefined) return undefined;
  const panel = dashboard.panels.find((p) => p.id === finding.panel?.id);
  const expr = panel?.targets[finding.targetIdx]?.expr;
  if (!panel || expr === undefined) return undefined;
  if (panel.spansJobs) return panel.spansJobs;
  const unnarrowed = parseQuery(expandVariables(expr, json.templating?.list ?? [])).selectors.filter(
    (s) => !s.matchers.some((m) => m.name === label && m.op === '=~' && m.value === `$${label}`),
  );
  const reasons = unnarrowed.map((s) => {
    const kept = context.recordings.get(s.name)?.labels;
    return kept && !kept.has(label) ? `${s.name} is a recording rule that keeps ${[...kept].sort().join(', ') || 'no labels'}: ${label} is aggregated away` : undefined;
  });
  return reasons.length > 0 && reasons.every((r) => r !== undefined) ? [...new Set(reasons)].join('; ') : undefined;
}

/**
 * The `.lint` file of one dashboard folder (the linter reads the one beside the dashboard): every
 * dashboard's exclusions, rules in the linter's order, or undefined when nothing needs excusing.
 */
export function folderLintFile(dashboards: readonly ModelDashboard[], context: QueryContext, config: SextantConfig): { exclusions: Record<string, { entries: LintEntry[] }> } | undefined {
  const byRule = new Map<string, LintEntry[]>();
  for (const dashboard of [...dashboards].sort((a, b) => a.uid.localeCompare(b.uid))) {
    for (const [rule, entries] of Object.entries(lintModelDashboard(dashboard, context, config).exclusions)) byRule.set(rule, [...(byRule.get(rule) ?? []), ...entries]);
  }
  if (byRule.size === 0) return undefined;
  const ordered = LINT_RULES.filter((rule) => byRule.has(rule.name));
  return { exclusions: Object.fromEntries(ordered.map((rule) => [rule.name, { entries: byRule.get(rule.name)! }])) };
}
