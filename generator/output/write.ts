/**
 * Writes the output directory atomically: everything is written into a staging directory beside
 * it, and only when all of it is on disk is the old directory swapped out. A run that fails never
 * leaves a half-written tree. The generator owns the output directory: files no stage renders go.
 *
 * Most runs change few files: a file whose bytes the current tree already holds is hard-linked into
 * the staging directory instead of written (a link is a fraction of a write, and the old tree's
 * deletion then frees nothing). The rest are written with synchronous calls, each directory made
 * once: for small files a promise and a thread-pool hop per file cost more than the write itself.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, linkSync, lstatSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import type { GeneratedFile } from '../render/stage.ts';

export async function writeTreeAtomically(outDir: string, files: readonly GeneratedFile[]): Promise<void> {
  const target = resolve(outDir);
  const parent = dirname(target);
  mkdirSync(parent, { recursive: true });
  // Not mkdtemp: its 0700 would become the output's mode, and other users (a container's `nobody`
  // reading the mounted configuration) could not enter it. mkdir takes the ordinary mode under the umask.
  const staging = join(parent, `.${basename(target)}.staging-${randomBytes(6).toString('hex')}`);
  mkdirSync(staging);
  try {
    const same = unchangedIn(target, staging);
    const made = new Set([staging]);
    for (const file of files) {
      const path = join(staging, file.path);
      if (relative(staging, path).startsWith('..')) throw new Error(`refusing to write outside the output directory: ${file.path}`);
      const dir = dirname(path);
      if (!made.has(dir)) {
        mkdirSync(dir, { recursive: true });
        made.add(dir);
      }
      const bytes = Buffer.from(file.content);
      const current = join(target, file.path);
      if (!(same(current, bytes) && linked(current, path))) writeFileSync(path, bytes);
    }
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  const previous = `${staging}.previous`;
  if (existsSync(target)) renameSync(target, previous);
  renameSync(staging, target);
  rmSync(previous, { recursive: true, force: true });
}

/** Links where the file system allows it; elsewhere the file is written. */
function linked(current: string, path: string): boolean {
  try {
    linkSync(current, path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether a file of the current tree may stand for new bytes: a regular file of this user's that
 * only the tree links to, with the mode a new file gets here (so a link changes nothing a fresh write
 * would set), holding exactly those bytes. Never where a user id is unknown (Windows): there every
 * file is written.
 */
function unchangedIn(target: string, staging: string): (current: string, bytes: Buffer) => boolean {
  const uid = process.getuid?.();
  if (uid === undefined || !existsSync(target)) return () => false;
  // A new file's mode is the new directory's (0777 under the umask) without the execute bits.
  const fileMode = statSync(staging).mode & 0o666;
  return (current, bytes) => {
    try {
      const stat = lstatSync(current);
      if (!stat.isFile() || stat.nlink !== 1 || stat.uid !== uid || (stat.mode & 0o7777) !== fileMode || stat.size !== bytes.length) return false;
      return readFileSync(current).equals(bytes);
    } catch {
      return false;
    }
  };
}
