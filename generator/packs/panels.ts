/**
 * What the packs' dashboards share: selectors narrowed to the dashboard's job and instance
 * variables, rates over Grafana's $__rate_interval, and the Grafana units their panels use.
 */
import type { MetricDef } from '../dsl/metrics.ts';
import type { RecordingRuleDef } from '../dsl/rules.ts';
import { promql, type Query, type RecordingRef, type SeriesRef } from '../promql/query.ts';

type Series = MetricDef | SeriesRef | RecordingRef;

/** `metric{job=~"$job", instance=~"$instance", …extra}`: a raw series narrowed to the dashboard's variables. */
export function sel(metric: Series, ...extra: string[]): Query {
  return promql`${metric}{${['job=~"$job"', 'instance=~"$instance"', ...extra].join(', ')}}`;
}

/** `rule{job=~"$job", …}`: a recording rule narrowed by the variables of the labels its level keeps. */
export function rec(rule: RecordingRuleDef, ...extra: string[]): Query {
  const keepsInstance = rule.record.split(':')[0]!.split('_').includes('instance');
  return promql`${rule}{${['job=~"$job"', ...(keepsInstance ? ['instance=~"$instance"'] : []), ...extra].join(', ')}}`;
}

/** rate() of a counter over Grafana's $__rate_interval. */
export function rate(metric: Series, ...extra: string[]): Query {
  return promql`rate(${sel(metric, ...extra)}[$__rate_interval])`;
}

export const UNITS = {
  perSecond: 'ops',
  seconds: 's',
  bytes: 'bytes',
  ratio: 'percentunit',
  count: 'short',
  bytesPerSecond: 'Bps',
} as const;
