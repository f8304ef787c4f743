/**
 * Writes the output directory atomically: everything is written into a staging directory beside
 * it, and only when all of it is on disk is the old directory swapped out. A run that fails never
 * leaves a half-written tree. The generator owns the output directory: files no stage renders go.
 *
 * The files are written with synchronous calls, each directory made once: for a tree of small files
 * (the reference's 168) a promise and a thread-pool hop per file cost more than the writes themselves.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
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
    const made = new Set([staging]);
    for (const file of files) {
      const path = join(staging, file.path);
      if (relative(staging, path).startsWith('..')) throw new Error(`refusing to write outside the output directory: ${file.path}`);
      const dir = dirname(path);
      if (!made.has(dir)) {
        mkdirSync(dir, { recursive: true });
        made.add(dir);
      }
      writeFileSync(path, file.content);
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
