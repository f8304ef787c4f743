/**
 * Case tables for the checks on what a dashboard definition says: that something is shown, that
 * variables are defined once and referred to as defined, that texts can be read, and that quiet
 * panels name a fault switch of the project.
 */
import { dashboardEmptyCheck } from '../../generator/validate/checks/dashboard-empty.ts';
import { dashboardFaultSwitchesCheck } from '../../generator/validate/checks/dashboard-fault-switches.ts';
import { dashboardTextCheck } from '../../generator/validate/checks/dashboard-text.ts';
import { dashboardVariableRefsCheck } from '../../generator/validate/checks/dashboard-variable-refs.ts';
import { dashboardVariablesCheck } from '../../generator/validate/checks/dashboard-variables.ts';
import type { ModelPanel, ModelVariable } from '../../generator/model/types.ts';
import { dashboardTable, panel, row, VARIABLES, queryTarget } from '../helpers/dashboard-table.ts';

const query = (expr: string, legend = '') => ({ targets: [queryTarget(expr, legend)] });
const right = (overrides: Partial<ModelPanel> = {}) => panel({ id: 3, title: 'Right', gridPos: { x: 12, y: 1, w: 12, h: 8 }, ...overrides });
const below = (overrides: Partial<ModelPanel> = {}) => right({ gridPos: { x: 0, y: 10, w: 12, h: 8 }, ...overrides });
const variable = (name: string, query = `label_values(app_baskets_open{job=~"$job", instance=~"$instance"}, ${name})`, label = 'Some label'): ModelVariable => ({ name, label, query, allValue: '.*' });
const withVariables = (...extra: ModelVariable[]) => [...VARIABLES, ...extra];

dashboardTable(dashboardEmptyCheck, [
  { name: 'a row of panels with queries passes', dashboards: [{ panels: [panel(), right()] }], expect: [] },
  { name: 'a panel without queries is refused', dashboards: [{ panels: [panel({ targets: [] })] }], expect: ['panel "Open baskets": has no queries, so it can only show "No data"'] },
  { name: 'a row followed straight by another row is refused', dashboards: [{ panels: [], rows: [row(2, 1, [panel({ gridPos: { x: 0, y: 2, w: 12, h: 8 } })])] }], expect: ['row "Row 1": holds no panels'] },
  { name: 'a last row with nothing in it is refused', dashboards: [{ panels: [panel()], rows: [row(3, 9)] }], expect: ['row "Row 3": holds no panels'] },
  { name: 'a second row holding its panels passes', dashboards: [{ panels: [panel()], rows: [row(3, 9, [below()])] }], expect: [] },
  {
    name: 'a panel without queries in a later row is refused',
    dashboards: [{ panels: [panel()], rows: [row(3, 9, [below({ targets: [] })])] }],
    expect: ['panel "Right": has no queries'],
  },
  { name: 'a dashboard with no panels at all is refused once', dashboards: [{ panels: [] }], expect: ['dashboard app-shop-0: has no panels'] },
]);

