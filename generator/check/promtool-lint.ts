/**
 * `promtool check rules --lint=all --lint-fatal` on the rendered rule files: Prometheus's own parser
 * and linter. Parse errors name their rule (validate/promtool.ts maps them); a lint finding names only
 * the rule's name (`Metric: X`), which is traced back to the alert or recording rule called so.
 */
import { join } from 'node:path';
import type { Model } from '../model/types.ts';
import { formatReport, sortProblems, type Problem } from '../problems.ts';
import { alertProblem, allAlerts, allRecordings, recordingProblem } from '../validate/rule-problem.ts';
import { ruleFileProblems } from '../validate/promtool.ts';
import { environmentRuleFilePaths, ruleFilePath } from '../render/rules.ts';
import { NOT_RENDERED, requireTool } from './prerequisites.ts';
import { failed, passed, toolSaid, type CheckStep } from './step.ts';

export const PROMTOOL_LINT_RULE = 'promtool-lint';
/** promtool 2.53's one lint: `lint error 1 duplicate rule(s) found.\nMetric: X\nLabel(s):\n\tname: value…\nMight cause…` */
const DUPLICATE = /(?:lint error )?(\d+) duplicate rule\(s\) found\.\nMetric: (\S+)\nLabel\(s\):\n((?:\t.*\n)*)(?:Might cause [^\n]*\n?)?/g;

export const promtoolLintStep: CheckStep = {
  id: 'promtool-lint',
  title: 'promtool check rules --lint=all',
  async run(context) {
    const promtool = requireTool(context, 'promtool');
    if (typeof promtool !== 'string') return promtool;
    const rendered = await context.rendered();
    if (!rendered) return NOT_RENDERED;
    // The default rule files and each environment's own copies: every file some Prometheus loads.
    const { model } = rendered;
    const files = [...new Set([...model.rules.map((file) => ruleFilePath(file)), ...(model.environments ?? []).flatMap(({ name }) => environmentRuleFilePaths(model, name))])];
    if (files.length === 0) return passed('no rule files');
    const run = await context.exec(promtool, ['check', 'rules', '--lint=all', '--lint-fatal', ...files], join(rendered.dir, 'prometheus'));
    if (run.code === 0) return passed(`${files.length} files`);
    const output = `${run.stdout}\n${run.stderr}`;
    const lint = [...output.matchAll(DUPLICATE)].map(([, count, name, labels]) => duplicateProblem(rendered.model, Number(count), name!, labels!));
    const rest = output.replace(DUPLICATE, '');
    const refused = toolSaid(rest, /^(Checking |SUCCESS|FAILED:)/).length > 0 ? ruleFileProblems(rendered.model, rest) : [];
    return failed(formatReport(sortProblems([...lint, ...refused])));
  },
};

function duplicateProblem(model: Model, count: number, name: string, labels: string): Problem {
  const shown = labels.trim().split('\n').map((line) => line.trim()).filter(Boolean).join(', ') || 'none';
  const message = `promtool's linter (duplicate-rules) refuses the rule file: ${count} duplicate rule(s) with this name, the same expression and labels (${shown}), which Prometheus would evaluate twice; remove the copy`;
  const alert = allAlerts(model.rules).find((a) => a.name === name);
  if (alert) return alertProblem(alert, PROMTOOL_LINT_RULE, message);
  const recording = allRecordings(model.rules).find((r) => r.record === name);
  if (recording) return recordingProblem(recording, PROMTOOL_LINT_RULE, message);
  return { file: 'alerts/', definition: `rule ${name}`, check: PROMTOOL_LINT_RULE, message };
}
