import { metricCheck } from '../check.ts';

/** Units whose observations cannot be negative, so a bucket at or below zero can never count anything new. */
const POSITIVE_UNITS = new Set(['seconds', 'bytes']);

export const bucketsCheck = metricCheck({
  id: 'buckets',
  summary:
    'Histograms declare finite, strictly increasing buckets (+Inf is implicit), positive for seconds and bytes; other types declare none.',
  fix: 'Give the histogram finite buckets in strictly increasing order, positive for seconds and bytes, without +Inf (Prometheus adds it); drop buckets from other types.',
  inspect(metric, report) {
    const { buckets } = metric;
    if (metric.type !== 'histogram') {
      if (buckets !== undefined) report(`only histograms take buckets; this is a ${metric.type}`);
      return;
    }
    if (!Array.isArray(buckets) || buckets.length === 0) {
      report('a histogram needs buckets: list them or use exponentialBuckets()/linearBuckets()');
      return;
    }
    if (buckets.some((b) => typeof b !== 'number' || !Number.isFinite(b))) {
      report('buckets must be finite numbers; +Inf is added implicitly');
      return;
    }
    const firstOutOfOrder = buckets.findIndex((b, i) => i > 0 && b <= buckets[i - 1]!);
    if (firstOutOfOrder > 0) {
      report(`buckets must be strictly increasing: ${buckets[firstOutOfOrder]} follows ${buckets[firstOutOfOrder - 1]}`);
    }
    if (metric.unit && POSITIVE_UNITS.has(metric.unit) && buckets[0]! <= 0) {
      report(`a ${metric.unit} histogram cannot observe values ≤ 0, so buckets must be positive (got ${buckets[0]})`);
    }
  },
});
