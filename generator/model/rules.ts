/**
 * Parses the rule files (alerts/*.ts) into the model: expressions resolved with what they read,
 * test series and record names named, all through the catalogue's resolver. Only shape is checked
 * here; content is for the checks.
 */
import { ALERT_KEYS, formatSeries, RECORDING_OPTIONS, RULES_KEYS, RUNBOOK_KEYS, TEST_OPTIONS, type AlertDef, type AlertTest, type ExpectedAlert, type ExprTest, type RecordingRuleDef, type RulesDef, type SeriesInput } from '../dsl/rules.ts';
import { rememberedUnknownKeys, unknownKeyMessage, unknownKeys } from '../dsl/unknown-keys.ts';
import type { Problem } from '../problems.ts';
import { isBlank } from '../validate/readable-text.ts';
import type { DefinitionSource } from './build.ts';
import { definitionsOf } from './definitions.ts';
import { isQuery, resolveQuery, type ResolvedQuery } from './queries.ts';
import { resolverOf } from './resolve.ts';
import { scenarioOf } from './scenario.ts';
import type { Model, ModelAlert, ModelRecordingRule, ModelRuleFile, ModelSeriesInput } from './types.ts';

const FILE_NAME = /^[a-z][a-z0-9_]*$/;

/** `catalogue` is the model as buildModel() made it: its config and the domains that name the metrics. */
export function buildRules(sources: readonly DefinitionSource[], catalogue: Pick<Model, 'config' | 'domains'>): { rules: ModelRuleFile[]; problems: Problem[] } {
  const resolver = resolverOf(catalogue);
  const problems: Problem[] = [];
  const rules: ModelRuleFile[] = [];
  const seen = new Map<string, string>();
  for (const { file, value, report } of definitionsOf<RulesDef>(sources, 'rules', 'defineRules', 'rules', problems)) {
    const name = String(value.name ?? '');
    if (!FILE_NAME.test(name)) {
      report(name || 'rules', `rules name '${name}' must be snake_case (it names the generated files)`);
      continue;
    }
    if (seen.has(name)) {
      report(name, `rules '${name}' are already defined in ${seen.get(name)}`);
      continue;
    }
    seen.set(name, file);
    for (const key of unknownKeys(value, RULES_KEYS)) report(name, unknownKeyMessage(key, RULES_KEYS, 'defineRules()'));
    /** A typo in test options (`sereis`) would drop what it set. */
    const reportTestKeys = (where: string, test: object) => {
      for (const key of rememberedUnknownKeys(test)) report(`${where}, test '${String((test as { name?: unknown }).name)}'`, unknownKeyMessage(key, TEST_OPTIONS, 'the test options'));
    };
    const render = (what: string, query: unknown): ResolvedQuery | undefined => {
      if (!isQuery(query)) {
        report(what, 'expr must be written with the promql`…` template');
        return undefined;
      }
      try {
        return resolveQuery(query, resolver);
      } catch (error) {
        // An interpolation that is not a metric, series or rule (a mistyped property is undefined).
        report(what, `expr cannot be rendered: ${(error as Error).message}`);
        return undefined;
      }
    };
    /** A list written where one is expected; anything else is reported and read as empty. */
    const list = <T>(what: string, value: unknown, expected: string): T[] => {
      if (value === undefined) return [];
      if (Array.isArray(value)) return value as T[];
      report(what, `${expected}, not ${typeof value === 'object' ? 'an object' : `the ${typeof value} ${JSON.stringify(value)}`}`);
      return [];
    };
    const series = (what: string, inputs: unknown): ModelSeriesInput[] =>
      list<SeriesInput>(what, inputs, 'series must be a list of input(metric, labels, values)').flatMap((input) => {
        try {
          if (typeof input?.values !== 'string') throw new Error('values must be a string in promtool notation such as 0+60x20');
          return [{ series: formatSeries(resolver.name(input.target), input.labels), values: input.values }];
        } catch (error) {
          // A target that is not a metric, series or rule (a mistyped property is undefined).
          report(what, `series must be written with input(metric, labels, values): ${(error as Error).message}`);
          return [];
        }
      });
    const isTest = (test: unknown, kinds: readonly string[]): test is { kind: string; name: unknown } =>
      typeof test === 'object' && test !== null && (kinds.length === 0 || kinds.includes((test as { kind?: string }).kind ?? ''));

    const recording: ModelRecordingRule[] = [];
    for (const rule of (value.recording ?? []) as RecordingRuleDef[]) {
      if (rule?.kind !== 'recording') {
        report(name, 'recording must list recordingRule(...) values');
        continue;
      }
      const query = render(`recording rule ${rule.record}`, rule.expr);
      if (query === undefined) continue;
      const where = `recording rule ${rule.record}`;
      for (const key of rememberedUnknownKeys(rule)) report(where, unknownKeyMessage(key, RECORDING_OPTIONS, 'recordingRule()'));
      if (rule.exported !== undefined && typeof rule.exported !== 'string') report(where, "exported must be a sentence saying who reads the rule outside the project (exported: 'federated to the global Prometheus')");
      const tests = list<ExprTest>(where, rule.tests, 'tests must be a list of evaluates(name, { at, series, samples })').filter((test) => {
        if (!isTest(test, [])) report(where, 'tests must be a list of evaluates(name, { at, series, samples })');
        else reportTestKeys(where, test);
        return isTest(test, []);
      });
      recording.push({
        file: file,
        written: rule.record,
        record: resolver.name(rule),
        expr: query.text,
        reads: query.reads,
        exported: typeof rule.exported === 'string' ? rule.exported : undefined,
        tests: tests.map((test) => ({
          name: String(test.name),
          at: String(test.at),
          series: series(`${where}, test '${test.name}'`, test.series),
          samples: list(`${where}, test '${test.name}'`, test.samples, 'samples must be a list of { labels, value }'),
        })),
      });
    }
    const alerts: ModelAlert[] = [];
    for (const definition of (value.alerts ?? []) as AlertDef[]) {
      if (definition?.kind !== 'alert') {
        report(name, 'alerts must list alert(...) values');
        continue;
      }
      const where = `alert ${definition.name}`;
      for (const key of unknownKeys(definition, ALERT_KEYS)) report(where, unknownKeyMessage(key, ALERT_KEYS, 'alert()'));
      for (const key of unknownKeys(definition.runbook, RUNBOOK_KEYS)) report(where, unknownKeyMessage(key, RUNBOOK_KEYS, 'the runbook'));
      const query = render(where, definition.expr);
      if (query === undefined) continue;
      const labels = definition.labels ?? {};
      if (typeof labels !== 'object' || Array.isArray(labels)) report(where, 'labels must be an object of label name to value, such as { team: "checkout" }');
      const tests = list<AlertTest>(where, definition.tests, 'tests must be a list of fires(...), silent(...) and pending(...)').filter((test) => {
        if (!isTest(test, ['fires', 'silent', 'pending'])) report(where, 'tests must be a list of fires(...), silent(...) and pending(...)');
        else reportTestKeys(where, test);
        return isTest(test, ['fires', 'silent', 'pending']);
      });
      alerts.push({
        file: file,
        name: String(definition.name),
        severity: String(definition.severity),
        for: String(definition.for),
        expr: query.text,
        reads: query.reads,
        labels: typeof labels === 'object' && !Array.isArray(labels) ? labels : {},
        summary: String(definition.summary ?? ''),
        description: String(definition.description ?? ''),
        runbook: {
          meaning: definition.runbook?.meaning ?? '',
          causes: definition.runbook?.causes ?? [],
          checks: definition.runbook?.checks ?? [],
          fix: list<unknown>(where, definition.runbook?.fix, 'runbook fix must be a list of steps').map(String),
          escalation: typeof definition.runbook?.escalation === 'string' ? definition.runbook.escalation : '',
          query: definition.runbook?.query === undefined ? undefined : render(`${where}, runbook query`, definition.runbook.query)?.text,
          panel: definition.runbook?.panel,
        },
        supersedes: list<unknown>(where, definition.supersedes, 'supersedes must be a list of alert names').map(String),
        impact: optionalText(definition.impact),
        scenario: scenarioOf(definition.scenario, resolver, (message) => report(where, message)),
        noScenario: optionalText(definition.noScenario),
        blindSpot: optionalText(definition.blindSpot),
        perInstance: optionalText(definition.perInstance),
        tests: tests.map((test) => ({
          kind: test.kind,
          name: String(test.name),
          at: String(test.at),
          series: series(`${where}, test '${test.name}'`, test.series),
          alerts: list<ExpectedAlert>(`${where}, test '${test.name}'`, test.alerts, 'alerts must be a list of { labels, summary, description }').filter((expected) => {
            const complete = typeof expected === 'object' && expected !== null && typeof expected.summary === 'string' && typeof expected.description === 'string';
            if (!complete) report(`${where}, test '${test.name}'`, 'each expected alert needs labels, and the summary and description it renders to');
            return complete;
          }),
        })),
      });
    }
    if (value.title !== undefined && isBlank(value.title)) report(name, 'title is empty or has no visible characters: give the rules file a title (it heads alerts.md), or leave title out to use the name');
    // Like a domain with no metrics: a rules file that defines nothing is a mistake or a leftover.
    if ((value.recording ?? []).length === 0 && (value.alerts ?? []).length === 0) report(name, 'rules file has no alerts and no recording rules: add them, or delete the file');
    rules.push({ name, title: String(value.title ?? name), file: file, recording, alerts });
  }
  return { rules, problems };
}

function optionalText(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
