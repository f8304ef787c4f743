import { counter, gauge, upstream } from '../../generator/index.ts';
import { metricNameCheck } from '../../generator/validate/checks/metric-name.ts';
import { checkTable } from '../helpers/check-table.ts';

const exporter = upstream('some_exporter', '1.0.0', 'its docs');

checkTable(metricNameCheck, [
  { name: 'a snake_case application name passes', metrics: { m: counter({ name: 'jobs_total', help: 'h' }) }, expect: [] },
  {
    name: 'an upstream name with capitals passes, as node_exporter uses them',
    metrics: { m: gauge({ name: 'node_memory_MemTotal_bytes', help: 'h', unit: 'bytes' }) },
    owner: exporter,
    expect: [],
  },
  { name: 'a hyphen is outside the legacy charset', metrics: { m: counter({ name: 'jobs-done_total', help: 'h' }) }, expect: ['may only contain ASCII letters'] },
  { name: 'a name may not start with a digit', metrics: { m: gauge({ name: '9lives', help: 'h' }) }, owner: exporter, expect: ['must not start with a digit'] },
  { name: 'non-ASCII letters are rejected', metrics: { m: gauge({ name: 'größe', help: 'h' }) }, expect: ['may only contain ASCII letters'] },
  { name: 'a name over 200 characters is rejected', metrics: { m: gauge({ name: 'x'.repeat(200), help: 'h' }) }, expect: ['204 characters; the limit is 200'] },
  { name: 'a name of exactly 200 characters passes', metrics: { m: gauge({ name: 'x'.repeat(196), help: 'h' }) }, expect: [] },
  { name: 'the __ prefix is reserved', metrics: { m: gauge({ name: '__secret', help: 'h' }) }, owner: exporter, expect: ['reserved for Prometheus internals'] },
  { name: 'colons are left to recording rules', metrics: { m: gauge({ name: 'job:queue_length', help: 'h' }) }, expect: ['reserved for recording rule names'] },
  { name: 'application names are lowercase', metrics: { m: gauge({ name: 'queueLength', help: 'h' }) }, expect: ['lowercase snake_case'] },
  { name: 'application names have no double underscore', metrics: { m: gauge({ name: 'queue__length', help: 'h' }) }, expect: ['lowercase snake_case'] },
]);
