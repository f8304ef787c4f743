import { bounded, counter, gauge, upstream, type LabelSpec } from '../../generator/index.ts';
import { labelValuesCheck } from '../../generator/validate/checks/label-values.ts';
import { checkTable } from '../helpers/check-table.ts';

const withLabel = (spec: unknown, name = 'status') => ({ m: gauge({ name: 'g', help: 'h', labels: { [name]: spec as LabelSpec } }) });

checkTable(labelValuesCheck, [
  { name: 'a label listing its values passes', metrics: withLabel(['success', 'failed']), expect: [] },
  { name: 'a bounded label with a reason passes', metrics: withLabel(bounded(64, 'one per CPU'), 'cpu'), expect: [] },
  { name: 'a label declaring nothing is unbounded and rejected', metrics: withLabel(undefined), expect: ['declares neither values nor a bound'] },
  { name: 'a label declared as a bare type is rejected', metrics: withLabel('string'), expect: ['declares neither values nor a bound'] },
  { name: 'an empty value list is rejected', metrics: withLabel([]), expect: ['lists no values'] },
  { name: 'an empty string value is rejected', metrics: withLabel(['ok', '']), expect: ['values must be non-empty strings'] },
  { name: 'a value listed twice is rejected', metrics: withLabel(['ok', 'failed', 'ok']), expect: ["value 'ok' is listed twice"] },
  { name: 'a bound over the configured maximum is rejected', metrics: withLabel(bounded(10_000, 'many'), 'shard'), expect: ['exceeds limits.maxLabelBound (256)'] },
  { name: 'the maximum bound comes from the config object', metrics: withLabel(bounded(10_000, 'many'), 'shard'), config: { limits: { maxLabelBound: 20_000 } }, expect: [] },
  { name: 'a fractional bound is rejected', metrics: withLabel(bounded(2.5, 'half'), 'shard'), expect: ['bound must be a positive integer'] },
  { name: 'a bound without a reason is rejected', metrics: withLabel(bounded(8, ' '), 'shard'), expect: ['needs a reason'] },
  { name: 'user_id is unbounded by nature even with a bound', metrics: withLabel(bounded(100, 'few users'), 'user_id'), expect: ["label 'user_id': is unbounded by nature"] },
  { name: 'a raw path label is rejected in favour of a route template', metrics: withLabel(['/a'], 'path'), expect: ['route template'] },
  { name: 'tenant_id is rejected with the bounded alternative named', metrics: withLabel(bounded(5, 'x'), 'tenant_id'), expect: ['tenant tier'] },
  {
    name: 'upstream labels must be bounded too',
    metrics: { m: counter({ name: 'node_cpu_seconds_total', help: 'h', labels: { cpu: undefined as unknown as LabelSpec } }) },
    owner: upstream('node_exporter', '1.5.0', 'docs'),
    expect: ['declares neither values nor a bound'],
  },
]);
