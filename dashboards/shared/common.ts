/**
 * What every dashboard shares: selectors narrowed to the dashboard's job and instance variables,
 * and the Grafana units the panels use. One place, so all dashboards filter the same way.
 */
import { promql, type MetricDef, type RecordingRef, type Query, type RecordingRuleDef, type SeriesRef } from 'sextant';

type Series = MetricDef | SeriesRef | RecordingRef;

/** `metric{job=~"$job", instance=~"$instance", …extra}`: a raw series narrowed to the dashboard's variables. */
export function sel(metric: Series, ...extra: string[]): Query {
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

/** rate() of a counter over Grafana's $__rate_interval. */
export function rate(metric: Series, ...extra: string[]): Query {
  return promql`rate(${sel(metric, ...extra)}[$__rate_interval])`;
}

/** Average of a histogram or summary over the interval: _sum over _count. */
export function average(sum: SeriesRef, count: SeriesRef, by: string): Query {
  return promql`sum by (${by}) (${rate(sum)}) / sum by (${by}) (${rate(count)})`;
}

export const UNITS = {
  requestsPerSecond: 'reqps',
  perSecond: 'ops',
  seconds: 's',
  bytes: 'bytes',
  ratio: 'percentunit',
  count: 'short',
  bytesPerSecond: 'Bps',
} as const;
