/**
 * Golden files: the output of a small fixed project, compared byte for byte with test/golden/.
 * Refresh them only on purpose: `UPDATE_GOLDEN=1 npx vitest run test/golden.test.ts`, then review the diff.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTree } from '../generator/output/tree.ts';
import { runPipeline } from '../generator/pipeline.ts';
import { REPO } from './helpers/project.ts';

const FIXTURE = join(REPO, 'test/fixtures/golden-project');
const GOLDEN = join(REPO, 'test/golden');
const update = process.env.UPDATE_GOLDEN === '1';

describe('golden files', async () => {
  const result = await runPipeline(FIXTURE);
  if (!result.ok) throw new Error(`golden fixture is invalid: ${JSON.stringify(result.problems)}`);
  if (update) {
    for (const file of result.files) {
      mkdirSync(dirname(join(GOLDEN, file.path)), { recursive: true });
      writeFileSync(join(GOLDEN, file.path), file.content);
    }
  }

  it.each(result.files.map((file) => ({ path: file.path, content: file.content })))('$path matches its golden file', ({ path, content }) => {
    const golden = join(GOLDEN, path);
    expect(existsSync(golden), `no golden file for ${path}; run with UPDATE_GOLDEN=1 and review it`).toBe(true);
    expect(content).toBe(readFileSync(golden, 'utf8'));
  });

  it('has no golden file that the generator no longer renders', async () => {
    const rendered = new Set(result.files.map((file) => file.path));
    expect([...(await readTree(GOLDEN)).keys()].filter((path) => !rendered.has(path))).toEqual([]);
  });
});
