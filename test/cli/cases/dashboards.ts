/**
 * The invalid-definition suite for dashboard definitions: variables referred to but never defined or
 * defined twice, sizes off the grid, panels and rows that show nothing, quiet panels naming no
 * fault switch, and text a reader cannot see. Each goes through the real CLI (test/helpers/invalid.ts).
 */
import { configWith, dashboardCase, dashboardFile, gaugeFile, type InvalidCase } from '../../helpers/invalid.ts';

export const AT = 'dashboards/case.ts: dashboard app-case';
export const BAD = `${AT} panel "Bad"`;
/** A panel over the base catalogue with the given extra options. */
export const bad = (options: string, expr = 'sum(rate(${requests}{job=~"$job", instance=~"$instance"}[$__rate_interval]))') =>
  `timeseries({ title: 'Bad', unit: 'reqps', ${options} targets: [target(promql\`${expr}\`)] })`;

export const CASES: InvalidCase[] = [
  // A variable the dashboard never defines.
  { name: 'a query using an undefined $cluster', files: dashboardCase(bad('', 'sum(rate(${requests}{job=~"$job", cluster=~"$cluster"}[$__rate_interval]))')), where: BAD, rule: 'dashboard-variable-refs', message: "query A uses $cluster, but the dashboard defines no variable 'cluster'" },
  { name: 'a query using an undefined [[env]]', files: dashboardCase(bad('', 'sum(rate(${requests}{job=~"[[env]]"}[$__rate_interval]))')), where: BAD, rule: 'dashboard-variable-refs', message: "query A uses [[env]], but the dashboard defines no variable 'env'" },
  { name: 'a misspelt Grafana global', files: dashboardCase(bad('', 'sum(rate(${requests}{job=~"$job"}[$__rate_intervall]))')), where: BAD, rule: 'dashboard-variable-refs', message: "query A uses $__rate_intervall, which is not one of Grafana's global variables" },
  { name: 'a panel title using an undefined ${namespace}', files: dashboardCase("timeseries({ title: 'Requests in ${namespace}', unit: 'reqps', targets: [target(promql`sum(rate(${requests}{job=~\"$job\"}[$__rate_interval]))`)] })"), where: `${AT} panel "Requests in \${namespace}"`, rule: 'dashboard-variable-refs', message: "title uses ${namespace}, but the dashboard defines no variable 'namespace'" },
  // Sizes that are not whole cells of the grid.
  { name: 'a panel of fractional width', files: dashboardCase(bad('width: 6.5,')), where: BAD, rule: 'dashboard-grid', message: 'w=6.5 is not a whole number of columns from 1 to 24' },
  { name: 'a panel placed at NaN', files: dashboardCase(bad('gridPos: { x: NaN, y: 30, w: 12, h: 8 },')), where: BAD, rule: 'dashboard-grid', message: 'x=NaN is not a whole number of columns from 0' },
  { name: 'a panel of infinite height', files: dashboardCase(bad('height: Infinity,')), where: BAD, rule: 'dashboard-grid', message: 'h=Infinity is not a whole number of rows from 1' },
  // Panels and rows that show nothing.
  { name: 'a panel with no queries', files: dashboardCase("timeseries({ title: 'Bad', unit: 'reqps', targets: [] })"), where: BAD, rule: 'dashboard-empty', message: 'has no queries, so it can only show "No data"' },
  { name: 'a row with no panels', files: dashboardCase('', "{ rows: [row('Requests', good), row('Later', [])] }"), where: `${AT} row "Later"`, rule: 'dashboard-empty', message: 'holds no panels' },
  // The same variable twice, or named like Grafana's own.
  { name: 'a label variable defined twice', files: dashboardCase('', "{ variables: [labelVariable(requests, 'route'), labelVariable(requests, 'route')] }"), where: AT, rule: 'dashboard-variables', message: "variable 'route' is defined 2 times" },
  { name: 'a variable named like a Grafana global', files: dashboardCase('', "{ variables: [{ ...labelVariable(requests, 'route'), name: '__range' }] }"), where: AT, rule: 'dashboard-variables', message: "variable '__range' is Grafana's global $__range" },
  // A shownUnder naming no fault switch of the project.
  { name: 'a shownUnder naming no declared fault switch', files: { ...configWith("faultSwitches: ['errors', 'latency']"), ...dashboardCase(bad("quietWhenHealthy: 'nothing fails', shownUnder: 'erors',")) }, where: BAD, rule: 'dashboard-fault-switches', message: "shownUnder 'erors' is not a fault switch (the config's faultSwitches are errors, latency): did you mean 'errors'?" },
  { name: 'a shownUnder in a project with no fault switches', files: dashboardCase(bad("quietWhenHealthy: 'nothing fails', shownUnder: 'errors',")), where: BAD, rule: 'dashboard-fault-switches', message: 'sextant.config.ts declares no faultSwitches' },
  // Text that cannot be read.
  { name: 'a whitespace-only panel title', files: dashboardCase("timeseries({ title: '   ', unit: 'reqps', targets: [target(promql`sum(rate(${requests}{job=~\"$job\"}[$__rate_interval]))`)] })"), where: `${AT} panel "   "`, rule: 'dashboard-text', message: 'title is blank, so nothing names it on the dashboard' },
  { name: 'a zero-width space in a panel title', files: dashboardCase("timeseries({ title: 'Bad\\u200b', unit: 'reqps', targets: [target(promql`sum(rate(${requests}{job=~\"$job\"}[$__rate_interval]))`)] })"), where: `${AT} panel "Bad\\u{200B}"`, rule: 'dashboard-text', message: 'title contains U+200B (invisible formatting character)' },
  { name: 'an empty panel description', files: dashboardCase(bad("description: '',")), where: BAD, rule: 'dashboard-text', message: 'description is empty' },
  { name: 'an empty row title', files: dashboardCase('', "{ rows: [row('', good)] }"), where: `${AT} row ""`, rule: 'dashboard-text', message: 'row title is empty' },
  { name: 'a blank dashboard title', files: dashboardCase('', "{ title: ' ' }"), where: AT, rule: 'dashboard-text', message: 'dashboard title is blank' },
  // A scale that cannot show the values.
  { name: 'a panel whose min is above its max', files: dashboardCase(bad('min: 10, max: 1,')), where: BAD, rule: 'dashboard-units', message: 'min 10 is not below max 1' },
  { name: 'thresholds out of order', files: dashboardCase(bad("thresholds: [{ value: null, color: 'green' }, { value: 10, color: 'red' }, { value: 5, color: 'orange' }],")), where: BAD, rule: 'dashboard-units', message: 'threshold 5 follows 10: steps must ascend' },
  { name: 'a legend of zero-width spaces', files: dashboardCase(`timeseries({ title: 'Bad', unit: 'reqps', targets: [target(promql\`sum(rate(\${requests}{job=~"$job", instance=~"$instance"}[$__rate_interval]))\`, '\\u200b')] })`), where: BAD, rule: 'dashboard-text', message: 'legend of query A is blank' },

  { name: 'an explicit uid with a slash', files: dashboardCase('', "{ uid: 'app/case' }"), where: 'dashboards/case.ts: dashboard app/case', rule: 'dashboard-uids', message: "uid 'app/case' must be 1–40 letters, digits, - or _" },
  {
    name: 'an explicit uid another dashboard has',
    files: { 'dashboards/case.ts': dashboardFile('', 'case', "{ uid: 'shared' }"), 'dashboards/other.ts': dashboardFile('', 'other', "{ uid: 'shared' }") },
    where: 'dashboards/other.ts: dashboard shared',
    rule: 'dashboard-uids',
    message: "uid 'shared' is also the uid of the dashboard in dashboards/case.ts",
  },

  // What panels show and link to.
  { name: 'an application metric on no panel', files: { ...gaugeFile, ...dashboardCase('') }, where: 'catalog/extra.ts: app_depth', rule: 'dashboard-coverage', message: 'no dashboard panel shows this metric; add a panel, or say why with notDashboarded' },
  { name: 'a panel linking to an alert that does not exist', files: dashboardCase(bad("alerts: ['RequestsHihg'],")), where: BAD, rule: 'dashboard-alert-links', message: 'links to alert RequestsHihg, which no rules file defines' },

  { name: 'a folder the config does not declare', files: { ...configWith("grafana: { folders: ['Payments', 'Platform'] }"), ...dashboardCase('') }, where: 'dashboards/case.ts: case', rule: 'definition-shape', message: "folder 'Service' is not one of the config's grafana.folders (Payments, Platform); name one, or add it there" },
  { name: 'two folders that would share a directory', files: configWith("grafana: { folders: ['Team A', 'team-a'] }"), where: 'sextant.config.ts: grafana.folders', rule: 'config', message: "'team-a' and 'Team A' are one folder" },
];
