import { counter, exponentialBuckets, histogram, summary } from '../../generator/index.ts';
import { bucketsCheck } from '../../generator/validate/checks/buckets.ts';
import { checkTable } from '../helpers/check-table.ts';

const seconds = (buckets: unknown) => ({
  m: histogram({ name: 'x_seconds', help: 'h', unit: 'seconds', buckets: buckets as number[] }),
});

checkTable(bucketsCheck, [
  { name: 'strictly increasing positive buckets pass', metrics: seconds([0.1, 0.5, 1]), expect: [] },
  { name: 'exponential buckets from the helper pass', metrics: seconds(exponentialBuckets(0.0005, 2, 20)), expect: [] },
  { name: 'a histogram without buckets is rejected', metrics: seconds(undefined), expect: ['a histogram needs buckets'] },
  { name: 'an empty bucket list is rejected', metrics: seconds([]), expect: ['a histogram needs buckets'] },
  { name: 'a repeated bucket is not strictly increasing', metrics: seconds([0.1, 0.5, 0.5]), expect: ['0.5 follows 0.5'] },
  { name: 'decreasing buckets are rejected', metrics: seconds([1, 0.5]), expect: ['0.5 follows 1'] },
  { name: '+Inf is implicit and must not be listed', metrics: seconds([1, Infinity]), expect: ['+Inf is added implicitly'] },
  { name: 'a zero bucket is useless for durations', metrics: seconds([0, 1]), expect: ['buckets must be positive'] },
  { name: 'a negative bucket is rejected for bytes', metrics: { m: histogram({ name: 'x_bytes', help: 'h', unit: 'bytes', buckets: [-1, 1] }) }, expect: ['a bytes histogram'] },
  { name: 'negative buckets are fine for a unitless histogram', metrics: { m: histogram({ name: 'temperature_delta', help: 'h', buckets: [-10, 0, 10] }) }, expect: [] },
  { name: 'a counter cannot take buckets', metrics: { m: counter({ name: 'x_total', help: 'h', ...({ buckets: [1] } as object) }) }, expect: ['only histograms take buckets'] },
  { name: 'a summary cannot take buckets', metrics: { m: { ...summary({ name: 'x', help: 'h', quantiles: [0.5] }), buckets: [1] } }, expect: ['only histograms take buckets; this is a summary'] },
]);