dashboardTable(dashboardVariablesCheck, [
  { name: 'the datasource, job and instance variables pass', dashboards: [{ panels: [panel()] }], expect: [] },
  { name: 'a label variable over a label of its series passes', dashboards: [{ panels: [panel()], variables: withVariables(variable('region')) }], expect: [] },
  { name: 'two variables of one name are refused', dashboards: [{ panels: [panel()], variables: withVariables(variable('region'), variable('region')) }], expect: ["variable 'region' is defined 2 times"] },
  { name: 'a label variable named job, like the one every dashboard has, is refused', dashboards: [{ panels: [panel()], variables: withVariables(variable('job')) }], expect: ["variable 'job' is defined 2 times"] },
  { name: 'a variable named datasource is refused', dashboards: [{ panels: [panel()], variables: withVariables(variable('datasource', 'label_values(app_baskets_open, region)')) }], expect: ["variable 'datasource' is defined 2 times"] },
  {
    name: "a variable named like Grafana's $__rate_interval is refused",
    dashboards: [{ panels: [panel()], variables: withVariables(variable('__rate_interval', 'label_values(app_baskets_open, region)')) }],
    expect: ["variable '__rate_interval' is Grafana's global $__rate_interval"],
  },
  {
    name: 'a variable named with the __ Grafana keeps for itself is refused',
    dashboards: [{ panels: [panel()], variables: withVariables(variable('__region', 'label_values(app_baskets_open, region)')) }],
    expect: ["variable '__region' is a name Grafana keeps for its own variables"],
  },
  {
    name: 'a variable named timeFilter, a Grafana global without the __, is refused',
    dashboards: [{ panels: [panel()], variables: withVariables(variable('timeFilter', 'label_values(app_baskets_open, region)')) }],
    expect: ["variable 'timeFilter' is a name Grafana keeps for its own variables"],
  },
  {
    name: 'a variable name with a hyphen is refused',
    dashboards: [{ panels: [panel()], variables: withVariables(variable('my-region', 'label_values(app_baskets_open, region)')) }],
    expect: ["variable 'my-region' cannot be referred to"],
  },
  {
    name: 'a variable name starting with a digit is refused',
    dashboards: [{ panels: [panel()], variables: withVariables(variable('1region', 'label_values(app_baskets_open, region)')) }],
    expect: ["variable '1region' cannot be referred to"],
  },
  { name: 'a variable over a label its series lacks is refused', dashboards: [{ panels: [panel()], variables: withVariables(variable('country')) }], expect: ["variable 'country' lists the values of label 'country', which app_baskets_open does not carry (its labels: "] },
  {
    name: 'a variable over an unknown metric is refused',
    dashboards: [{ panels: [panel()], variables: withVariables(variable('region', 'label_values(app_basket_open, region)')) }],
    expect: ["variable 'region' lists values over app_basket_open: unknown metric 'app_basket_open'"],
  },
]);

dashboardTable(dashboardVariableRefsCheck, [
  {
    name: 'defined variables and Grafana globals in every form pass',
    dashboards: [{ panels: [panel(query('sum by (region) (app_baskets_open{job=~"${job:regex}", instance=~"$instance"} offset $__interval) * ${__range_s} / $__rate_interval_ms'))] }],
    expect: [],
  },
  { name: 'the $1 of label_replace is not a variable', dashboards: [{ panels: [panel(query('label_replace(app_baskets_open{job=~"$job"}, "zone", "$1", "region", "(.*)")'))] }], expect: [] },
  { name: 'a query using an undefined $cluster is refused', dashboards: [{ panels: [panel(query('sum(app_baskets_open{job=~"$job", cluster=~"$cluster"})'))] }], expect: ["panel \"Open baskets\": query A uses $cluster, but the dashboard defines no variable 'cluster'"] },
  { name: 'an undefined ${namespace} is refused', dashboards: [{ panels: [panel(query('sum(app_baskets_open{namespace="${namespace}"})'))] }], expect: ["query A uses ${namespace}, but the dashboard defines no variable 'namespace'"] },
  { name: 'an undefined [[env]] is refused', dashboards: [{ panels: [panel(query('sum(app_baskets_open{env="[[env]]"})'))] }], expect: ["query A uses [[env]], but the dashboard defines no variable 'env'"] },
  { name: 'a defined variable in the deprecated [[name]] form is refused', dashboards: [{ panels: [panel(query('sum(app_baskets_open{job=~"[[job]]"})'))] }], expect: ['query A writes [[job]], the [[name]] form Grafana has deprecated; write ${job}'] },
  { name: 'a misspelt global is refused', dashboards: [{ panels: [panel(query('rate(app_orders_total[$__rate_intervall])'))] }], expect: ["query A uses $__rate_intervall, which is not one of Grafana's global variables"] },
  { name: 'the SQL macro $__timeFilter is refused in a Prometheus query', dashboards: [{ panels: [panel(query('app_baskets_open and $__timeFilter'))] }], expect: ["query A uses $__timeFilter, which is not one of Grafana's global variables"] },
  { name: '$__all, the value of the All option, is not a variable', dashboards: [{ panels: [panel(query('app_baskets_open{region=~"$__all"}'))] }], expect: ["query A uses $__all, which is not one of Grafana's global variables"] },
  { name: 'an undefined variable in a legend is refused', dashboards: [{ panels: [panel(query('app_baskets_open', '{{region}} $zone'))] }], expect: ["legend of query A uses $zone, but the dashboard defines no variable 'zone'"] },
  { name: 'an undefined variable in a panel title is refused', dashboards: [{ panels: [panel({ title: 'Baskets in $region' })] }], expect: ["panel \"Baskets in $region\": title uses $region, but the dashboard defines no variable 'region'"] },
  { name: 'a defined variable in a panel title passes', dashboards: [{ panels: [panel({ title: 'Baskets in $region' })], variables: withVariables(variable('region')) }], expect: [] },
  { name: 'an undefined variable in a description is refused', dashboards: [{ panels: [panel({ description: 'Baskets on ${shop}.' })] }], expect: ["description uses ${shop}, but the dashboard defines no variable 'shop'"] },
  { name: 'an undefined variable in a row title is refused', dashboards: [{ panels: [panel()], rows: [{ ...row(3, 9, [below()]), title: 'Shop $shop' }] }], expect: ["row \"Shop $shop\": title uses $shop"] },
  { name: 'an undefined variable in the dashboard title is refused', dashboards: [{ title: 'Shop $site', panels: [panel()] }], expect: ["dashboard app-shop-0: the title uses $site"] },
  {
    name: 'an undefined variable in the runbook link of an alert panel is refused',
    runbookBaseUrl: 'https://example.com/$team',
    dashboards: [{ panels: [panel({ alerts: ['BasketsPiling'] })] }],
    expect: ['link "Runbook: BasketsPiling" url uses $team'],
  },
  {
    name: 'the time range macro in a runbook link passes',
    runbookBaseUrl: 'https://example.com/logs?${__url_time_range}&${__all_variables}',
    dashboards: [{ panels: [panel({ alerts: ['BasketsPiling'] })] }],
    expect: [],
  },
  { name: 'the time range macro in a query is refused', dashboards: [{ panels: [panel(query('app_baskets_open{region="${__url_time_range}"}'))] }], expect: ['query A uses ${__url_time_range}, which is not one of Grafana\'s global variables usable here'] },
  { name: 'a variable query using an undefined variable is refused', dashboards: [{ panels: [panel()], variables: withVariables(variable('region', 'label_values(app_baskets_open{site=~"$site"}, region)')) }], expect: ["variable 'region' query uses $site"] },
]);

