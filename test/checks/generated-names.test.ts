import { describe, expect, it } from 'vitest';
import { defineConfig } from '../../generator/config.ts';
import { alert, defineDashboard, defineRules, defineScrapeJob, gauge, promql, recordingRule, row, target, timeseries } from '../../generator/index.ts';
import { buildDashboards } from '../../generator/model/dashboards.ts';
import { buildRules } from '../../generator/model/rules.ts';
import { buildScrapeJobs } from '../../generator/model/scrape.ts';
import { generatedNamesCheck } from '../../generator/validate/checks/generated-names.ts';
import { modelOf } from '../helpers/check-table.ts';

const metrics = { depth: gauge({ name: 'depth', help: 'Items waiting.' }) };
const job = (name: string, extra: object = {}) =>
  defineScrapeJob({ name, targets: { compose: [`${name.toLowerCase()}:8080`], hosts: ['127.0.0.1:8080'] }, sampleLimit: { samples: 10, reason: 'r' }, ...extra });
/** A rules file holding one recording rule (a file with nothing in it is refused), or the given alerts. */
const rules = (name: string, alertNames: string[] = []) =>
  defineRules({
    name,
    title: name,
    recording: alertNames.length > 0 ? [] : [recordingRule({ record: `job:${name}:max`, expr: promql`max by (job) (${metrics.depth})`, tests: [] })],
    alerts: alertNames.map((alertName) =>
      alert({ name: alertName, severity: 'warning', expr: promql`${metrics.depth} > 1`, for: '5m', summary: 's', description: 'd', runbook: { meaning: 'm', causes: ['c'], checks: ['k'] }, tests: [] }),
    ),
  });
const dashboard = (name: string) =>
  defineDashboard({ name, title: name, folder: 'Service', description: 'd', scope: metrics.depth, rows: [row('R', [timeseries({ title: 'Depth', unit: 'short', targets: [target(promql`sum(${metrics.depth})`)] })])] });
const long = 'a'.repeat(60);

/** Each case: definitions by file, and the messages expected in order. */
const CASES: { name: string; files: Record<string, unknown>; namespace?: string; operatorProvidedJobs?: string[]; expect: string[] }[] = [
  { name: 'distinct names pass', files: { 'scrape/a.ts': job('shop'), 'scrape/b.ts': job('cart'), 'alerts/a.ts': rules('shop'), 'dashboards/a.ts': dashboard('shop') }, expect: [] },
  { name: 'a rules file and a scrape job of one name pass: they are objects of different kinds', files: { 'scrape/a.ts': job('shop'), 'alerts/a.ts': rules('shop') }, expect: [] },
  {
    name: 'two scrape jobs that differ only in case are refused, naming both',
    files: { 'scrape/a.ts': job('shop'), 'scrape/b.ts': job('Shop') },
    expect: ["scrape/b.ts: scrape job Shop: PodMonitor name 'app-shop' is also the one of scrape job shop (scrape/a.ts) once normalised"],
  },
  { name: "two scrape jobs that differ only in _ and - are refused", files: { 'scrape/a.ts': job('shop_api'), 'scrape/b.ts': job('shop-api') }, expect: ["PodMonitor name 'app-shop-api' is also the one of scrape job shop_api"] },
  { name: 'two node jobs that collide are refused as ServiceMonitors', files: { 'scrape/a.ts': job('kubelet', { kubernetes: { role: 'node' } }), 'scrape/b.ts': job('Kubelet', { kubernetes: { role: 'node' } }) }, expect: ["ServiceMonitor name 'app-kubelet'"] },
  { name: 'a pod job and a node job of one normalised name pass: different kinds and files', files: { 'scrape/a.ts': job('kubelet'), 'scrape/b.ts': job('Kubelet', { kubernetes: { role: 'node' } }) }, expect: [] },
  { name: 'a job the operator installation provides is not rendered, so it cannot collide', files: { 'scrape/a.ts': job('shop'), 'scrape/b.ts': job('Shop') }, operatorProvidedJobs: ['Shop'], expect: [] },
  { name: 'a job that does not run in Kubernetes cannot collide there', files: { 'scrape/a.ts': job('shop'), 'scrape/b.ts': job('Shop', { runsIn: ['compose', 'hosts'] }) }, expect: [] },
  { name: 'a scrape job whose name keeps nothing once normalised is refused', files: { 'scrape/a.ts': job('_') }, expect: ['scrape/a.ts: scrape job _: its name keeps no letter or digit once normalised'] },
  { name: 'two rules files whose names differ by a doubled underscore are refused', files: { 'alerts/a.ts': rules('shop_api'), 'alerts/b.ts': rules('shop__api') }, expect: ["alerts/b.ts: rules shop__api: PrometheusRule name 'app-shop-api' is also the one of rules shop_api (alerts/a.ts)"] },
  { name: 'two rules files whose names share their first 63 characters are refused', files: { 'alerts/a.ts': rules(`${long}_one`), 'alerts/b.ts': rules(`${long}_two`) }, expect: ['PrometheusRule name'] },
  { name: 'two dashboards whose names differ by a doubled underscore are refused', files: { 'dashboards/a.ts': dashboard('shop_api'), 'dashboards/b.ts': dashboard('shop__api') }, expect: ["dashboards/b.ts: dashboard shop__api: ConfigMap name 'app-dashboard-shop-api' is also the one of dashboard shop_api (dashboards/a.ts)"] },
  {
    name: 'two alerts whose names differ only in case are refused: their runbook links land on one section',
    files: { 'alerts/a.ts': rules('shop', ['BasketsPiling']), 'alerts/b.ts': rules('cart', ['Basketspiling']) },
    expect: ["alerts/b.ts: alert Basketspiling: runbook anchor '#basketspiling' is also the one of alert BasketsPiling (alerts/a.ts) once normalised; rename one of them so their names differ after lower-casing"],
  },
  { name: 'alerts of different names pass', files: { 'alerts/a.ts': rules('shop', ['BasketsPiling', 'BasketsStuck']) }, expect: [] },
];

describe(`check ${generatedNamesCheck.id}`, () => {
  it.each(CASES)('$name', ({ files, operatorProvidedJobs, expect: expected }) => {
    const config = defineConfig({ namespace: 'app', kubernetes: { operatorProvidedJobs: operatorProvidedJobs ?? [] } });
    const model = { ...modelOf(metrics), config };
    const sources = (dir: string) => Object.entries(files).filter(([file]) => file.startsWith(dir)).map(([file, value]) => ({ file, value }));
    const built = {
      rules: buildRules(sources('alerts/'), model),
      dashboards: buildDashboards(sources('dashboards/'), model),
      scrape: buildScrapeJobs(sources('scrape/'), model),
    };
    expect([...built.rules.problems, ...built.dashboards.problems, ...built.scrape.problems]).toEqual([]);
    const problems = generatedNamesCheck.run({ ...model, rules: built.rules.rules, dashboards: built.dashboards.dashboards, scrapeJobs: built.scrape.jobs });
    for (const problem of problems) expect(problem.check).toBe(generatedNamesCheck.id);
    const messages = problems.map((p) => `${p.file}: ${p.definition}: ${p.message}`);
    expect(messages).toHaveLength(expected.length);
    expected.forEach((text, i) => expect(messages[i]).toContain(text));
  });
});
