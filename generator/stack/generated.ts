/**
 * The stack runs generated/ as it is on disk, so it must be what the definitions generate: missing,
 * it is generated; stale (a definition changed since), the stack refuses, because rewriting a tree
 * the project commits is `sextant generate`'s job, reviewed as a diff.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { findDrift } from '../output/drift.ts';
import { writeTreeAtomically } from '../output/write.ts';
import { runPipeline } from '../pipeline.ts';
import { formatReport } from '../problems.ts';

export type GeneratedState = { readonly ok: true; readonly wrote: number } | { readonly ok: false; readonly lines: readonly string[] };

export async function ensureGenerated(root: string): Promise<GeneratedState> {
  const result = await runPipeline(root);
  if (!result.ok) {
    return { ok: false, lines: [...formatReport(result.problems), ...(result.notRun ? [result.notRun] : []), `\n${result.problems.length} problem(s) found: fix them, then run the stack again.`] };
  }
  const outDir = join(root, 'generated');
  if (!existsSync(outDir)) {
    await writeTreeAtomically(outDir, result.files);
    return { ok: true, wrote: result.files.length };
  }
  const drift = await findDrift(outDir, result.files);
  if (drift.length === 0) return { ok: true, wrote: 0 };
  const shown = drift.slice(0, 10).map((each) => `  ${each.kind.padEnd(8)} generated/${each.path}`);
  return {
    ok: false,
    lines: [
      `generated/ is stale: ${drift.length} file(s) differ from what the definitions generate, and the stack runs generated/ as it is:`,
      ...shown,
      ...(drift.length > shown.length ? [`  … and ${drift.length - shown.length} more`] : []),
      'Run `npx sextant generate` (and commit the result), then start the stack again.',
    ],
  };
}
