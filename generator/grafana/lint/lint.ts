/**
 * Runs the linter's rules over one dashboard and applies a `.lint` exclusions file the way the
 * linter does (lint/configuration.go): an entry matches a finding when every field it sets agrees.
 */
import { lintPanels, type LintDashboard } from './dashboard.ts';
import { LINT_RULES, type LintRule } from './rules.ts';

export interface LintFinding {
  readonly rule: LintRule;
  readonly panel: { readonly id: number | undefined; readonly title: string } | undefined;
  readonly targetIdx: number | undefined;
  readonly message: string;
}

export function lintDashboard(dashboard: LintDashboard, rules: readonly LintRule[] = LINT_RULES): LintFinding[] {
  const findings: LintFinding[] = [];
  const panels = lintPanels(dashboard);
  for (const rule of rules) {
    if (rule.level === 'dashboard') {
      for (const message of rule.lint(dashboard)) findings.push({ rule, panel: undefined, targetIdx: undefined, message });
      continue;
    }
    for (const panel of panels) {
      const where = { id: panel.id, title: panel.title ?? '' };
      if (rule.level === 'panel') {
        for (const message of rule.lint(dashboard, panel)) findings.push({ rule, panel: where, targetIdx: undefined, message });
        continue;
      }
      (panel.targets ?? []).forEach((target, targetIdx) => {
        for (const message of rule.lint(dashboard, panel, target)) findings.push({ rule, panel: where, targetIdx, message });
      });
    }
  }
  return findings;
}

/** One entry of a `.lint` file; `targetidx` is spelled as the linter's YAML decoder reads the untagged TargetIdx field. */
export interface LintEntry {
  readonly dashboard?: string;
  readonly panel?: string;
  readonly targetidx?: string;
  readonly reason?: string;
}

/** `exclusions:` of a `.lint` file: rule name → reason and entries (no entries: the whole rule). */
export type LintExclusions = Readonly<Record<string, { readonly reason?: string; readonly entries?: readonly LintEntry[] } | null>>;

export function isExcluded(finding: LintFinding, dashboardTitle: string, exclusions: LintExclusions): boolean {
  if (!(finding.rule.name in exclusions)) return false;
  const entries = exclusions[finding.rule.name]?.entries ?? [];
  return entries.length === 0 || entries.some((entry) => entryMatches(entry, finding, dashboardTitle));
}

function entryMatches(entry: LintEntry, finding: LintFinding, dashboardTitle: string): boolean {
  if (entry.dashboard && entry.dashboard !== dashboardTitle) return false;
  if (entry.panel && finding.panel && entry.panel !== finding.panel.title) return false;
  if (entry.targetidx && finding.targetIdx !== undefined && /^-?\d+$/.test(entry.targetidx) && Number(entry.targetidx) !== finding.targetIdx) return false;
  return true;
}
