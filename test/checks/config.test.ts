import { gauge } from '../../generator/index.ts';
import { configCheck } from '../../generator/validate/checks/config.ts';
import { checkTable } from '../helpers/check-table.ts';

const metrics = { m: gauge({ name: 'g', help: 'h' }) };

checkTable(configCheck, [
  { name: 'a snake_case namespace and positive limits pass', metrics, config: { namespace: 'task_forge' }, expect: [] },
  { name: 'a namespace with capitals is rejected', metrics, config: { namespace: 'TaskForge' }, expect: ["namespace 'TaskForge' must be lowercase snake_case"] },
  { name: 'a namespace ending in an underscore is rejected', metrics, config: { namespace: 'app_' }, expect: ['must be lowercase snake_case'] },
  { name: 'an empty namespace is rejected', metrics, config: { namespace: '' }, expect: ['must be lowercase snake_case'] },
  { name: 'a zero limit is rejected', metrics, config: { limits: { seriesTotal: 0 } }, expect: ['limits.seriesTotal: must be a positive integer, got 0'] },
]);
