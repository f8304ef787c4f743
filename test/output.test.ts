import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeTreeAtomically } from '../generator/output/write.ts';
import { runCommand } from './helpers/command.ts';
import { FIXTURE_PROJECT, REPO, scratchProject } from './helpers/project.ts';

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

  it('is readable by other users, as a container reading the mounted files needs (umask 022)', async () => {
    const elsewhere = scratchProject();
    const fresh = join(elsewhere.root, 'generated');
    // The real CLI, as `npm run generate` runs it, under the usual umask.
    const run = await runCommand('sh', ['-c', `umask 022 && exec "${process.execPath}" generator/launch.mjs generate --root "${FIXTURE_PROJECT}" --out "${fresh}"`], { cwd: REPO });
    expect(run.code, run.output).toBe(0);
    const unreadable = readdirSync(fresh, { recursive: true, withFileTypes: true })
      .map((entry) => join(entry.parentPath, entry.name))
      .concat(fresh)
      .filter((path) => {
        const { mode } = statSync(path);
        return statSync(path).isDirectory() ? (mode & 0o005) !== 0o005 : (mode & 0o004) !== 0o004;
      });
    elsewhere.remove();
    expect(unreadable).toEqual([]);
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
