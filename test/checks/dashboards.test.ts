import { dashboardAlertLinksCheck } from '../../generator/validate/checks/dashboard-alert-links.ts';
import { dashboardCoverageCheck } from '../../generator/validate/checks/dashboard-coverage.ts';
import { dashboardGridCheck } from '../../generator/validate/checks/dashboard-grid.ts';
import { dashboardLinksCheck } from '../../generator/validate/checks/dashboard-links.ts';
import { dashboardQueriesCheck } from '../../generator/validate/checks/dashboard-queries.ts';
import { dashboardRateIntervalCheck } from '../../generator/validate/checks/dashboard-rate-interval.ts';
import { dashboardUidsCheck } from '../../generator/validate/checks/dashboard-uids.ts';
import { dashboardUnitsCheck } from '../../generator/validate/checks/dashboard-units.ts';
import { describe, expect, it } from 'vitest';
import { defineDashboard, promql, recordingRule, row as dashboardRow, target, timeseries } from '../../generator/index.ts';
import { buildDashboards } from '../../generator/model/dashboards.ts';
import { dashboardTable, panel, row, queryTarget } from '../helpers/dashboard-table.ts';
import { rulesModelOf, shop, validAlert } from '../helpers/rules-table.ts';

const query = (expr: string) => ({ targets: [queryTarget(expr)] });

dashboardTable(dashboardQueriesCheck, [
  { name: 'a catalogue query with variables passes', dashboards: [{ panels: [panel()] }], expect: [] },
  { name: 'an unknown metric is refused, naming the panel', dashboards: [{ panels: [panel(query('sum(app_basket_open)'))] }], expect: ['panel "Open baskets": query A: unknown metric \'app_basket_open\''] },
  { name: 'an unknown label is refused', dashboards: [{ panels: [panel(query('sum by (country) (app_baskets_open)'))] }], expect: ["'sum by' names label 'country'"] },
  { name: '$__rate_interval is understood as a window', dashboards: [{ panels: [panel(query('sum(rate(app_orders_total{status=~"$status"}[$__rate_interval]))'))] }], expect: [] },
  { name: 'rate over a gauge is refused on panels too', dashboards: [{ panels: [panel(query('rate(app_baskets_open[$__rate_interval])'))] }], expect: ['rate() over gauge'] },
]);

dashboardTable(dashboardRateIntervalCheck, [
  { name: 'rate over $__rate_interval passes', dashboards: [{ panels: [panel(query('sum(rate(app_orders_total[$__rate_interval]))'))] }], expect: [] },
  { name: 'rate over a fixed window is refused', dashboards: [{ panels: [panel(query('sum(rate(app_orders_total[5m]))'))] }], expect: ['query A: rate() over [5m]; use [$__rate_interval]'] },
  { name: 'increase over $__interval is refused', dashboards: [{ panels: [panel(query('increase(app_orders_total[$__interval])'))] }], expect: ['increase() over [$__interval]'] },
  { name: 'every range call of a query is checked', dashboards: [{ panels: [panel(query('rate(app_orders_total[$__rate_interval]) / irate(app_orders_total[1m])'))] }], expect: ['irate() over [1m]'] },
]);

dashboardTable(dashboardUnitsCheck, [
  { name: 'a panel with a unit passes', dashboards: [{ panels: [panel()] }], expect: [] },
  { name: 'a panel without a unit is refused', dashboards: [{ panels: [panel({ unit: undefined })] }], expect: ['panel "Open baskets": has no unit'] },
  { name: 'a min above the max is refused', dashboards: [{ panels: [panel({ min: 10, max: 1 })] }], expect: ['panel "Open baskets": min 10 is not below max 1'] },
  { name: 'a min equal to the max is refused', dashboards: [{ panels: [panel({ min: 0, max: 0 })] }], expect: ['min 0 is not below max 0'] },
  { name: 'a range from 0 to 1 passes', dashboards: [{ panels: [panel({ unit: 'percentunit', min: 0, max: 1 })] }], expect: [] },
  {
    name: 'thresholds out of order are refused',
    dashboards: [{ panels: [panel({ thresholds: [{ value: null, color: 'green' }, { value: 10, color: 'red' }, { value: 5, color: 'orange' }] })] }],
    expect: ['threshold 5 follows 10: steps must ascend'],
  },
  {
    name: 'ascending thresholds after the base step pass',
    dashboards: [{ panels: [panel({ thresholds: [{ value: null, color: 'green' }, { value: 5, color: 'orange' }, { value: 10, color: 'red' }] })] }],
    expect: [],
  },
]);

