/**
 * `prometheus/rules/<name>.rules.yml` and `prometheus/tests/<name>.test.yml`: each rule file with
 * the promtool unit tests its definitions carry, one recording and one alerting group per file. An
 * environment whose thresholds change a file gets its own copy, `<name>.<environment>.rules.yml`
 * with its tests (`<name>.<environment>.test.yml`); every other file is shared.
 */
import { formatSeries, TEST_INTERVAL } from '../dsl/rules.ts';
import type { Model, ModelAlert, ModelAlertTest, ModelEnvironment, ModelExprTest, ModelRecordingRule, ModelRuleFile, ModelSeriesInput } from '../model/types.ts';
import { durationText, edgeCases, edgePlan, edgeStep, type EdgeCase, type EdgeStep } from '../rules/edges.ts';
import { runbookPanel, runbookUrl } from './runbook.ts';
import type { GeneratedFile, Stage } from './stage.ts';
import { toYaml } from './yaml.ts';

/** What a stage of this module renders: the rule files, or the promtool tests of them. */
type Part = 'rules' | 'tests';

function rulesAndTests(part: Part): Stage['render'] {
  return (model) => [
    ...model.rules.flatMap((file) => ruleFileOutputs(model, file, DEFAULT_STEM, part)),
    ...(model.environments ?? []).flatMap((environment) => {
      const stem = stemIn(model, environment);
      const own = ownRuleFiles(model, environment);
      const inEnvironment = { ...model, rules: environment.rules };
      // Its own files, and the tests of every file that loads one of them.
      return environment.rules
        .filter((file) => ruleFilesRead(inEnvironment, file).some((read) => own.has(read.name)))
        .flatMap((file) => ruleFileOutputs(inEnvironment, file, stem, part).filter((output) => own.has(file.name) || !output.path.startsWith('prometheus/rules/')));
    }),
  ];
}

/** The rule files: a stage apart from their tests, so promtool checks them while the tests render. */
export const ruleFilesStage: Stage = { name: 'prometheus rules', render: rulesAndTests('rules') };
export const ruleTestsStage: Stage = { name: 'promtool tests of the rules', render: rulesAndTests('tests') };

/** A rule file's name in paths: `http`, or `http.production` for an environment's own copy. */
type Stem = (file: ModelRuleFile) => string;
const DEFAULT_STEM: Stem = (file) => file.name;

function ruleFileOutputs(model: Model, file: ModelRuleFile, stem: Stem, part?: Part): GeneratedFile[] {
  const rules = (): GeneratedFile[] => [{ path: `prometheus/rules/${stem(file)}.rules.yml`, content: renderRuleFile(model, file) }];
  const tests = (): GeneratedFile[] => {
    const edges = edgeTestFile(model, file, stem);
    return [
      { path: `prometheus/tests/${stem(file)}.test.yml`, content: toYaml(testFile(model, file, stem)) },
      ...(edges ? [{ path: `prometheus/tests/${stem(file)}.edges.test.yml`, content: toYaml(edges) }] : []),
    ];
  };
  return part === 'rules' ? rules() : part === 'tests' ? tests() : [...rules(), ...tests()];
}

export const ruleFilePath = (file: ModelRuleFile, stem: Stem = DEFAULT_STEM): string => `rules/${stem(file)}.rules.yml`;

/** The rule files an environment's Prometheus loads: its own copies, and the default files for the rest. */
export function environmentRuleFilePaths(model: Model, environmentName: string): string[] {
  const environment = model.environments?.find(({ name }) => name === environmentName);
  if (!environment) return model.rules.map((file) => ruleFilePath(file));
  return environment.rules.map((file) => ruleFilePath(file, stemIn(model, environment)));
}

function stemIn(model: Model, environment: ModelEnvironment): Stem {
  const own = ownRuleFiles(model, environment);
  return (file) => (own.has(file.name) ? `${file.name}.${environment.name}` : file.name);
}

const owned = new WeakMap<ModelEnvironment, ReadonlySet<string>>();

/**
 * The names of the rule files an environment's values change: their rules, tests or edge cases
 * render differently from the default ones. It gets its own copy of those, and of nothing else.
 */
