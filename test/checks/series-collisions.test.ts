import { counter, gauge, histogram, summary } from '../../generator/index.ts';
import { seriesCollisionsCheck } from '../../generator/validate/checks/series-collisions.ts';
import { checkTable } from '../helpers/check-table.ts';

const latency = histogram({ name: 'latency_seconds', help: 'h', unit: 'seconds', buckets: [1] });

checkTable(seriesCollisionsCheck, [
  { name: 'distinct names pass', metrics: { a: counter({ name: 'a_total', help: 'h' }), b: gauge({ name: 'b', help: 'h' }) }, expect: [] },
  { name: 'two metrics with one name collide', metrics: { a: gauge({ name: 'depth', help: 'h' }), b: gauge({ name: 'depth', help: 'h' }) }, expect: ['its name collides with gauge app_depth (test.a'] },
  { name: "a gauge named like a histogram's _count collides", metrics: { latency, count: gauge({ name: 'latency_seconds_count', help: 'h' }) }, expect: ['collides with histogram app_latency_seconds'] },
  { name: "a counter named like a histogram's _bucket collides", metrics: { latency, bucket: counter({ name: 'latency_seconds_bucket', help: 'h' }) }, expect: ['collides with histogram'] },
  {
    name: 'a summary and a histogram of one name collide',
    metrics: { latency, other: summary({ name: 'latency_seconds', help: 'h', unit: 'seconds', quantiles: [0.5] }) },
    expect: ['its name collides'],
  },
  {
    name: "a histogram whose _sum is another histogram's name collides",
    metrics: { a: gauge({ name: 'size_sum', help: 'h' }), b: histogram({ name: 'size', help: 'h', buckets: [1] }) },
    expect: ['its sample app_size_sum collides with gauge app_size_sum'],
  },
]);