dashboardTable(dashboardUidsCheck, [
  { name: 'distinct valid uids pass', dashboards: [{ panels: [panel()] }, { panels: [panel()] }], expect: [] },
  { name: 'a uid used twice is refused', dashboards: [{ uid: 'app-shop', panels: [] }, { uid: 'app-shop', panels: [] }], expect: ["uid 'app-shop' is also the uid of the dashboard in dashboards/shop_0.ts"] },
  { name: 'a uid over 40 characters is refused', dashboards: [{ uid: 'x'.repeat(41), panels: [] }], expect: ['must be 1–40 letters'] },
  { name: 'a uid with a slash is refused', dashboards: [{ uid: 'app/shop', panels: [] }], expect: ['must be 1–40 letters'] },
]);

dashboardTable(dashboardGridCheck, [
  { name: 'side by side panels pass', dashboards: [{ panels: [panel(), panel({ id: 3, title: 'Right', gridPos: { x: 12, y: 1, w: 12, h: 8 } })] }], expect: [] },
  { name: 'overlapping panels are refused', dashboards: [{ panels: [panel(), panel({ id: 3, title: 'Over', gridPos: { x: 6, y: 4, w: 12, h: 8 } })] }], expect: ['panel "Over": overlaps panel "Open baskets"'] },
  { name: 'a panel over the row is refused', dashboards: [{ panels: [panel({ gridPos: { x: 0, y: 0, w: 6, h: 4 } })] }], expect: ['overlaps panel "Row 1"'] },
  { name: 'a panel wider than the grid is refused', dashboards: [{ panels: [panel({ gridPos: { x: 12, y: 1, w: 18, h: 8 } })] }], expect: ['does not fit the 24-column grid'] },
  { name: 'a fractional width is refused', dashboards: [{ panels: [panel({ gridPos: { x: 0, y: 1, w: 6.5, h: 8 } })] }], expect: ['gridPos does not fit the 24-column grid: w=6.5 is not a whole number of columns from 1 to 24'] },
  { name: 'a NaN height is refused', dashboards: [{ panels: [panel({ gridPos: { x: 0, y: 1, w: 12, h: NaN } })] }], expect: ['h=NaN is not a whole number of rows from 1'] },
  { name: 'an infinite width is refused', dashboards: [{ panels: [panel({ gridPos: { x: 0, y: 1, w: Infinity, h: 8 } })] }], expect: ['w=Infinity is not a whole number of columns'] },
  { name: 'a negative column is refused', dashboards: [{ panels: [panel({ gridPos: { x: -2, y: 1, w: 12, h: 8 } })] }], expect: ['x=-2 is not a whole number of columns from 0'] },
  { name: 'a fractional row is refused', dashboards: [{ panels: [panel({ gridPos: { x: 0, y: 1.5, w: 12, h: 8 } })] }], expect: ['y=1.5 is not a whole number of rows from 0'] },
  { name: 'a zero height is refused', dashboards: [{ panels: [panel({ gridPos: { x: 0, y: 1, w: 12, h: 0 } })] }], expect: ['h=0 is not a whole number of rows from 1'] },
  { name: 'a zero width is refused', dashboards: [{ panels: [panel({ gridPos: { x: 0, y: 1, w: 0, h: 8 } })] }], expect: ['w=0 is not a whole number of columns from 1 to 24'] },
  { name: 'a missing coordinate is refused', dashboards: [{ panels: [panel({ gridPos: { x: 0, w: 12, h: 8 } as never })] }], expect: ['y=undefined is not a whole number'] },
  { name: 'a size written as text is refused', dashboards: [{ panels: [panel({ gridPos: { x: 0, y: 1, w: '12' as never, h: 8 } })] }], expect: ['w=12 is not a whole number of columns'] },
  { name: 'a panel running past column 24 is refused', dashboards: [{ panels: [panel({ gridPos: { x: 20, y: 1, w: 6, h: 8 } })] }], expect: ['x+w=26 runs past column 24'] },
  { name: 'a row pushed to a fractional row by the heights above is refused', dashboards: [{ panels: [panel()], rows: [row(3, 9.5)] }], expect: ['row "Row 3": gridPos does not fit the 24-column grid: y=9.5'] },
]);

