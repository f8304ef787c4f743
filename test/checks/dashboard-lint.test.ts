import { describe, expect, it } from 'vitest';
import { defineConfig } from '../../generator/config.ts';
import { defineDashboard, row, stat, target, timeseries, type PanelDef } from '../../generator/dsl/dashboards.ts';
import { defineRules, evaluates, input, recordingRule } from '../../generator/dsl/rules.ts';
import { folderLintFile } from '../../generator/grafana/lint/exclusions.ts';
import type { LintDashboard, LintPanel } from '../../generator/grafana/lint/dashboard.ts';
import { isExcluded, lintDashboard, type LintExclusions } from '../../generator/grafana/lint/lint.ts';
import { buildModel } from '../../generator/model/build.ts';
import { buildDashboards } from '../../generator/model/dashboards.ts';
import { buildRules } from '../../generator/model/rules.ts';
import type { Model } from '../../generator/model/types.ts';
import { promql } from '../../generator/promql/query.ts';
import { queryContextOf } from '../../generator/promql/model-context.ts';
import { dashboardLintCheck } from '../../generator/validate/checks/dashboard-lint.ts';
import { shop } from '../helpers/rules-table.ts';

// ---- The linter's rules over dashboard JSON -------------------------------------------------

const DS = { type: 'prometheus', uid: '${datasource}' };
const variable = (name: string, overrides: object = {}) => ({
  type: 'query',
  name,
  label: name[0]!.toUpperCase() + name.slice(1),
  query: `label_values(app_baskets_open{job=~"$job"}, ${name})`,
  datasource: DS,
  multi: true,
  includeAll: true,
  allValue: '.+',
  refresh: 2,
  ...overrides,
});
const VARIABLES = [{ type: 'datasource', name: 'datasource', label: 'Data source', query: 'prometheus' }, variable('job'), variable('instance')];
const GOOD_EXPR = 'sum by (region) (app_baskets_open{job=~"$job", instance=~"$instance"})';
const panel = (overrides: Partial<LintPanel> = {}): LintPanel => ({
  id: 2,
  type: 'timeseries',
  title: 'Open baskets',
  description: 'Baskets open now.',
  datasource: DS,
  fieldConfig: { defaults: { unit: 'short' } },
  targets: [{ expr: GOOD_EXPR, datasource: DS }],
  ...overrides,
});
const dashboard = (overrides: Partial<LintDashboard> = {}): LintDashboard => ({ title: 'Shop', editable: false, templating: { list: VARIABLES }, panels: [panel()], ...overrides });
const withVariable = (name: string, overrides: object) => ({ templating: { list: VARIABLES.map((v) => (v.name === name ? { ...v, ...overrides } : v)) } });
const query = (expr: string) => ({ panels: [panel({ targets: [{ expr, datasource: DS }] })] });