dashboardTable(dashboardTextCheck, [
  { name: 'titled and described panels pass', dashboards: [{ panels: [panel(), right({ title: 'Checkout 👩‍💻 ❤️', description: 'Orders placed.\nPer second.' })] }], expect: [] },
  { name: 'an empty panel title is refused', dashboards: [{ panels: [panel({ title: '' })] }], expect: ['panel "": title is empty, so nothing names it on the dashboard'] },
  { name: 'a whitespace-only panel title is refused', dashboards: [{ panels: [panel({ title: ' \u00a0\u3000' })] }], expect: ['title is blank'] },
  { name: 'a title of Hangul fillers, which draw nothing, is refused', dashboards: [{ panels: [panel({ title: '\u3164\u3164' })] }], expect: ['title is blank'] },
  { name: 'a zero-width space in a title is refused', dashboards: [{ panels: [panel({ title: 'Open\u200bbaskets' })] }], expect: ['panel "Open\\u{200B}baskets": title contains U+200B (invisible formatting character)'] },
  { name: 'a bidi override in a description is refused', dashboards: [{ panels: [panel({ description: 'Baskets \u202eopen' })] }], expect: ['description contains U+202E (invisible formatting character)'] },
  { name: 'a terminal escape in a title is refused, and printed escaped', dashboards: [{ panels: [panel({ title: 'Baskets\u001b[2J' })] }], expect: ['panel "Baskets\\u{1B}[2J": title contains U+001B (control character)'] },
  { name: 'a line break in a title is refused', dashboards: [{ panels: [panel({ title: 'Open\nbaskets' })] }], expect: ['title contains U+000A (control character)'] },
  { name: 'an empty panel description is refused', dashboards: [{ panels: [panel({ description: '' })] }], expect: ['panel "Open baskets": description is empty'] },
  { name: 'a blank panel description is refused', dashboards: [{ panels: [panel({ description: '  \n ' })] }], expect: ['description is blank'] },
  { name: 'a panel without queries is left to dashboard-empty', dashboards: [{ panels: [panel({ description: '', targets: [] })] }], expect: [] },
  { name: 'a blank row title is refused', dashboards: [{ panels: [panel()], rows: [{ ...row(3, 9, [below()]), title: '   ' }] }], expect: ['row "   ": row title is blank'] },
  { name: 'an empty dashboard title is refused', dashboards: [{ title: '', panels: [panel()] }], expect: ['dashboard app-shop-0: dashboard title is empty'] },
  { name: 'a private-use character in the dashboard title is refused', dashboards: [{ title: 'Shop \ue000', panels: [panel()] }], expect: ['dashboard title contains U+E000 (private-use character)'] },
  { name: 'a blank dashboard description is refused', dashboards: [{ description: '\t', panels: [panel()] }], expect: ['dashboard description is blank'] },
  { name: 'an empty tag is refused', dashboards: [{ tags: ['app', ''], panels: [panel()] }], expect: ['tag is empty'] },
  { name: 'a blank variable label is refused', dashboards: [{ panels: [panel()], variables: withVariables(variable('region', undefined, ' ')) }], expect: ["label of variable 'region' is blank"] },
  { name: 'a legend of zero-width spaces is refused: it shows no name', dashboards: [{ panels: [panel(query('app_baskets_open', '\u200b'))] }], expect: ['legend of query A is blank'] },
  { name: 'a legend left empty passes: Grafana names the series', dashboards: [{ panels: [panel(query('app_baskets_open', ''))] }], expect: [] },
  { name: 'an unassigned code point in a legend is refused', dashboards: [{ panels: [panel(query('app_baskets_open', '{{region}} \u0378'))] }], expect: ['legend of query A contains U+0378 (unassigned code point)'] },
]);

