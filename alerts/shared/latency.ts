/**
 * The recording rules a latency histogram gets: the per-second bucket rates aggregated to the
 * labels that matter, and the quantiles read from them. Dashboards and alerts read the quantiles from
 * here instead of running histogram_quantile over raw buckets on every refresh; a quantile nothing
 * reads is not recorded (check recording-rules-read), so each caller names those it reads.
 */
import { bucketOf, evaluates, input, promql, recordingRule, type LabelName, type LabelSet, type MetricDef, type RecordingRuleDef, type Scenario, type ScenarioContext } from 'sextant';
import { quantileWithin, ratePerSecond } from './expect.ts';

const QUANTILES = { p50: 0.5, p95: 0.95, p99: 0.99 } as const;
export type Quantile = keyof typeof QUANTILES;

export type LatencyRules<Q extends Quantile> = { readonly [K in Q]: RecordingRuleDef } & {
  readonly buckets: RecordingRuleDef;
  readonly all: readonly RecordingRuleDef[];
};

/**
 * @param by labels kept besides job, in this order (they name the rule's level).
 * @param sample a full label set of the metric, target labels included, for the rules' tests.
 * @param quantiles the quantiles alerts and panels read.
 */
export function latencyRules<M extends MetricDef, Q extends Quantile>(
  metric: M,
  by: readonly LabelName<M>[],
  sample: LabelSet<M> & { job: string; instance: string },
  quantiles: readonly Q[],
): LatencyRules<Q> {
  const kept = ['job', ...by];
  const level = kept.join('_');
  const buckets = metric.buckets ?? [];
  // Observations fall in the middle bucket of the layout: exact quantiles, easy to check by hand.
  const middle = Math.floor(buckets.length / 2);
  const [lower, upper] = [buckets[middle - 1] ?? 0, buckets[middle] ?? 1];
  const bucketInput = (le: string, values: string) => input(bucketOf(metric), { ...sample, le }, values);
  const series = [bucketInput(String(lower), '0+0x30'), bucketInput(String(upper), '0+100x30'), bucketInput('+Inf', '0+100x30')];
  const keptLabels = Object.fromEntries(kept.map((label) => [label, (sample as Record<string, string>)[label]!]));

  const bucketRule = recordingRule({
    record: `${level}_le:${metric.name}_bucket:rate5m`,
    expr: promql`sum by (${kept.join(', ')}, le) (rate(${bucketOf(metric)}[5m]))`,
    tests: [evaluates('keeps le for quantiles', { at: '10m', series: series.slice(2), samples: [{ labels: { ...keptLabels, le: '+Inf' }, value: ratePerSecond(100) }] })],
  });
  const quantile = (name: Quantile) =>
    recordingRule({
      record: `${level}:${metric.name}:${name}`,
      expr: promql`histogram_quantile(${QUANTILES[name]}, ${bucketRule})`,
      tests: [evaluates('interpolates within the bucket', { at: '10m', series, samples: [{ labels: keptLabels, value: quantileWithin(QUANTILES[name], lower, upper, ratePerSecond(100)) }] })],
    });
  // In p50, p95, p99 order whatever the caller's, so the rule files keep one order.
  const read = (Object.keys(QUANTILES) as Quantile[]).filter((name) => (quantiles as readonly Quantile[]).includes(name));
  const rules = Object.fromEntries(read.map((name) => [name, quantile(name)])) as { [K in Q]: RecordingRuleDef };
  return { ...rules, buckets: bucketRule, all: [bucketRule, ...read.map((name) => rules[name as Q])] };
}

/**
 * A scenario for an alert on a p95 of `metric`: bucket counters of `perSecond` observations a second
 * spread so that histogram_quantile(0.95) interpolates to exactly the value asked for. Observations
 * under the 95th sit in the first bucket, those past it in the bucket after the value's.
 */
export function p95Scenario(metric: MetricDef, labels: Readonly<Record<string, string>>, perSecond = 10): Pick<Scenario, 'series' | 'idle'> {
  const bounds = metric.buckets ?? [];
  const counters = (s: ScenarioContext, cumulative: (le: number) => number) => [
    ...bounds.map((le) => input(bucketOf(metric), { ...s.target, ...labels, le: String(le) }, s.counter(perSecond * cumulative(le)))),
    input(bucketOf(metric), { ...s.target, ...labels, le: '+Inf' }, s.counter(perSecond)),
  ];
  return {
    series: (value, s) => {
      const index = bounds.findIndex((le) => le >= value);
      if (index < 0) throw new Error(`a p95 of ${value} is past the last bucket (${bounds.at(-1)}) of ${metric.name}`);
      const [lo, hi] = [bounds[index - 1] ?? 0, bounds[index]!];
      const x = (value - lo) / (hi - lo);
      // p: the share under lo; q: the share past hi. The 95th then falls at x of the bucket.
      const p = x <= 0.95 ? (0.95 - x) / (1 - x) : 0;
      const q = x > 0.95 ? 1 - 0.95 / x : 0;
      return counters(s, (le) => (le < hi ? p : le === hi ? 1 - q : 1));
    },
    idle: (s) => counters(s, () => 0).map((series) => ({ ...series, values: s.counter(0) })),
  };
}
