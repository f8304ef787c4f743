/**
 * Every panel the engine builds returns data on test series, without a live exporter: over the
 * fixture project with every pack (test/helpers/every-pack.ts), the series the alert and recording
 * tests use, plus series for every catalogued metric shaped as the catalogue says (each enumerated
 * label value, an example for every bounded label). promtool evaluates each panel query
 * wrapped in absent() beside the project's rule files: an alert that must not fire, so an empty
 * panel fails the test. Panels quiet when all is healthy (quietWhenHealthy) are left out.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { substituteVariables } from '../generator/grafana/variables.ts';
import type { Model, ModelMetric, ModelSeriesInput } from '../generator/model/types.ts';
import { exposedNames } from '../generator/model/series.ts';
import { runCommand } from './helpers/command.ts';
import { everyPackProject, LISTED_PACKS } from './helpers/every-pack.ts';

/** promtool's tests sample every minute: the rate interval must span several samples. */
const SCRAPE_SECONDS = 60;
const EVAL_TIME = '20m';

const { project, model } = await everyPackProject();
const scratch = mkdtempSync(join(tmpdir(), 'sextant-offline-'));
afterAll(() => {
  project.remove();
  rmSync(scratch, { recursive: true, force: true });
});

/** The domains whose series the test writes: all of them (promtool records no up or scrape_* of its own). */
const DOMAINS = new Set(model.domains.map((domain) => domain.name));

const panels = model.dashboards.flatMap((dashboard) =>
  dashboard.panels
    .filter((panel) => panel.quietWhenHealthy === undefined)
    .flatMap((panel) => panel.targets.map((target) => ({ dashboard: dashboard.name, where: `${dashboard.uid} "${panel.title}" ${target.refId}`, expr: substituteVariables(target.expr, SCRAPE_SECONDS) }))),
);

/** The alert and recording tests' series over those domains, firing cases first. */
function testSeries(model: Model, domains: ReadonlySet<string>): ModelSeriesInput[] {
  const domainOf = new Map(model.metrics.flatMap((metric) => sampleNames(metric).map((name) => [name, metric.domain] as const)));
  const alertTests = model.rules.flatMap((file) => file.alerts.flatMap((alert) => alert.tests));
  const tests = [...alertTests.filter((test) => test.kind === 'fires'), ...alertTests.filter((test) => test.kind !== 'fires'), ...model.rules.flatMap((file) => file.recording.flatMap((rule) => rule.tests))];
  const bySeries = new Map<string, ModelSeriesInput>();
  for (const input of tests.flatMap((test) => test.series)) {
    const name = input.series.replace(/\{.*$/, '');
    if (domains.has(domainOf.get(name) ?? '') && !bySeries.has(input.series)) bySeries.set(input.series, input);
  }
  return [...bySeries.values()];
}

/** The names a metric's samples carry (a histogram has no sample under its family name). */
function sampleNames(metric: ModelMetric): string[] {
  return exposedNames(metric).filter((name) => metric.type !== 'histogram' || name !== metric.name);
}

/**
 * Growing series for every sample name of a metric: each enumerated label takes each of its values
 * once (the others their first), a bounded label an example value, a summary's family each of its
 * quantiles. One instance for all, so panels that join two metrics on it find both.
 */
function catalogueSeries(metric: ModelMetric): ModelSeriesInput[] {
  const first = Object.fromEntries([['job', metric.domain], ['instance', 'exporter:9100'], ...metric.labels.map((label) => [label.name, label.values?.[0] ?? 'example'])]);
  const variants = [first, ...metric.labels.flatMap((label) => (label.values ?? []).slice(1).map((value) => ({ ...first, [label.name]: value })))];
  return sampleNames(metric).flatMap((name) =>
    variants.flatMap((labels) => {
      const extra = name.endsWith('_bucket') ? [{ le: '+Inf' }] : metric.type === 'summary' && name === metric.name ? (metric.quantiles ?? [0.5, 0.9, 0.99]).map((q) => ({ quantile: String(q) })) : [{}];
      return extra.map((more) => ({ series: `${name}{${Object.entries({ ...labels, ...more }).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(', ')}}`, values: '0+60x40' }));
    }),
  );
}

async function promtoolOnPanels(queries: readonly string[], file: string) {
  const series = [...testSeries(model, DOMAINS), ...model.metrics.flatMap(catalogueSeries)];
  writeFileSync(join(scratch, `${file}.rules.yml`), yaml.dump({ groups: [{ name: 'panels', rules: queries.map((expr, i) => ({ alert: `PanelHasNoData${i}`, expr: `absent(${expr})` })) }] }));
  const rules = model.rules.map((rule) => join(project.root, 'generated/prometheus/rules', `${rule.name}.rules.yml`));
  const test = {
    rule_files: [`${file}.rules.yml`, ...rules],
    evaluation_interval: '1m',
    tests: [{ interval: '1m', input_series: series, alert_rule_test: queries.map((_, i) => ({ eval_time: EVAL_TIME, alertname: `PanelHasNoData${i}`, exp_alerts: [] })) }],
  };
  writeFileSync(join(scratch, `${file}.test.yml`), yaml.dump(test, { lineWidth: -1 }));
  return runCommand('promtool', ['test', 'rules', `${file}.test.yml`], { cwd: scratch });
}

describe("every panel of the fixture's and the packs' dashboards", () => {
  it("are every dashboard's", () => {
    expect(new Set(panels.map((panel) => panel.dashboard)).size).toBe(LISTED_PACKS.length + 1);
    expect(panels.length).toBeGreaterThan(50);
  });

  it('each return data on catalogue-shaped test series', async () => {
    const run = await promtoolOnPanels(panels.map((panel) => panel.expr), 'panels');
    const empty = [...run.output.matchAll(/alertname: PanelHasNoData(\d+)/g)].map((match) => panels[Number(match[1])]!.where);
    expect(empty, run.output.slice(0, 300)).toEqual([]);
    expect(run.code, run.output).toBe(0);
  });

  it('fail for a query that matches nothing, so the test above can fail', async () => {
    const run = await promtoolOnPanels(['sum(kube_pod_container_status_restarts_total{namespace="nowhere"})'], 'control');
    expect(run.code).not.toBe(0);
    expect(run.output).toContain('PanelHasNoData0');
  });
});
