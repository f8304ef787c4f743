/**
 * What every dashboard's panels share, for the packs and for projects (`import { sel } from 'sextant'`):
 * series narrowed to the dashboard's job and instance variables (the ones `defineDashboard()` adds),
 * rates over Grafana's $__rate_interval, and names for the Grafana units panels show. One place, so
 * all dashboards filter the same way and the `target-instance-rule` lint finds what it asks for.
 *
 * `extra` matchers are PromQL text (`'route=~"$route"'`, `'mode!="idle"'`), written into the
 * selector as given: they carry variables and operators more often than values, and the query
 * checks parse every panel query, so a malformed matcher is refused with the panel it is in.
 */
import type { MetricDef } from './metrics.ts';
import type { RecordingRuleDef } from './rules.ts';
import { countOf, promql, sumOf, type Query, type RecordingRef, type SeriesRef } from '../promql/query.ts';

/** What a selector can start from: a metric, one of a histogram's series (`bucketOf()`…), a recording rule. */
export type PanelSeries = MetricDef | SeriesRef | RecordingRef;

/** `metric{job=~"$job", instance=~"$instance", …extra}`: a series narrowed to the dashboard's variables. */
export function sel(metric: PanelSeries, ...extra: string[]): Query {
  return promql`${metric}{${['job=~"$job"', 'instance=~"$instance"', ...extra].join(', ')}}`;
}

/**
 * `rule{job=~"$job", …extra}`: a recording rule narrowed by the variables of the labels it keeps. Its
 * level (`job_instance:…`) names them; most aggregate instances away, and then only job narrows them.
 */
export function rec(rule: RecordingRuleDef, ...extra: string[]): Query {
  const keepsInstance = rule.record.split(':')[0]!.split('_').includes('instance');
  return promql`${rule}{${['job=~"$job"', ...(keepsInstance ? ['instance=~"$instance"'] : []), ...extra].join(', ')}}`;
}

/** `rate(metric{…}[$__rate_interval])`: a counter's per-second rate, narrowed like sel(). */
export function rate(metric: PanelSeries, ...extra: string[]): Query {
  return promql`rate(${sel(metric, ...extra)}[$__rate_interval])`;
}

/** `sum by (by) (rate(h_sum{…})) / sum by (by) (rate(h_count{…}))`: a histogram's or summary's average observation over the interval, narrowed like sel(). */
export function average(histogram: MetricDef, by: string, ...extra: string[]): Query {
  return promql`sum by (${by}) (${rate(sumOf(histogram), ...extra)}) / sum by (${by}) (${rate(countOf(histogram), ...extra)})`;
}

/** Grafana unit ids by what a panel shows, for a panel's `unit` (any other Grafana unit id is accepted too). */
export const PANEL_UNITS = {
  requestsPerSecond: 'reqps',
  perSecond: 'ops',
  seconds: 's',
  bytes: 'bytes',
  ratio: 'percentunit',
  count: 'short',
  bytesPerSecond: 'Bps',
} as const;