dashboardTable(dashboardFaultSwitchesCheck, [
  { name: 'a quiet panel shown under a declared switch passes', faultSwitches: ['errors', 'latency'], dashboards: [{ panels: [panel()], quietWhenHealthy: 'nothing fails', shownUnder: 'errors' }], expect: [] },
  {
    name: 'a misspelt switch is refused, naming the nearest',
    faultSwitches: ['errors', 'latency'],
    dashboards: [{ panels: [panel()], quietWhenHealthy: 'nothing fails', shownUnder: 'erors' }],
    expect: ["panel \"Open baskets\": shownUnder 'erors' is not a fault switch (the config's faultSwitches are errors, latency): did you mean 'errors'?"],
  },
  { name: 'a switch the project does not declare is refused', faultSwitches: ['errors'], dashboards: [{ panels: [panel()], quietWhenHealthy: 'q', shownUnder: 'disk_full' }], expect: ["shownUnder 'disk_full' is not a fault switch"] },
  { name: 'a shownUnder in a project without fault switches is refused', dashboards: [{ panels: [panel()], quietWhenHealthy: 'q', shownUnder: 'errors' }], expect: ['sextant.config.ts declares no faultSwitches'] },
  { name: 'an empty shownUnder is refused', faultSwitches: ['errors'], dashboards: [{ panels: [panel()], quietWhenHealthy: 'q', shownUnder: '' }], expect: ["shownUnder '' is not a fault switch"] },
  { name: 'a shownUnder on a panel that is not quiet when healthy is refused', faultSwitches: ['errors'], dashboards: [{ panels: [panel()], shownUnder: 'errors' }], expect: ['names a fault switch in shownUnder but is not quiet when healthy'] },
  { name: 'a quiet panel naming no switch is refused when the project has switches', faultSwitches: ['errors'], dashboards: [{ panels: [panel()], quietWhenHealthy: 'q' }], expect: ['is quiet when healthy but names no fault switch to show it under; add shownUnder: one of errors'] },
  { name: 'a quiet panel passes without a switch when the project has none', dashboards: [{ panels: [panel()], quietWhenHealthy: 'q' }], expect: [] },
  { name: 'an empty quietWhenHealthy is refused', faultSwitches: ['errors'], dashboards: [{ panels: [panel()], quietWhenHealthy: ' ', shownUnder: 'errors' }], expect: ['quietWhenHealthy is empty'] },
  { name: 'fault switches listed twice are refused', faultSwitches: ['errors', 'errors'], dashboards: [{ panels: [panel()] }], expect: ['faultSwitches: is not a list of distinct, non-empty fault switch names'] },
  { name: 'an empty fault switch name is refused', faultSwitches: ['errors', ''], dashboards: [{ panels: [panel()] }], expect: ['faultSwitches: is not a list'] },
]);
