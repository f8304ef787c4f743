/**
 * The reference's panels over exporters its local stack cannot run (kube-state-metrics, cAdvisor,
 * mysqld, mongodb, kafka), proven on test series instead of a live exporter: the series their alert
 * tests use, plus one series per catalogued metric no test covers, shaped as the catalogue says
 * (enumerated label values, a value for every bounded label). promtool evaluates each panel query
 * wrapped in absent(): an alert that must not fire, so an empty panel fails the test. The engine's
 * panels (the fixture's and every pack's) are proven this way in test/dashboards-offline.test.ts.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { substituteVariables } from '../../generator/grafana/variables.ts';
import type { Model, ModelMetric, ModelSeriesInput } from '../../generator/model/types.ts';
import { exposedNames } from '../../generator/model/series.ts';
import { runPipeline } from '../../generator/pipeline.ts';
import { runCommand } from '../helpers/command.ts';
import { domainsOutsideTheLocalStack, readsOutsideTheLocalStack } from '../helpers/local-stack.ts';
import { REPO } from '../helpers/project.ts';

/** promtool's tests sample every minute: the rate interval must span several samples. */
const SCRAPE_SECONDS = 60;
const EVAL_TIME = '20m';

const result = await runPipeline(REPO);
if (!result.ok) throw new Error('the reference project is invalid');
const { model } = result;
const scratch = mkdtempSync(join(tmpdir(), 'sextant-offline-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const panels = model.dashboards.flatMap((dashboard) =>
  dashboard.panels
    .filter((panel) => panel.targets.some((target) => readsOutsideTheLocalStack(model, target)))
    .flatMap((panel) => panel.targets.map((target) => ({ dashboard: dashboard.name, where: `${dashboard.uid} "${panel.title}" ${target.refId}`, expr: substituteVariables(target.expr, SCRAPE_SECONDS) }))),
);

/** The alert and recording tests' series over those domains, firing cases first. */
function testSeries(model: Model, outside: ReadonlySet<string>): ModelSeriesInput[] {
  const domainOf = new Map(model.metrics.flatMap((metric) => sampleNames(metric).map((name) => [name, metric.domain] as const)));
  const alertTests = model.rules.flatMap((file) => file.alerts.flatMap((alert) => alert.tests));
  const tests = [...alertTests.filter((test) => test.kind === 'fires'), ...alertTests.filter((test) => test.kind !== 'fires'), ...model.rules.flatMap((file) => file.recording.flatMap((rule) => rule.tests))];
  const bySeries = new Map<string, ModelSeriesInput>();
  for (const input of tests.flatMap((test) => test.series)) {
    const name = input.series.replace(/\{.*$/, '');
    if (outside.has(domainOf.get(name) ?? '') && !bySeries.has(input.series)) bySeries.set(input.series, input);
  }
  return [...bySeries.values()];
}

/** The names a metric's samples carry (a histogram has no sample under its family name). */
function sampleNames(metric: ModelMetric): string[] {
  return exposedNames(metric).filter((name) => metric.type !== 'histogram' || name !== metric.name);
}

/** One growing series per sample name of a metric no test covers, each label given a value. */
function catalogueSeries(metric: ModelMetric): ModelSeriesInput[] {
  const labels = Object.fromEntries([['job', metric.domain], ['instance', 'exporter:9100'], ...metric.labels.map((label) => [label.name, label.values?.[0] ?? 'example'])]);
  return sampleNames(metric).map((name) => {
    const withLe = name.endsWith('_bucket') ? { ...labels, le: '+Inf' } : labels;
    return { series: `${name}{${Object.entries(withLe).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(', ')}}`, values: '0+60x40' };
  });
}

async function promtoolOnPanels(queries: readonly string[], file: string) {
  const outside = domainsOutsideTheLocalStack(model);
  const fromTests = testSeries(model, outside);
  const tested = new Set(fromTests.map((input) => input.series.replace(/\{.*$/, '')));
  const untested = model.metrics.filter((metric) => outside.has(metric.domain) && !sampleNames(metric).some((name) => tested.has(name)));
  const series = [...fromTests, ...untested.flatMap(catalogueSeries)];
  writeFileSync(join(scratch, `${file}.rules.yml`), yaml.dump({ groups: [{ name: 'panels', rules: queries.map((expr, i) => ({ alert: `PanelHasNoData${i}`, expr: `absent(${expr})` })) }] }));
  const rules = model.rules.map((rule) => join(REPO, 'generated/prometheus/rules', `${rule.name}.rules.yml`));
  const test = {
    rule_files: [`${file}.rules.yml`, ...rules],
    evaluation_interval: '1m',
    tests: [{ interval: '1m', input_series: series, alert_rule_test: queries.map((_, i) => ({ eval_time: EVAL_TIME, alertname: `PanelHasNoData${i}`, exp_alerts: [] })) }],
  };
  writeFileSync(join(scratch, `${file}.test.yml`), yaml.dump(test, { lineWidth: -1 }));
  return runCommand('promtool', ['test', 'rules', `${file}.test.yml`], { cwd: scratch });
}

describe('panels over exporters the local stack does not run', () => {
  it('are the data store and Kubernetes dashboards', () => {
    expect([...new Set(panels.map((panel) => panel.dashboard))].sort()).toEqual(['kafka', 'kubernetes', 'mongodb', 'mysql']);
    expect(panels.length).toBeGreaterThanOrEqual(15);
  });

  it('each return data on catalogue-shaped test series', async () => {
    const run = await promtoolOnPanels(panels.map((panel) => panel.expr), 'panels');
    const empty = [...run.output.matchAll(/alertname: PanelHasNoData(\d+)/g)].map((match) => panels[Number(match[1])]!.where);
    expect(empty, run.output).toEqual([]);
    expect(run.code, run.output).toBe(0);
  });

  it('fail for a query that matches nothing, so the test above can fail', async () => {
    const run = await promtoolOnPanels(['sum(kube_pod_container_status_restarts_total{namespace="nowhere"})'], 'control');
    expect(run.code).not.toBe(0);
    expect(run.output).toContain('PanelHasNoData0');
  });
});