/** Coverage is read from what the panels' queries interpolate, so its cases are definitions, built. */
describe(`check ${dashboardCoverageCheck.id}`, () => {
  const { orders, basket } = shop.metrics;
  const ordersRate = recordingRule({ record: 'job:orders:rate5m', expr: promql`sum by (job) (rate(${orders}[5m]))`, tests: [] });
  it.each([
    { name: 'a catalogue whose metrics are all on panels passes', queries: [promql`sum(${basket})`, promql`sum(rate(${orders}[$__rate_interval]))`], expect: [] },
    { name: 'a metric shown through the recording rule a panel reads passes', queries: [promql`sum(${basket})`, promql`sum(${ordersRate})`], expect: [] },
    { name: 'a metric whose name is typed into a panel query by hand counts as shown', queries: [promql`sum(${basket})`, promql`sum(rate(app_orders_total[$__rate_interval]))`], expect: [] },
    { name: 'a metric on no panel is reported', queries: [promql`sum(${basket})`], expect: ['app_orders_total: no dashboard panel shows this metric'] },
  ])('$name', ({ queries, expect: expected }) => {
    const base = rulesModelOf([validAlert()], [ordersRate]);
    const definition = defineDashboard({ name: 'shop', title: 'Shop', folder: 'Service', description: 'd', scope: basket, rows: [dashboardRow('R', [timeseries({ title: 'T', unit: 'short', targets: queries.map((query) => target(query)) })])] });
    const { dashboards, problems } = buildDashboards([{ file: 'dashboards/shop.ts', value: definition }], base);
    expect(problems).toEqual([]);
    const messages = dashboardCoverageCheck.run({ ...base, dashboards }).map((p) => `${p.definition}: ${p.message}`);
    expect(messages).toHaveLength(expected.length);
    expected.forEach((text, i) => expect(messages[i]).toContain(text));
  });
});

describe('dashboard uids as buildDashboards() gives them (namespace app)', () => {
  const { basket } = shop.metrics;
  const definition = (name: string, extra: { uid?: string; links?: { title: string; dashboard: string }[] } = {}) =>
    defineDashboard({ name, title: 'Shop', folder: 'Service', description: 'd', scope: basket, rows: [dashboardRow('R', [timeseries({ title: 'T', unit: 'short', targets: [target(promql`sum(${basket})`)] })])], ...extra });
  const uidsOf = (...definitions: ReturnType<typeof definition>[]) => {
    const { dashboards, problems } = buildDashboards(definitions.map((value) => ({ file: `dashboards/${value.name}.ts`, value })), rulesModelOf([validAlert()]));
    expect(problems).toEqual([]);
    return dashboards;
  };
  it.each([
    { name: 'shop', uid: 'app-shop' },
    { name: 'service_health', uid: 'app-service-health' },
    // No stutter: a name that already says the namespace is not prefixed again.
    { name: 'app', uid: 'app' },
    { name: 'app_orders', uid: 'app-orders' },
    // Only the whole word counts: 'apple' does not start with the namespace 'app'.
    { name: 'apple', uid: 'app-apple' },
  ])('$name gets uid $uid', ({ name, uid }) => {
    expect(uidsOf(definition(name))[0]!.uid).toBe(uid);
  });
  it('an explicit uid wins, and a link to that dashboard by name leads to it', () => {
    const [linking, legacy] = uidsOf(definition('overview', { links: [{ title: 'Shop', dashboard: 'shop' }] }), definition('shop', { uid: 'Shop_legacy-1' }));
    expect(legacy!.uid).toBe('Shop_legacy-1');
    expect(linking!.links).toEqual([{ title: 'Shop', dashboard: 'shop', uid: 'Shop_legacy-1' }]);
  });
});

dashboardTable(dashboardAlertLinksCheck, [
  { name: 'a link to a defined alert passes', dashboards: [{ panels: [panel()], alerts: ['BasketsPiling'] }], expect: [] },
  { name: 'a link to an unknown alert is refused', dashboards: [{ panels: [panel()], alerts: ['BasketPile'] }], expect: ['links to alert BasketPile, which no rules file defines'] },
]);

dashboardTable(dashboardLinksCheck, [
  { name: 'a link to a dashboard of the project passes', dashboards: [{ panels: [panel()], links: [{ title: 'Other', dashboard: 'shop_1', uid: 'app-shop-1' }] }, { panels: [panel()] }], expect: [] },
  { name: 'a link to a dashboard no definition names is refused, listing the known ones', dashboards: [{ panels: [panel()], links: [{ title: 'SLOs', dashboard: 'slos', uid: undefined }] }], expect: ["link 'SLOs' names dashboard 'slos', which this project does not define: name one it does (shop_0)"] },
]);
