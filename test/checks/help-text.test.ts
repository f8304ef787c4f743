import { gauge } from '../../generator/index.ts';
import { helpTextCheck } from '../../generator/validate/checks/help-text.ts';
import { checkTable } from '../helpers/check-table.ts';

checkTable(helpTextCheck, [
  { name: 'a one-line help text passes', metrics: { m: gauge({ name: 'g', help: 'Jobs waiting.' }) }, expect: [] },
  { name: 'an empty help text is rejected', metrics: { m: gauge({ name: 'g', help: '' }) }, expect: ['help text is empty'] },
  { name: 'a help text of spaces is empty', metrics: { m: gauge({ name: 'g', help: '   ' }) }, expect: ['help text is empty'] },
  { name: 'a help text over two lines is rejected', metrics: { m: gauge({ name: 'g', help: 'Jobs\nwaiting.' }) }, expect: ['single line'] },
]);