const LINTER_CASES: readonly { name: string; dashboard: LintDashboard; expect: readonly string[] }[] = [
  { name: 'a dashboard as the generator writes it passes every rule', dashboard: dashboard(), expect: [] },
  { name: 'a dashboard without a datasource variable is reported', dashboard: dashboard({ templating: { list: VARIABLES.slice(1) } }), expect: ['template-datasource-rule: does not have a templated data source', "panel-datasource-rule: does not use a templated datasource, uses '${datasource}'"] },
  {
    name: 'a datasource variable named otherwise is reported',
    dashboard: dashboard(withVariable('datasource', { name: 'ds' })),
    expect: ["template-datasource-rule: templated data source variable named 'ds', should be named 'prometheus_datasource' or 'datasource'", 'panel-datasource-rule: does not use a templated datasource'],
  },
  { name: "a job variable whose 'All' is .* is reported", dashboard: dashboard(withVariable('job', { allValue: '.*' })), expect: ["template-job-rule: job template allValue should be '.+', is currently '.*'"] },
  { name: 'a single-select instance variable is reported', dashboard: dashboard(withVariable('instance', { multi: false })), expect: ['template-instance-rule: instance template should be a multi select'] },
  { name: 'a dashboard without an instance variable is reported', dashboard: dashboard({ templating: { list: VARIABLES.slice(0, 2) } }), expect: ['template-instance-rule: is missing the instance template'] },
  { name: 'a job variable on a fixed datasource is reported', dashboard: dashboard(withVariable('job', { datasource: { uid: 'prometheus' } })), expect: ["template-job-rule: job template should use datasource '$datasource'"] },
  {
    name: 'a variable that does not reload on time change is reported',
    dashboard: dashboard(withVariable('job', { refresh: 1 })),
    expect: ["template-on-time-change-reload-rule: templated datasource variable named 'job', should be set to be refreshed 'On Time Range Change (value 2)', is currently '1'"],
  },
  { name: 'a variable query that is not a Prometheus variable function is reported', dashboard: dashboard(withVariable('job', { query: 'values(up, job)' })), expect: ["template-label-promql-rule: template 'job' invalid templated label 'values(up, job)'"] },
  { name: 'a variable whose selector does not parse is reported', dashboard: dashboard(withVariable('job', { query: 'label_values(up{, job)' })), expect: ["template-label-promql-rule: template 'job' invalid templated label 'label_values(up{, job)'"] },
  { name: 'a panel on a fixed datasource is reported', dashboard: dashboard({ panels: [panel({ datasource: { uid: 'prometheus' } })] }), expect: ["panel-datasource-rule: does not use a templated datasource, uses 'prometheus'"] },
  { name: 'a stat panel is not checked for its datasource, as in the linter', dashboard: dashboard({ panels: [panel({ type: 'stat', datasource: { uid: 'prometheus' } })] }), expect: [] },
  { name: 'a panel without a description is reported', dashboard: dashboard({ panels: [panel({ description: '' })] }), expect: ["panel-title-description-rule: has missing title or description, currently has title 'Open baskets'"] },
  { name: 'a panel whose unit Grafana does not know is reported', dashboard: dashboard({ panels: [panel({ fieldConfig: { defaults: { unit: 'reqs' } } })] }), expect: ["panel-units-rule: has no or invalid units defined: 'reqs'"] },
  { name: 'a unit set by an override counts', dashboard: dashboard({ panels: [panel({ fieldConfig: { defaults: {}, overrides: [{ properties: [{ id: 'unit', value: 'bytes' }] }] } })] }), expect: [] },
  { name: 'a panel with value mappings needs no unit', dashboard: dashboard({ panels: [panel({ fieldConfig: { defaults: { mappings: [] } } })] }), expect: [] },
  { name: 'a panel without targets is reported', dashboard: dashboard({ panels: [panel({ targets: undefined })] }), expect: ['panel-no-targets-rule: has no targets'] },
  { name: 'a query that does not parse is reported', dashboard: dashboard(query('sum(app_baskets_open{job=~"$job", instance=~"$instance"}')), expect: ['target-promql-rule: invalid PromQL query'] },
  { name: 'rate over a fixed window is reported', dashboard: dashboard(query('rate(app_orders_total{job=~"$job", instance=~"$instance"}[5m])')), expect: ['should use $__rate_interval'] },
  { name: 'irate over $__interval is reported', dashboard: dashboard(query('irate(app_orders_total{job=~"$job", instance=~"$instance"}[$__interval])')), expect: ['target-rate-interval-rule: invalid PromQL query'] },
  { name: 'increase over the dashboard range is allowed, as in the linter', dashboard: dashboard(query('increase(app_orders_total{job=~"$job", instance=~"$instance"}[$__range])')), expect: [] },
  { name: 'a range outside any function is reported', dashboard: dashboard(query('sum((app_orders_total{job=~"$job", instance=~"$instance"}[5m]))')), expect: ['$__rate_interval used in non-rate function'] },
  { name: 'a selector without the job matcher is reported', dashboard: dashboard(query('sum(app_baskets_open{instance=~"$instance"})')), expect: ['target-job-rule: invalid PromQL query \'sum(app_baskets_open{instance=~"$instance"})\': job selector not found'] },
  { name: 'a job matcher that is an equality is reported', dashboard: dashboard(query('sum(app_baskets_open{job="$job", instance=~"$instance"})')), expect: ['job selector is =, not =~'] },
  { name: 'a job matcher on another value is reported', dashboard: dashboard(query('sum(app_baskets_open{job=~"shop", instance=~"$instance"})')), expect: ['job selector is shop, not $job'] },
  {
    name: 'every selector of a query needs the instance matcher',
    dashboard: dashboard(query('sum(app_baskets_open{job=~"$job", instance=~"$instance"}) / sum(app_baskets_open{job=~"$job"})')),
    expect: ['target-instance-rule: invalid PromQL query'],
  },
  { name: 'a counter read without rate is reported', dashboard: dashboard(query('app_orders_total')), expect: ['target-job-rule', 'target-instance-rule', "target-counter-agg-rule: counter metric 'app_orders_total' is not aggregated"] },
  { name: 'a counter under rate passes', dashboard: dashboard(query('sum(rate(app_orders_total{job=~"$job", instance=~"$instance"}[$__rate_interval]))')), expect: [] },
  { name: 'an editable dashboard is reported', dashboard: dashboard({ editable: true }), expect: ["uneditable-dashboard: is editable, it should be set to 'editable: false'"] },
  { name: 'panels inside a collapsed row are linted too', dashboard: dashboard({ panels: [{ id: 1, type: 'row', title: 'Row', panels: [panel({ description: '' })] }] }), expect: ['panel-title-description-rule'] },
];

