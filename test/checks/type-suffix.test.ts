import { counter, gauge, histogram, summary, untyped, upstream } from '../../generator/index.ts';
import { typeSuffixCheck } from '../../generator/validate/checks/type-suffix.ts';
import { checkTable } from '../helpers/check-table.ts';

const exporter = upstream('prom-client', '15', 'its docs');

checkTable(typeSuffixCheck, [
  { name: 'a counter ending in _total passes', metrics: { m: counter({ name: 'jobs_total', help: 'h' }) }, expect: [] },
  { name: 'a counter without _total is rejected', metrics: { m: counter({ name: 'jobs', help: 'h' }) }, expect: ['counters must end in _total: rename to app_jobs_total'] },
  { name: 'a gauge ending in _total is rejected', metrics: { m: gauge({ name: 'jobs_total', help: 'h' }) }, expect: ['only counters end in _total'] },
  {
    name: 'a histogram ending in _total is rejected',
    metrics: { m: histogram({ name: 'size_total', help: 'h', buckets: [1] }) },
    expect: ['only counters end in _total'],
  },
  { name: 'a gauge ending in _count reads as a histogram sample', metrics: { m: gauge({ name: 'worker_active_count', help: 'h' }) }, expect: ['ending in _count'] },
  { name: 'a gauge ending in _bucket is rejected', metrics: { m: gauge({ name: 'token_bucket', help: 'h' }) }, expect: ['ending in _bucket'] },
  { name: 'a summary ending in _sum is rejected', metrics: { m: summary({ name: 'checksum_sum', help: 'h', quantiles: [0.5] }) }, expect: ['ending in _sum'] },
  { name: 'untyped is refused for application metrics', metrics: { m: untyped({ name: 'things', help: 'h' }) }, expect: ['untyped metrics are only for describing upstream exporters'] },
  { name: 'untyped is allowed for upstream exporters', metrics: { m: untyped({ name: 'mysql_global_status_connections', help: 'h' }) }, owner: exporter, expect: [] },
  {
    name: "an upstream gauge ending in _total passes, as prom-client's nodejs_active_handles_total does",
    metrics: { m: gauge({ name: 'nodejs_active_handles_total', help: 'h' }) },
    owner: exporter,
    expect: [],
  },
]);
