/**
 * The dashboard helpers `sextant` exports (generator/dsl/panels.ts): the selector text each builds,
 * and that a malformed matcher given to them is refused by the panel query check, not written.
 */
import { describe, expect, it } from 'vitest';
import { average, bucketOf, PANEL_UNITS, promql, rate, rec, recordingRule, sel } from '../generator/index.ts';
import { dashboardQueriesCheck } from '../generator/validate/checks/dashboard-queries.ts';
import { app } from './helpers/app-domain.ts';
import { dashboardTable, panel, queryTarget } from './helpers/dashboard-table.ts';
import { queryText } from './helpers/query.ts';
import { shop } from './helpers/rules-table.ts';

const { requests, latency } = app.metrics;
const text = (query: Parameters<typeof queryText>[0]) => queryText(query, 'shop');
const rule = (record: string) => recordingRule({ record, expr: promql`sum by (job) (${requests})`, tests: [] });

describe('sel()', () => {
  it("narrows a metric to the dashboard's job and instance variables", () => {
    expect(text(sel(requests))).toBe('shop_requests_total{job=~"$job", instance=~"$instance"}');
  });

  it('appends extra matchers as given, a value with a quote escaped as PromQL escapes it', () => {
    expect(text(sel(requests, 'route=~"$route"', 'route!="/a\\"b"'))).toBe('shop_requests_total{job=~"$job", instance=~"$instance", route=~"$route", route!="/a\\"b"}');
  });

  it("selects a histogram's series", () => {
    expect(text(sel(bucketOf(latency), 'le="1"'))).toBe('shop_latency_seconds_bucket{job=~"$job", instance=~"$instance", le="1"}');
  });
});

describe('rec()', () => {
  it('narrows a rule that aggregates instances away by job only', () => {
    expect(text(rec(rule('job:requests:rate5m')))).toBe('job:shop_requests:rate5m{job=~"$job"}');
  });

  it('narrows a rule whose level keeps the instance by instance too, then the extra matchers', () => {
    expect(text(rec(rule('job_instance_route:requests:rate5m'), 'route=~"$route"'))).toBe('job_instance_route:shop_requests:rate5m{job=~"$job", instance=~"$instance", route=~"$route"}');
  });

  it('reads the instance from the level alone, not from the metric part', () => {
    expect(text(rec(rule('job:instance_requests:rate5m')))).toBe('job:shop_instance_requests:rate5m{job=~"$job"}');
  });
});

describe('rate() and average()', () => {
  it("take a counter's rate over Grafana's $__rate_interval", () => {
    expect(text(rate(requests, 'route="/a"'))).toBe('rate(shop_requests_total{job=~"$job", instance=~"$instance", route="/a"}[$__rate_interval])');
  });

  it("divide a histogram's _sum rate by its _count rate, by the labels given", () => {
    expect(text(average(latency, 'job', 'le!="x"'))).toBe(
      'sum by (job) (rate(shop_latency_seconds_sum{job=~"$job", instance=~"$instance", le!="x"}[$__rate_interval])) / sum by (job) (rate(shop_latency_seconds_count{job=~"$job", instance=~"$instance", le!="x"}[$__rate_interval]))',
    );
  });
});

describe('PANEL_UNITS', () => {
  it('are Grafana unit ids', () => {
    expect(PANEL_UNITS).toEqual({ requestsPerSecond: 'reqps', perSecond: 'ops', seconds: 's', bytes: 'bytes', ratio: 'percentunit', count: 'short', bytesPerSecond: 'Bps' });
  });
});

const { orders } = shop.metrics;
const shopQuery = (query: Parameters<typeof queryText>[0]) => ({ targets: [queryTarget(queryText(query, 'app'))] });

dashboardTable(dashboardQueriesCheck, [
  { name: 'a query of the helpers with a variable matcher passes', dashboards: [{ panels: [panel(shopQuery(promql`sum(${rate(orders, 'status=~"$status"')})`))] }], expect: [] },
  { name: 'an unquoted matcher value is refused, naming the panel', dashboards: [{ panels: [panel(shopQuery(promql`sum(${rate(orders, 'status=failed')})`))] }], expect: [`panel "Open baskets": query A: syntax error at character 61: near 'failed}`] },
]);