describe("Grafana's dashboard-linter rules", () => {
  it.each(LINTER_CASES)('$name', ({ dashboard: json, expect: expected }) => {
    const messages = lintDashboard(json).map((finding) => `${finding.rule.name}: ${finding.message}`);
    expect(messages).toHaveLength(expected.length);
    expected.forEach((text, i) => expect(messages[i]).toContain(text));
  });
});

// ---- .lint exclusions, matched as the linter matches them -----------------------------------

const finding = lintDashboard(dashboard(query('sum(app_baskets_open{job=~"$job"})')))[0]!;
const EXCLUSION_CASES: readonly { name: string; exclusions: LintExclusions; excluded: boolean }[] = [
  { name: 'an entry naming the dashboard, panel and target excuses the finding', exclusions: { 'target-instance-rule': { entries: [{ dashboard: 'Shop', panel: 'Open baskets', targetidx: '0' }] } }, excluded: true },
  { name: 'an entry for another target does not', exclusions: { 'target-instance-rule': { entries: [{ dashboard: 'Shop', panel: 'Open baskets', targetidx: '1' }] } }, excluded: false },
  { name: 'an entry for another dashboard does not', exclusions: { 'target-instance-rule': { entries: [{ dashboard: 'Other', panel: 'Open baskets' }] } }, excluded: false },
  { name: 'an entry for another rule does not', exclusions: { 'target-job-rule': { entries: [{ dashboard: 'Shop' }] } }, excluded: false },
  { name: 'a rule listed without entries excuses every finding of it', exclusions: { 'target-instance-rule': null }, excluded: true },
];

describe('.lint exclusions', () => {
  it.each(EXCLUSION_CASES)('$name', ({ exclusions, excluded }) => {
    expect(finding.rule.name).toBe('target-instance-rule');
    expect(isExcluded(finding, 'Shop', exclusions)).toBe(excluded);
  });
});

// ---- The check over definitions: exclusions only where the definitions say why ---------------

const config = defineConfig({ namespace: 'app' });
const { orders, basket } = shop.metrics;
const samples = (labels: Record<string, string>) => [evaluates('sums', { at: '10m', series: [input(basket, { job: 'shop', instance: 'shop:80', region: 'eu' }, '1x20')], samples: [{ labels, value: 1 }] })];
const byJob = recordingRule({ record: 'job:baskets_open:sum', expr: promql`sum by (job) (${basket})`, tests: samples({ job: 'shop' }) });
const byInstance = recordingRule({ record: 'job_instance:baskets_open:sum', expr: promql`sum by (job, instance) (${basket})`, tests: samples({ job: 'shop', instance: 'shop:80' }) });

function modelWith(panels: readonly PanelDef[], spansJobs?: string): Model {
  const { model } = buildModel([{ file: 'catalog/shop.ts', value: shop }], config);
  const { rules } = buildRules([{ file: 'alerts/shop.ts', value: defineRules({ name: 'shop', title: 'Shop', alerts: [], recording: [byJob, byInstance] }) }], model);
  const definition = defineDashboard({ name: 'shop', title: 'Shop', folder: 'Service', description: 'd', scope: basket, rows: [row('R', panels)], ...(spansJobs ? { spansJobs } : {}) });
  const { dashboards, problems } = buildDashboards([{ file: 'dashboards/shop.ts', value: definition }], model);
  if (problems.length > 0) throw new Error(problems.map((p) => p.message).join('; '));
  return { ...model, rules, dashboards };
}
const narrowed = '{job=~"$job", instance=~"$instance"}';
const good = timeseries({ title: 'Open baskets', unit: 'short', targets: [target(promql`sum(${basket}${narrowed})`)] });

