/** Reads a directory tree into path → content, paths relative and '/'-separated. */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

export async function readTree(dir: string): Promise<Map<string, string>> {
  const tree = new Map<string, string>();
  if (!existsSync(dir)) return tree;
  const walk = async (relative: string): Promise<void> => {
    for (const entry of await readdir(join(dir, relative), { withFileTypes: true })) {
      const path = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await walk(path);
      else tree.set(path, await readFile(join(dir, path), 'utf8'));
    }
  };
  await walk('');
  return tree;
}
