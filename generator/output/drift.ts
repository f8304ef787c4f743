/** Compares what would be generated with what is on disk: the CI drift check. */
import type { GeneratedFile } from '../render/stage.ts';
import { readTree } from './tree.ts';

export interface TreeDrift {
  readonly path: string;
  /** changed: content differs; missing: not on disk; extra: on disk, but no stage renders it. */
  readonly kind: 'changed' | 'missing' | 'extra';
}

export async function findDrift(outDir: string, files: readonly GeneratedFile[]): Promise<TreeDrift[]> {
  const onDisk = await readTree(outDir);
  const drift: TreeDrift[] = [];
  for (const file of files) {
    const existing = onDisk.get(file.path);
    if (existing === undefined) drift.push({ path: file.path, kind: 'missing' });
    else if (existing !== file.content) drift.push({ path: file.path, kind: 'changed' });
    onDisk.delete(file.path);
  }
  for (const path of onDisk.keys()) drift.push({ path, kind: 'extra' });
  return drift.sort((a, b) => (a.path < b.path ? -1 : 1));
}
