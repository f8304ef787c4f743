import { chmodSync, linkSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
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

  it('links a file whose bytes the old tree holds, and writes every other one anew', async () => {
    const elsewhere = scratchProject();
    const tree = join(elsewhere.root, 'generated');
    await writeTreeAtomically(tree, [
      { path: 'same.md', content: 'same ✓' },
      { path: 'changed.md', content: 'before' },
      { path: 'private.md', content: 'private' },
      { path: 'shared.md', content: 'shared' },
      { path: 'symlink.md', content: 'target' },
    ]);
    const inode = (path: string) => statSync(join(tree, path)).ino;
    const before = { same: inode('same.md'), changed: inode('changed.md'), private: inode('private.md'), shared: inode('shared.md') };
    chmodSync(join(tree, 'private.md'), 0o600); // a mode a fresh file would not get
    linkSync(join(tree, 'shared.md'), join(elsewhere.root, 'elsewhere.md')); // linked from outside the tree
    symlinkSync('same.md', join(tree, 'link-to-same.md'));
    await writeTreeAtomically(tree, [
      { path: 'same.md', content: 'same ✓' },
      { path: 'changed.md', content: 'after!' }, // the same size, other bytes
      { path: 'private.md', content: 'private' },
      { path: 'shared.md', content: 'shared' },
      { path: 'link-to-same.md', content: 'same ✓' },
    ]);
    expect(inode('same.md')).toBe(before.same);
    expect(inode('changed.md')).not.toBe(before.changed);
    expect(readFileSync(join(tree, 'changed.md'), 'utf8')).toBe('after!');
    expect(inode('private.md')).not.toBe(before.private);
    expect(statSync(join(tree, 'private.md')).mode & 0o777).toBe(statSync(join(tree, 'same.md')).mode & 0o777);
    expect(inode('shared.md')).not.toBe(before.shared);
    expect(statSync(join(tree, 'link-to-same.md')).isFile() && statSync(join(tree, 'link-to-same.md')).nlink).toBe(1);
    expect(readdirSync(tree).sort()).toEqual(['changed.md', 'link-to-same.md', 'private.md', 'same.md', 'shared.md']);
    expect(statSync(join(tree, 'same.md')).nlink).toBe(1); // the old tree is gone
    elsewhere.remove();
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
