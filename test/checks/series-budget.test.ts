import { bounded, counter, gauge, histogram } from '../../generator/index.ts';
import { seriesBudgetCheck } from '../../generator/validate/checks/series-budget.ts';
import { checkTable } from '../helpers/check-table.ts';

const values = (n: number) => Array.from({ length: n }, (_, i) => `v${i}`);

checkTable(seriesBudgetCheck, [
  { name: 'a small metric passes', metrics: { m: counter({ name: 'a_total', help: 'h', labels: { x: values(10) } }) }, expect: [] },
  {
    name: 'label cardinalities multiply',
    metrics: { m: counter({ name: 'a_total', help: 'h', labels: { x: values(50), y: values(50) } }) },
    expect: ['can create 2500 series (x=50 × y=50), over limits.seriesPerMetric (2000)'],
  },
  {
    name: 'histogram buckets, +Inf, _sum and _count multiply the label sets',
    metrics: { m: histogram({ name: 'd_seconds', help: 'h', unit: 'seconds', labels: { x: values(200) }, buckets: [1, 2, 3, 4, 5, 6, 7] }) },
    expect: ['can create 2000 series'],
    config: { limits: { seriesPerMetric: 1999 } },
  },
  {
    name: 'the same histogram fits a limit of exactly its size',
    metrics: { m: histogram({ name: 'd_seconds', help: 'h', unit: 'seconds', labels: { x: values(200) }, buckets: [1, 2, 3, 4, 5, 6, 7] }) },
    expect: [],
  },
  {
    name: 'a declared labelSets cap bounds labels that move together',
    metrics: {
      m: gauge({
        name: 'fs_bytes',
        help: 'h',
        unit: 'bytes',
        labels: { device: bounded(100, 'd'), mountpoint: bounded(100, 'm') },
        labelSets: bounded(100, 'one mount point per device'),
      }),
    },
    expect: [],
  },
  {
    name: 'a labelSets cap needs a reason',
    metrics: { m: gauge({ name: 'g', help: 'h', labels: { a: ['x'] }, labelSets: bounded(10, '') }) },
    expect: ['labelSets needs a reason'],
  },
  {
    name: 'the whole catalogue has a budget too',
    metrics: { a: counter({ name: 'a_total', help: 'h', labels: { x: values(30) } }), b: counter({ name: 'b_total', help: 'h', labels: { x: values(30) } }) },
    config: { limits: { seriesTotal: 50 } },
    expect: ['catalogue: the catalogue can create 60 series, over limits.seriesTotal (50)'],
  },
  {
    name: 'a labelSets reason of invisible characters is no reason',
    metrics: { m: gauge({ name: 'g', help: 'h', labels: { x: values(4) }, labelSets: bounded(2, '\u200b') }) },
    expect: ['labelSets needs a reason'],
  },
  {
    name: 'a labelSets reason with a control character is refused',
    metrics: { m: gauge({ name: 'g', help: 'h', labels: { x: values(4) }, labelSets: bounded(2, 'move\u0007together') }) },
    expect: ["labelSets' reason contains U+0007 (control character)"],
  },
]);