export function ownRuleFiles(model: Model, environment: ModelEnvironment): ReadonlySet<string> {
  let own = owned.get(environment);
  if (own === undefined) {
    const inEnvironment = { ...model, rules: environment.rules };
    const rendered = (model: Model, file: ModelRuleFile) => ruleFileOutputs(model, file, DEFAULT_STEM).map((output) => output.content).join('\n---\n');
    const defaults = new Map(model.rules.map((file) => [file.name, file]));
    own = new Set(
      environment.rules
        .filter((file) => {
          const base = defaults.get(file.name);
          return base === undefined || rendered(inEnvironment, file) !== rendered(model, base);
        })
        .map((file) => file.name),
    );
    owned.set(environment, own);
  }
  return own;
}

/** The YAML of one rule file, as Prometheus loads it. */
export function renderRuleFile(model: Model, file: ModelRuleFile): string {
  return toYaml(ruleFile(model, file));
}

/** A rule file as data: `{ groups }`, shared by the plain files and the PrometheusRule objects. */
export function ruleFile(model: Model, file: ModelRuleFile) {
  const groups = [];
  if (file.recording.length > 0) {
    groups.push({ name: `${file.name}.recording`, rules: file.recording.map((rule) => ({ record: rule.record, expr: rule.expr })) });
  }
  if (file.alerts.length > 0) {
    groups.push({ name: `${file.name}.alerts`, rules: file.alerts.map((alert) => alertRule(model, alert)) });
  }
  return { groups };
}

function alertRule(model: Model, alert: ModelAlert) {
  return {
    alert: alert.name,
    expr: alert.expr,
    for: alert.for,
    labels: { ...alert.labels, severity: alert.severity },
    annotations: annotations(model, alert, alert),
  };
}

function annotations(model: Model, alert: ModelAlert, text: { summary: string; description: string }) {
  const panel = runbookPanel(model, alert);
  return { summary: text.summary, description: text.description, runbook_url: runbookUrl(model.config, alert.name), ...(panel && { dashboard_url: panel.url }) };
}

/** A test group's name in the test file: what promtool names when it fails, traced back by `check`. */
export const alertTestName = (alert: ModelAlert, test: ModelAlertTest): string =>
  `${alert.name} ${test.kind === 'fires' ? 'fires' : test.kind === 'pending' ? 'is pending' : 'stays silent'}: ${test.name}`;
export const recordingTestName = (rule: ModelRecordingRule, test: ModelExprTest): string => `${rule.record}: ${test.name}`;

function testFile(model: Model, file: ModelRuleFile, stem: Stem) {
  const recorded = [];
  for (const rule of file.recording) {
    for (const test of rule.tests) {
      recorded.push({
        name: recordingTestName(rule, test),
        interval: TEST_INTERVAL,
        input_series: inputSeries(test.series),
        promql_expr_test: [
          {
            expr: rule.record,
            eval_time: test.at,
            exp_samples: test.samples.map((sample) => ({ labels: formatSeries(rule.record, sample.labels), value: sample.value })),
          },
        ],
      });
    }
  }
  const alerted = [];
  for (const alert of file.alerts) {
    for (const test of alert.tests) {
      alerted.push({
        name: alertTestName(alert, test),
        interval: TEST_INTERVAL,
        input_series: inputSeries(test.series),
        alert_rule_test: [
          {
            eval_time: test.at,
            alertname: alert.name,
            exp_alerts: test.alerts.map((expected) => ({
              exp_labels: { ...alert.labels, ...expected.labels, severity: alert.severity },
              exp_annotations: annotations(model, alert, expected),
            })),
          },
        ],
      });
    }
  }
  return {
    rule_files: ruleFilesRead(model, file).map((other) => `../${ruleFilePath(other, stem)}`),
    evaluation_interval: TEST_INTERVAL,
    tests: sharingSeries([...recorded, ...alerted]),
  };
}

/**
 * The generated edge cases of a file's alerts (`rules/edges.ts`), in their own file: a test file has
 * one evaluation interval, the coarsest that proves the same cases as production's (`edgeStep`).
 */
function edgeTestFile(model: Model, file: ModelRuleFile, stem: Stem) {
  const edges = edgeCasesOf(model, file);
  if (!edges) return undefined;
  const { step } = edges;
  const cases = edges.alerts.flatMap(({ alert, cases }) =>
    cases.map((edge) => ({
      name: edgeTestName(alert, edge),
      interval: durationText(step.scrape),
      input_series: inputSeries(edge.series),
      promql_expr_test: [
        {
          expr: edgeExpr(alert),
          eval_time: durationText(edge.at),
          exp_samples: edge.expect ? [{ labels: `{alertstate="${edge.expect.state}"}`, value: edge.expect.count }] : [],
        },
      ],
    })),
  );
  return {
    rule_files: ruleFilesRead(model, file).map((other) => `../${ruleFilePath(other, stem)}`),
    evaluation_interval: durationText(step.evaluation),
    tests: sharingSeries(cases),
  };
}

