/**
 * The packs the package ships are listed once, in PACKS: each has its folder and its page, and the
 * table of docs/packs.md is what PACKS writes now (test/helpers/packs-doc.ts, `npm run docs`).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKS } from '../generator/packs/index.ts';
import { packsDoc, PACKS_DOC } from './helpers/packs-doc.ts';
import { REPO } from './helpers/project.ts';

describe('the list of packs', () => {
  it('names every pack folder of the package, and only those', () => {
    const folders = readdirSync(join(REPO, 'generator/packs'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(join(REPO, 'generator/packs', entry.name, 'index.ts')))
      .map((entry) => entry.name)
      .sort();
    expect(PACKS.map((pack) => pack.name)).toEqual(folders);
  });

  it.each(PACKS.map((pack) => pack.name))('%s has its page in docs/packs/', (name) => {
    expect(existsSync(join(REPO, 'docs/packs', `${name}.md`))).toBe(true);
  });

  it('is the table of docs/packs.md (refresh: npm run docs)', () => {
    const current = readFileSync(PACKS_DOC, 'utf8');
    expect(current === packsDoc(current), 'the table of docs/packs.md is out of date: run `npm run docs` and commit it').toBe(true);
  });
});
