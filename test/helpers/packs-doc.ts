/**
 * The table of packs in docs/packs.md, written from PACKS (generator/packs/index.ts), the one list
 * `sextant init --packs` offers: each pack's name, its summary and its page. `npm run docs` writes it
 * between the markers; test/packs-doc.test.ts fails when it is not what this writes now.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKS } from '../../generator/packs/index.ts';
import { REPO } from './project.ts';

export const PACKS_DOC = join(REPO, 'docs/packs.md');
const BEGIN = '<!-- The table is written from PACKS (generator/packs/index.ts) by `npm run docs`. -->';
const END = '<!-- End of the written table. -->';

export function packsTable(): string {
  const rows = PACKS.map((pack) => `| \`${pack.name}\` | ${pack.summary} | [packs/${pack.name}.md](packs/${pack.name}.md) |`);
  return ['| pack | what it monitors | page |', '| --- | --- | --- |', ...rows].join('\n');
}

/** docs/packs.md with its table written now; throws when the markers are missing. */
export function packsDoc(current: string = readFileSync(PACKS_DOC, 'utf8')): string {
  const start = current.indexOf(BEGIN);
  const end = current.indexOf(END);
  if (start < 0 || end < start) throw new Error(`docs/packs.md: the markers of the generated table are missing:\n  ${BEGIN}\n  ${END}`);
  return `${current.slice(0, start + BEGIN.length)}\n${packsTable()}\n${current.slice(end)}`;
}
