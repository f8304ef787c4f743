/**
 * `prometheus/rules/<name>.rules.yml` and `prometheus/tests/<name>.test.yml`: each rule file with
 * the promtool unit tests its definitions carry, one recording and one alerting group per file.
 */
import { formatSeries, TEST_INTERVAL } from '../dsl/rules.ts';
import type { Model, ModelAlert, ModelAlertTest, ModelExprTest, ModelRecordingRule, ModelRuleFile, ModelSeriesInput } from '../model/types.ts';
import { durationText, edgeCases, edgePlan, type EdgeCase } from '../rules/edges.ts';
import { runbookPanel, runbookUrl } from './runbook.ts';
import type { GeneratedFile, Stage } from './stage.ts';
import { toYaml } from './yaml.ts';

export const rulesStage: Stage = {
  name: 'prometheus rules and promtool tests',
  render: (model) =>
    model.rules.flatMap((file) => {
      const edges = edgeTestFile(model, file);
      return [
        { path: `prometheus/rules/${file.name}.rules.yml`, content: renderRuleFile(model, file) },
        { path: `prometheus/tests/${file.name}.test.yml`, content: toYaml(testFile(model, file)) },
        ...(edges ? [{ path: `prometheus/tests/${file.name}.edges.test.yml`, content: toYaml(edges) }] : []),
      ];
    }),
};

export const ruleFilePath = (file: ModelRuleFile): string => `rules/${file.name}.rules.yml`;

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

function testFile(model: Model, file: ModelRuleFile) {
  const tests = [];
  for (const rule of file.recording) {
    for (const test of rule.tests) {
      tests.push({
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
  for (const alert of file.alerts) {
    for (const test of alert.tests) {
      tests.push({
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
    rule_files: ruleFilesRead(model, file).map((other) => `../${ruleFilePath(other)}`),
    evaluation_interval: TEST_INTERVAL,
    tests,
  };
}

/**
 * The generated edge cases of a file's alerts (`rules/edges.ts`), in their own file: they run at the
 * production scrape and evaluation intervals, and a test file has one evaluation interval.
 */
function edgeTestFile(model: Model, file: ModelRuleFile) {
  const tests = file.alerts.flatMap((alert) => {
    const verdict = edgePlan(model, alert);
    if (verdict.kind !== 'plan' || !alert.scenario) return [];
    return edgeCases(model, alert.scenario, verdict.plan).map((edge) => ({
      name: edgeTestName(alert, edge),
      interval: model.config.prometheus.scrapeInterval,
      input_series: inputSeries(edge.series),
      promql_expr_test: [
        {
          expr: edgeExpr(alert),
          eval_time: durationText(edge.at),
          exp_samples: edge.expect ? [{ labels: `{alertstate="${edge.expect.state}"}`, value: edge.expect.count }] : [],
        },
      ],
    }));
  });
  if (tests.length === 0) return undefined;
  return {
    rule_files: ruleFilesRead(model, file).map((other) => `../${ruleFilePath(other)}`),
    evaluation_interval: model.config.prometheus.evaluationInterval,
    tests,
  };
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
