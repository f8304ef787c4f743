import { counter, gauge, histogram, upstream, type Unit } from '../../generator/index.ts';
import { unitSuffixCheck } from '../../generator/validate/checks/unit-suffix.ts';
import { checkTable } from '../helpers/check-table.ts';

checkTable(unitSuffixCheck, [
  { name: 'a seconds histogram named _seconds passes', metrics: { m: histogram({ name: 'job_duration_seconds', help: 'h', unit: 'seconds', buckets: [1] }) }, expect: [] },
  { name: 'a seconds counter puts the unit before _total', metrics: { m: counter({ name: 'cpu_seconds_total', help: 'h', unit: 'seconds' }) }, expect: [] },
  { name: 'a bytes gauge named _seconds is rejected', metrics: { m: gauge({ name: 'heap_seconds', help: 'h', unit: 'bytes' }) }, expect: ['must end in _bytes'] },
  { name: 'a counter names its declared unit before _total', metrics: { m: counter({ name: 'read_seconds_total', help: 'h', unit: 'bytes' }) }, expect: ['must end in _bytes before _total'] },
  { name: 'a name ending in _seconds must declare the unit', metrics: { m: gauge({ name: 'uptime_seconds', help: 'h' }) }, expect: ["declare unit: 'seconds'"] },
  { name: 'milliseconds are not a base unit', metrics: { m: histogram({ name: 'latency_milliseconds', help: 'h', buckets: [1] }) }, expect: ['measure in seconds'] },
  { name: 'percent is not a base unit: ratios are 0–1', metrics: { m: gauge({ name: 'cpu_usage_percent', help: 'h' }) }, expect: ['measure in ratio'] },
  { name: 'megabytes are not a base unit', metrics: { m: gauge({ name: 'memory_megabytes', help: 'h' }) }, expect: ['measure in bytes'] },
  { name: 'a ratio cannot be a counter', metrics: { m: counter({ name: 'hit_ratio_total', help: 'h', unit: 'ratio' }) }, expect: ['cannot be a counter'] },
  { name: 'an unknown unit is rejected', metrics: { m: gauge({ name: 'load_percent', help: 'h', unit: 'percent' as Unit }) }, expect: ["unit 'percent' is not a base unit"] },
  {
    name: 'upstream names are not held to the suffix convention',
    metrics: { m: gauge({ name: 'node_boot_time_seconds', help: 'h' }) },
    owner: upstream('node_exporter', '1.5.0', 'docs'),
    expect: [],
  },
  { name: 'a word that merely looks like an object key is not a unit', metrics: { m: gauge({ name: 'widget_constructor', help: 'h' }) }, expect: [] },
]);
