/**
 * Every panel the engine builds returns data on test series, without a live exporter: over the
 * fixture project with every pack (test/helpers/every-pack.ts), the series the alert and recording
 * tests use, plus series for every catalogued metric shaped as the catalogue says (each enumerated
 * label value, an example for every bounded label). promtool evaluates each panel query
 * wrapped in absent() beside the project's rule files: an alert that must not fire, so an empty
 * panel fails the test. Panels quiet when all is healthy (quietWhenHealthy) are left out.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { substituteVariables } from '../generator/grafana/variables.ts';
import { everyPackProject, LISTED_PACKS } from './helpers/every-pack.ts';
import { catalogueSeries, promtoolOnPanels, testSeries } from './helpers/panels-offline.ts';

/** promtool's tests sample every minute: the rate interval must span several samples. */
const SCRAPE_SECONDS = 60;

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

const promtoolOn = (queries: readonly string[], file: string) =>
  promtoolOnPanels(
    scratch,
    model.rules.map((rule) => join(project.root, 'generated/prometheus/rules', `${rule.name}.rules.yml`)),
    [...testSeries(model, DOMAINS), ...model.metrics.flatMap(catalogueSeries)],
    queries,
    file,
  );

describe("every panel of the fixture's and the packs' dashboards", () => {
  it("are every dashboard's", () => {
    expect(new Set(panels.map((panel) => panel.dashboard)).size).toBe(LISTED_PACKS.length + 1);
    expect(panels.length).toBeGreaterThan(50);
  });

  it('each return data on catalogue-shaped test series', async () => {
    const run = await promtoolOn(panels.map((panel) => panel.expr), 'panels');
    const empty = [...run.output.matchAll(/alertname: PanelHasNoData(\d+)/g)].map((match) => panels[Number(match[1])]!.where);
    expect(empty, run.output.slice(0, 300)).toEqual([]);
    expect(run.code, run.output).toBe(0);
  });

  it('fail for a query that matches nothing, so the test above can fail', async () => {
    const run = await promtoolOn(['sum(kube_pod_container_status_restarts_total{namespace="nowhere"})'], 'control');
    expect(run.code).not.toBe(0);
    expect(run.output).toContain('PanelHasNoData0');
  });
});
