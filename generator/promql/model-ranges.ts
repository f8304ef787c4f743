/**
 * The values each series of a model can take, from what the catalogue declares: counters and
 * counts are never negative, sizes (bytes) and durations (seconds) neither, ratios stay within 0–1.
 * Recording rules take the range of their expression, and 0–1 when their name says ratio.
 */
import type { Model, ModelMetric } from '../model/types.ts';
import { ANY, valueRanges, type Range, type SeriesRanges } from './value-range.ts';

const BY_UNIT: Readonly<Record<string, Range>> = {
  ratio: { lo: 0, hi: 1, why: 'a ratio (unit ratio)' },
  bytes: { lo: 0, hi: Infinity, why: 'a size in bytes, never negative' },
  seconds: { lo: 0, hi: Infinity, why: 'a duration or time in seconds, never negative' },
};
const COUNT: Range = { lo: 0, hi: Infinity, why: 'a count, never negative' };

const cache = new WeakMap<Model, SeriesRanges>();

export function seriesRangesOf(model: Model): SeriesRanges {
  const cached = cache.get(model);
  if (cached) return cached;
  const bySeries = new Map<string, Range>();
  for (const metric of model.metrics) for (const [name, range] of seriesOf(metric)) bySeries.set(name, range);
  const rules = new Map(model.rules.flatMap((file) => file.recording).map((rule) => [rule.record, rule.expr]));
  const inferred = new Map<string, Range>();
  const ranges: SeriesRanges = (name) => {
    const known = bySeries.get(name) ?? inferred.get(name);
    if (known) return known;
    const expr = rules.get(name);
    if (expr === undefined) return undefined;
    inferred.set(name, ANY); // a rule reading itself stays unbounded
    let range = valueRanges(expr, ranges).range;
    if (name.split(/[:_]/).includes('ratio')) {
      range = { lo: Math.max(range.lo, 0), hi: Math.min(range.hi, 1), why: `a ratio (0–1), as the name ${name} says` };
    }
    inferred.set(name, range);
    return range;
  };
  cache.set(model, ranges);
  return ranges;
}

function seriesOf(metric: ModelMetric): [string, Range][] {
  const unit = (metric.unit && BY_UNIT[metric.unit]) || ANY;
  switch (metric.type) {
    case 'counter':
      return [[metric.name, { lo: 0, hi: Infinity, why: 'a counter, never negative' }]];
    case 'histogram':
      return [[`${metric.name}_bucket`, COUNT], [`${metric.name}_count`, COUNT], [`${metric.name}_sum`, unit]];
    case 'summary':
      return [[metric.name, unit], [`${metric.name}_count`, COUNT], [`${metric.name}_sum`, unit]];
    default:
      return [[metric.name, declared(metric, unit)]];
  }
}

/** A gauge's declared bounds (a capacity) narrow what its unit allows. */
function declared(metric: ModelMetric, unit: Range): Range {
  if (!metric.range) return unit;
  const { min, max, why } = metric.range;
  return { lo: Math.max(unit.lo, min ?? -Infinity), hi: Math.min(unit.hi, max ?? Infinity), why };
}
