/** The report puts causes first and folds what may follow from them (generator/problems.ts). */
import { describe, expect, it } from 'vitest';
import { causesFirst, formatReport, type Problem } from '../generator/problems.ts';

const problem = (file: string, check: string, definition = 'd'): Problem => ({ file, definition, check, message: 'm' });
const order = (problems: Problem[]) => causesFirst(problems).map((p) => `${p.file} [${p.check}]`);

describe('causes first', () => {
  it.each([
    {
      name: 'a config problem comes before the files that fail to load for it',
      problems: [problem('alerts/http.ts', 'load'), problem('sextant.config.ts', 'config-keys')],
      expect: ['sextant.config.ts [config-keys]', 'alerts/http.ts [load]'],
    },
    {
      name: 'a catalogue file that does not load comes before the alert file importing it',
      problems: [problem('alerts/http.ts', 'load'), problem('catalog/http.ts', 'load')],
      expect: ['catalog/http.ts [load]', 'alerts/http.ts [load]'],
    },
    {
      name: 'a duplicate key in the config counts as a config problem',
      problems: [problem('catalog/a.ts', 'load'), problem('sextant.config.ts', 'duplicate-keys')],
      expect: ['sextant.config.ts [duplicate-keys]', 'catalog/a.ts [load]'],
    },
    {
      name: 'a definition the model lost comes before the checks that miss it',
      problems: [problem('alerts/a.ts', 'promql-unknown-metric'), problem('catalog/a.ts', 'definition-shape'), problem('catalog/b.ts', 'duplicate-keys')],
      expect: ['catalog/a.ts [definition-shape]', 'catalog/b.ts [duplicate-keys]', 'alerts/a.ts [promql-unknown-metric]'],
    },
    {
      name: 'the order within a rank is kept',
      problems: [problem('catalog/b.ts', 'type-suffix'), problem('catalog/a.ts', 'help-text')],
      expect: ['catalog/b.ts [type-suffix]', 'catalog/a.ts [help-text]'],
    },
  ])('$name', ({ problems, expect: expected }) => {
    expect(order(problems)).toEqual(expected);
  });
});

describe('the report', () => {
  it('folds the problems that may follow from a cause under it', () => {
    const lines = formatReport(causesFirst([problem('alerts/a.ts', 'promql-unknown-metric', 'alert A'), problem('catalog/a.ts', 'load', 'file')]));
    expect(lines).toEqual(['catalog/a.ts: file: m [load]', '1 further problem(s) may follow from this one; fix it first:', '  alerts/a.ts: alert A: m [promql-unknown-metric]']);
  });

  it('folds the files that fail to load with the very error of the config they import', () => {
    const failed = (file: string, message: string): Problem => ({ file, definition: 'file', check: 'load', message });
    const echo = "cannot load: Cannot find module 'x.ts' imported from sextant.config.ts";
    const lines = formatReport(causesFirst([failed('alerts/a.ts', echo), failed('catalog/b.ts', 'cannot load: b is broken'), failed('sextant.config.ts', echo)]));
    expect(lines).toEqual([
      `sextant.config.ts: file: ${echo} [load]`,
      'catalog/b.ts: file: cannot load: b is broken [load]',
      '1 further problem(s) may follow from these; fix them first:',
      `  alerts/a.ts: file: ${echo} [load]`,
    ]);
  });

  it('lists problems plainly when none is a cause of the others', () => {
    expect(formatReport([problem('catalog/a.ts', 'help-text', 'x'), problem('catalog/b.ts', 'type-suffix', 'y')])).toEqual(['catalog/a.ts: x: m [help-text]', 'catalog/b.ts: y: m [type-suffix]']);
  });
});