interface TestGroup {
  readonly name: string;
  readonly interval: string;
  readonly input_series: readonly { readonly series: string; readonly values: string }[];
  readonly promql_expr_test?: readonly object[];
  readonly alert_rule_test?: readonly object[];
}

/** Between the names of the tests a group holds: `check` finds a failing alert test's name in it. */
export const GROUP_SEPARATOR = '; ';

/**
 * Test groups with the same input series as one group, named after all of them: promtool builds a
 * fresh storage and rule manager for every group (about 12 ms of CPU, more on a loaded disk), and
 * checks each expectation of a group on its own at its own time, so a group per series proves what a
 * group per test did. `check` traces a failure by the expression or alert and the time it names.
 */
function sharingSeries(groups: readonly TestGroup[]): TestGroup[] {
  const merged = new Map<string, TestGroup>();
  const joined = (a: readonly object[] | undefined, b: readonly object[] | undefined) => (a || b ? [...(a ?? []), ...(b ?? [])] : undefined);
  for (const group of groups) {
    const key = JSON.stringify([group.interval, group.input_series]);
    const same = merged.get(key);
    if (!same) {
      merged.set(key, group);
      continue;
    }
    const promql = joined(same.promql_expr_test, group.promql_expr_test);
    const alerts = joined(same.alert_rule_test, group.alert_rule_test);
    merged.set(key, { name: `${same.name}${GROUP_SEPARATOR}${group.name}`, interval: same.interval, input_series: same.input_series, ...(alerts && { alert_rule_test: alerts }), ...(promql && { promql_expr_test: promql }) });
  }
  return [...merged.values()];
}

/** The edge cases of a file's alerts and the step they run at; undefined when no alert has a scenario. */
export function edgeCasesOf(model: Model, file: ModelRuleFile): { step: EdgeStep; alerts: { alert: ModelAlert; cases: EdgeCase[] }[] } | undefined {
  const planned = file.alerts.flatMap((alert) => {
    const verdict = edgePlan(model, alert);
    return verdict.kind === 'plan' && alert.scenario ? [{ alert, scenario: alert.scenario, plan: verdict.plan }] : [];
  });
  if (planned.length === 0) return undefined;
  const step = edgeStep(model, planned);
  return { step, alerts: planned.map(({ alert, scenario, plan }) => ({ alert, cases: edgeCases(model, scenario, plan, step) })) };
}

export const edgeTestName = (alert: ModelAlert, edge: EdgeCase): string => `${alert.name} ${edge.name}`;
/** What an edge case asserts: the alert's ALERTS series counted by state; `check` traces failures back by it. */
export const edgeExpr = (alert: ModelAlert): string => `count by (alertstate) (ALERTS{alertname="${alert.name}"})`;

function inputSeries(series: readonly ModelSeriesInput[]) {
  return series.map((input) => ({ series: input.series, values: input.values }));
}


/**
 * The rule files a file's tests load: itself and, transitively, the files whose recording rules its
 * rules read. promtool evaluates every loaded rule at every step of every test, so loading only
 * these keeps long tests (an SLO's hour-long burn windows) from paying for every other file's rules.
 */
export function ruleFilesRead(model: Model, file: ModelRuleFile): ModelRuleFile[] {
  const owner = new Map(model.rules.flatMap((other) => other.recording.map((rule) => [rule.record, other] as const)));
  const read = new Set<ModelRuleFile>([file]);
  const pending = [file];
  while (pending.length > 0) {
    const current = pending.pop()!;
    for (const expr of [...current.recording, ...current.alerts].map((rule) => rule.expr)) {
      for (const name of expr.match(SERIES_NAME) ?? []) {
        const other = owner.get(name);
        if (other && !read.has(other)) {
          read.add(other);
          pending.push(other);
        }
      }
    }
  }
  // In the model's order, so the file lists are stable.
  return model.rules.filter((other) => read.has(other));
}

/** Metric and recording-rule names in an expression (with colons); label names and functions match too, and are not rules. */
const SERIES_NAME = /[a-zA-Z_:][a-zA-Z0-9_:]*/g;
