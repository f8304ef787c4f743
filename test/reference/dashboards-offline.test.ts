/**
 * The reference's panels over exporters its local stack cannot run (kube-state-metrics, cAdvisor,
 * mysqld, mongodb, kafka), proven on test series instead of a live exporter: the series their alert
 * tests use, plus one series per catalogued metric no test covers, shaped as the catalogue says
 * (enumerated label values, a value for every bounded label). promtool evaluates each panel query
 * wrapped in absent(): an alert that must not fire, so an empty panel fails the test. The engine's
 * panels (the fixture's and every pack's) are proven this way in test/dashboards-offline.test.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { substituteVariables } from '../../generator/grafana/variables.ts';
import { runPipeline } from '../../generator/pipeline.ts';
import { domainsOutsideTheLocalStack, readsOutsideTheLocalStack } from '../helpers/local-stack.ts';
import { catalogueSeries, promtoolOnPanels, sampleNames, testSeries } from '../helpers/panels-offline.ts';
import { REPO } from '../helpers/project.ts';

/** promtool's tests sample every minute: the rate interval must span several samples. */
const SCRAPE_SECONDS = 60;

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

function promtoolOn(queries: readonly string[], file: string) {
  const outside = domainsOutsideTheLocalStack(model);
  const fromTests = testSeries(model, outside);
  const tested = new Set(fromTests.map((input) => input.series.replace(/\{.*$/, '')));
  const untested = model.metrics.filter((metric) => outside.has(metric.domain) && !sampleNames(metric).some((name) => tested.has(name)));
  const rules = model.rules.map((rule) => join(REPO, 'generated/prometheus/rules', `${rule.name}.rules.yml`));
  return promtoolOnPanels(scratch, rules, [...fromTests, ...untested.flatMap(catalogueSeries)], queries, file);
}

describe('panels over exporters the local stack does not run', () => {
  it('are the data store and Kubernetes dashboards', () => {
    expect([...new Set(panels.map((panel) => panel.dashboard))].sort()).toEqual(['kafka', 'kubernetes', 'mongodb', 'mysql']);
    expect(panels.length).toBeGreaterThanOrEqual(15);
  });

  it('each return data on catalogue-shaped test series', async () => {
    const run = await promtoolOn(panels.map((panel) => panel.expr), 'panels');
    const empty = [...run.output.matchAll(/alertname: PanelHasNoData(\d+)/g)].map((match) => panels[Number(match[1])]!.where);
    expect(empty, run.output).toEqual([]);
    expect(run.code, run.output).toBe(0);
  });

  it('fail for a query that matches nothing, so the test above can fail', async () => {
    const run = await promtoolOn(['sum(kube_pod_container_status_restarts_total{namespace="nowhere"})'], 'control');
    expect(run.code).not.toBe(0);
    expect(run.output).toContain('PanelHasNoData0');
  });
});
