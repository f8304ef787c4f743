import { gauge } from '../../generator/index.ts';
import { helpTextCheck } from '../../generator/validate/checks/help-text.ts';
import { checkTable } from '../helpers/check-table.ts';

checkTable(helpTextCheck, [
  { name: 'a one-line help text passes', metrics: { m: gauge({ name: 'g', help: 'Jobs waiting.' }) }, expect: [] },
  { name: 'an empty help text is rejected', metrics: { m: gauge({ name: 'g', help: '' }) }, expect: ['help text is empty'] },
  { name: 'a help text of spaces is empty', metrics: { m: gauge({ name: 'g', help: '   ' }) }, expect: ['help text is empty'] },
  { name: 'a help text over two lines is rejected', metrics: { m: gauge({ name: 'g', help: 'Jobs\nwaiting.' }) }, expect: ['single line'] },
  { name: 'a help text broken by a carriage return is rejected', metrics: { m: gauge({ name: 'g', help: 'Jobs\rwaiting.' }) }, expect: ['single line'] },
  { name: 'a help text broken by a Unicode line separator is rejected', metrics: { m: gauge({ name: 'g', help: 'Jobs\u2028waiting.' }) }, expect: ['single line'] },
  { name: 'a help text of zero-width spaces is empty', metrics: { m: gauge({ name: 'g', help: '\u200b\u200b' }) }, expect: ['no visible characters'] },
  { name: 'a help text of no-break spaces is empty', metrics: { m: gauge({ name: 'g', help: '\u00a0\u00a0' }) }, expect: ['no visible characters'] },
  { name: 'a help text of Hangul fillers is empty', metrics: { m: gauge({ name: 'g', help: '\u3164' }) }, expect: ['no visible characters'] },
  { name: 'a help text of combining marks with nothing to mark is empty', metrics: { m: gauge({ name: 'g', help: '\u0301\u0301' }) }, expect: ['no visible characters'] },
  { name: 'a help text with accents on letters passes', metrics: { m: gauge({ name: 'g', help: 'Cafe\u0301 orders waiting.' }) }, expect: [] },
  { name: 'a help text with a tab is rejected', metrics: { m: gauge({ name: 'g', help: 'Jobs\twaiting.' }) }, expect: ['contains U+0009 (control character)'] },
  { name: 'a help text with an escape sequence is rejected', metrics: { m: gauge({ name: 'g', help: 'Jobs \u001b[31mwaiting' }) }, expect: ['contains U+001B'] },
  { name: 'a help text with a zero-width space inside is rejected', metrics: { m: gauge({ name: 'g', help: 'Jobs\u200bwaiting.' }) }, expect: ['contains U+200B (invisible formatting character)'] },
  { name: 'a help text with a bidi override is rejected', metrics: { m: gauge({ name: 'g', help: 'Jobs \u202ewaiting' }) }, expect: ['contains U+202E'] },
  { name: 'a help text in another script passes', metrics: { m: gauge({ name: 'g', help: 'Задачи в очереди.' }) }, expect: [] },
  { name: 'a help text with an emoji passes', metrics: { m: gauge({ name: 'g', help: 'Jobs waiting 👩‍💻.' }) }, expect: [] },
]);