const CHECK_CASES: readonly { name: string; panels: readonly PanelDef[]; spansJobs?: string; expect: readonly string[]; lint?: string }[] = [
  { name: 'panels narrowed by job and instance pass with nothing to excuse', panels: [good], expect: [], lint: undefined },
  {
    name: "a job-level recording rule without $instance passes, excused by the rule's own labels",
    panels: [stat({ title: 'Baskets', unit: 'short', targets: [target(promql`${byJob}{job=~"$job"}`)] })],
    expect: [],
    lint: 'job:app_baskets_open:sum is a recording rule that keeps job: instance is aggregated away',
  },
  {
    name: 'a job_instance recording rule that ignores $instance is refused',
    panels: [stat({ title: 'Baskets', unit: 'short', targets: [target(promql`${byInstance}{job=~"$job"}`)] })],
    expect: ['dashboard app-shop panel "Baskets": query A: instance selector not found (target-instance-rule)'],
  },
  {
    name: 'a query mixing a job-level rule with a raw series without $instance is refused',
    panels: [stat({ title: 'Share', unit: 'percentunit', targets: [target(promql`${byJob}{job=~"$job"} / scalar(sum(${basket}{job=~"$job"}))`)] })],
    expect: ['panel "Share": query A: instance selector not found (target-instance-rule)', 'panel "Share": query A: instance selector not found (target-instance-rule)'],
  },
  {
    name: 'a panel that declares why it spans jobs is excused with that reason',
    panels: [good, timeseries({ title: 'All shops', unit: 'short', spansJobs: 'every shop on one graph', targets: [target(promql`sum(${basket})`)] })],
    expect: [],
    lint: 'every shop on one graph',
  },
  {
    name: 'a dashboard that declares it is cluster-wide excuses all its panels',
    panels: [timeseries({ title: 'All shops', unit: 'short', targets: [target(promql`sum(${basket})`)] })],
    spansJobs: 'a cluster-wide view',
    expect: [],
    lint: 'a cluster-wide view',
  },
  { name: 'a selector without the job matcher is refused', panels: [timeseries({ title: 'Unscoped', unit: 'short', targets: [target(promql`sum(${basket}{instance=~"$instance"})`)] })], expect: ['panel "Unscoped": query A: job selector not found (target-job-rule)'] },
  {
    name: 'a counter read without rate is refused',
    panels: [timeseries({ title: 'Orders', unit: 'short', spansJobs: 'all shops', targets: [target(promql`sum(${orders})`)] })],
    expect: ["panel \"Orders\": query A: counter metric 'app_orders_total' is not aggregated with rate, irate, or increase (target-counter-agg-rule)"],
  },
  { name: 'a panel with an empty description is refused', panels: [timeseries({ title: 'Open baskets', description: '', unit: 'short', targets: [target(promql`sum(${basket}${narrowed})`)] })], expect: ["has missing title or description, currently has title 'Open baskets' and description: '' (panel-title-description-rule)"] },
  { name: 'a unit Grafana does not know is refused', panels: [timeseries({ title: 'Open baskets', unit: 'baskets', targets: [target(promql`sum(${basket}${narrowed})`)] })], expect: ["has no or invalid units defined: 'baskets' (panel-units-rule)"] },
];

describe(`check ${dashboardLintCheck.id}`, () => {
  it.each(CHECK_CASES)('$name', ({ panels, spansJobs, expect: expected, lint }) => {
    const model = modelWith(panels, spansJobs);
    const messages = dashboardLintCheck.run(model).map((p) => `${p.definition}: ${p.message}`);
    expect(messages).toHaveLength(expected.length);
    expected.forEach((text, i) => expect(messages[i]).toContain(text));
    if (expected.length > 0) return;
    const file = folderLintFile(model.dashboards, queryContextOf(model), model.config);
    if (lint === undefined) expect(file).toBeUndefined();
    else expect(file?.exclusions['target-instance-rule']?.entries.map((entry) => entry.reason)).toContain(lint);
  });
});
