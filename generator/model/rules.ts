/**
 * Parses the rule files (alerts/*.ts) into the model: expressions and test series rendered under
 * the namespace, record names qualified. Only shape is checked here; content is for the checks.
 */
import type { SextantConfig } from '../config.ts';
import { seriesText, type AlertDef, type AlertTest, type ExprTest, type RecordingRuleDef, type RulesDef, type SeriesInput } from '../dsl/rules.ts';
import type { Problem } from '../problems.ts';
import { Query } from '../promql/query.ts';
import type { DefinitionSource } from './build.ts';
import type { ModelAlert, ModelRecordingRule, ModelRuleFile, ModelSeriesInput } from './types.ts';

const FILE_NAME = /^[a-z][a-z0-9_]*$/;
const RULE = 'definition-shape';

export function buildRules(sources: readonly DefinitionSource[], config: SextantConfig): { rules: ModelRuleFile[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const rules: ModelRuleFile[] = [];
  const seen = new Map<string, string>();
  for (const source of sources) {
    const report = (definition: string, message: string) => problems.push({ file: source.file, definition, rule: RULE, message });
    const value = source.value as Partial<RulesDef> | undefined;
    if (typeof value !== 'object' || value === null || value.kind !== 'rules') {
      report('default export', 'a rules file must `export default defineRules({ ... })`');
      continue;
    }
    const name = String(value.name ?? '');
    if (!FILE_NAME.test(name)) {
      report(name || 'rules', `rules name '${name}' must be snake_case (it names the generated files)`);
      continue;
    }
    if (seen.has(name)) {
      report(name, `rules '${name}' are already defined in ${seen.get(name)}`);
      continue;
    }
    seen.set(name, source.file);
    const render = (what: string, query: unknown): string | undefined => {
      if (!(query instanceof Query)) {
        report(what, 'expr must be written with the promql`…` template');
        return undefined;
      }
      try {
        return query.render(config.namespace);
      } catch (error) {
        // An interpolation that is not a metric, series or rule (a mistyped property is undefined).
        report(what, `expr cannot be rendered: ${(error as Error).message}`);
        return undefined;
      }
    };
    const series = (inputs: readonly SeriesInput[] | undefined): ModelSeriesInput[] =>
      (inputs ?? []).map((input) => ({ series: seriesText(input, config.namespace), values: String(input.values) }));

    const recording: ModelRecordingRule[] = [];
    for (const rule of (value.recording ?? []) as RecordingRuleDef[]) {
      if (rule?.kind !== 'recording') {
        report(name, 'recording must list recordingRule(...) values');
        continue;
      }
      const expr = render(`recording rule ${rule.record}`, rule.expr);
      if (expr === undefined) continue;
      recording.push({
        file: source.file,
        written: rule.record,
        record: rule.qualifiedRecord(config.namespace),
        expr,
        tests: (rule.tests ?? []).map((test: ExprTest) => ({ name: test.name, at: test.at, series: series(test.series), samples: test.samples ?? [] })),
      });
    }
    const alerts: ModelAlert[] = [];
    for (const definition of (value.alerts ?? []) as AlertDef[]) {
      if (definition?.kind !== 'alert') {
        report(name, 'alerts must list alert(...) values');
        continue;
      }
      const expr = render(`alert ${definition.name}`, definition.expr);
      if (expr === undefined) continue;
      alerts.push({
        file: source.file,
        name: String(definition.name),
        severity: String(definition.severity),
        for: String(definition.for),
        expr,
        labels: definition.labels ?? {},
        summary: String(definition.summary ?? ''),
        description: String(definition.description ?? ''),
        runbook: { meaning: definition.runbook?.meaning ?? '', causes: definition.runbook?.causes ?? [], checks: definition.runbook?.checks ?? [] },
        supersedes: Array.isArray(definition.supersedes) ? definition.supersedes.map(String) : [],
        tests: (definition.tests ?? []).map((test: AlertTest) => ({
          kind: test.kind,
          name: test.name,
          at: test.at,
          series: series(test.series),
          alerts: test.alerts ?? [],
        })),
      });
    }
    rules.push({ name, title: String(value.title ?? name), file: source.file, recording, alerts });
  }
  return { rules, problems };
}
