import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeTreeAtomically } from '../generator/output/write.ts';
import { scratchProject } from './helpers/project.ts';

const project = scratchProject();
afterAll(() => project.remove());

describe('atomic output', () => {
  const out = join(project.root, 'generated');

  it('replaces the whole tree with the new files', async () => {
    mkdirSync(join(out, 'old'), { recursive: true });
    writeFileSync(join(out, 'old/file.txt'), 'old');
    await writeTreeAtomically(out, [{ path: 'docs/a.md', content: 'A' }]);
    expect(readdirSync(out)).toEqual(['docs']);
    expect(readFileSync(join(out, 'docs/a.md'), 'utf8')).toBe('A');
  });

  it('leaves the old tree untouched and no staging directory behind when writing fails', async () => {
    await expect(writeTreeAtomically(out, [{ path: 'docs/b.md', content: 'B' }, { path: '../escape.md', content: 'x' }])).rejects.toThrow(
      'refusing to write outside the output directory',
    );
    expect(readFileSync(join(out, 'docs/a.md'), 'utf8')).toBe('A');
    expect(readdirSync(out)).toEqual(['docs']);
    expect(readdirSync(project.root).filter((name) => name !== 'generated')).toEqual([]);
  });
});
