/**
 * docs/checks.md is written from the rules (test/helpers/checks-doc.ts): every rule the engine
 * applies is documented there, with what it requires, a message it really gives and the fix, and
 * the file is what the rules and their examples produce now.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHECKS_DOC, checksDoc, exampleOf, SECTIONS } from './helpers/checks-doc.ts';

const RULES = SECTIONS.flatMap((section) => section.rules);

describe('every rule is documented', () => {
  it.each(RULES.map((rule) => [rule.id, rule] as const))('%s says what it requires and the fix, and has an example', (_id, rule) => {
    expect(rule.summary.trim(), 'summary').not.toBe('');
    expect(rule.fix.trim(), 'fix').not.toBe('');
    expect(exampleOf(rule.id), `no case in test/cli/cases/ is refused by ${rule.id}: add one`).toBeDefined();
  });

  it('documents each rule once', () => {
    const ids = RULES.map((rule) => rule.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });
});

describe('docs/checks.md', () => {
  it('is what the rules and their examples generate now (refresh: npm run docs)', async () => {
    const expected = await checksDoc();
    expect(readFileSync(CHECKS_DOC, 'utf8') === expected, 'docs/checks.md is out of date: run `npm run docs` and commit it').toBe(true);
  });
});
