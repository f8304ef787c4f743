/**
 * Writes the output directory atomically: everything is written into a staging directory beside
 * it, and only when all of it is on disk is the old directory swapped out. A run that fails never
 * leaves a half-written tree. The generator owns the output directory: files no stage renders go.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import type { GeneratedFile } from '../render/stage.ts';

export async function writeTreeAtomically(outDir: string, files: readonly GeneratedFile[]): Promise<void> {
  const target = resolve(outDir);
  const parent = dirname(target);
  await mkdir(parent, { recursive: true });
  // Not mkdtemp: its 0700 would become the output's mode, and other users (a container's `nobody`
  // reading the mounted configuration) could not enter it. mkdir takes the ordinary mode under the umask.
  const staging = join(parent, `.${basename(target)}.staging-${randomBytes(6).toString('hex')}`);
  await mkdir(staging);
  try {
    for (const file of files) {
      const path = join(staging, file.path);
      if (relative(staging, path).startsWith('..')) throw new Error(`refusing to write outside the output directory: ${file.path}`);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, file.content);
    }
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  const previous = `${staging}.previous`;
  if (existsSync(target)) await rename(target, previous);
  await rename(staging, target);
  await rm(previous, { recursive: true, force: true });
}
