/**
 * `npm run bench`: generation time of the reference project (as a user runs it, process start
 * included) and of synthetic catalogues of 1,000 and 10,000 metrics, measured side by side in one
 * run, with the 10k/1k ratio that shows whether generation grows linearly. Exits 1 if a target is missed.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { writeTreeAtomically } from '../generator/output/write.ts';
import { runPipeline } from '../generator/pipeline.ts';
import { writeSyntheticProject } from './synthetic.ts';

const REPO = resolve(import.meta.dirname, '..');
const WORK = join(REPO, 'bench/.work');
const RUNS = 5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** The reference project through the CLI in a fresh Node process, as `npm run generate` runs it. */
function referenceWallMs(): number {
  const out = join(WORK, 'reference-out');
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    execFileSync(process.execPath, ['--import', 'tsx', join(REPO, 'generator/cli.ts'), '--root', REPO, '--out', out], { stdio: 'ignore' });
    times.push(performance.now() - start);
  }
  return median(times);
}

/** A synthetic catalogue through load, validation, rendering and the atomic write, in process. */
async function syntheticMs(metricCount: number): Promise<number> {
  const times: number[] = [];
  // One warm-up run, then RUNS measured ones; every run gets fresh files, so no module cache helps it.
  for (let run = 0; run <= RUNS; run++) {
    const root = join(WORK, `synthetic-${metricCount}-${run}`);
    writeSyntheticProject(root, metricCount);
    const start = performance.now();
    const result = await runPipeline(root);
    if (!result.ok) throw new Error(`synthetic catalogue is invalid: ${result.problems[0]?.message}`);
    await writeTreeAtomically(join(root, 'generated'), result.files);
    if (run > 0) times.push(performance.now() - start);
    rmSync(root, { recursive: true, force: true });
  }
  return median(times);
}

rmSync(WORK, { recursive: true, force: true });
mkdirSync(WORK, { recursive: true });

const reference = referenceWallMs();
const oneK = await syntheticMs(1_000);
const tenK = await syntheticMs(10_000);
const ratio = tenK / oneK;
rmSync(WORK, { recursive: true, force: true });

const targets = [
  { what: 'reference project, wall time incl. process start', value: `${reference.toFixed(0)} ms`, target: '< 1000 ms', ok: reference < 1000 },
  { what: 'synthetic 1,000 metrics', value: `${oneK.toFixed(0)} ms`, target: '(baseline)', ok: true },
  { what: 'synthetic 10,000 metrics', value: `${tenK.toFixed(0)} ms`, target: '< 10000 ms', ok: tenK < 10_000 },
  { what: 'ratio 10k / 1k', value: ratio.toFixed(2), target: '≤ 11 (linear)', ok: ratio <= 11 },
];

console.log(`Generation benchmark (median of ${RUNS} runs each, measured in one run)\n`);
for (const t of targets) console.log(`${t.ok ? 'PASS' : 'FAIL'}  ${t.what.padEnd(50)} ${t.value.padStart(9)}   target ${t.target}`);
if (targets.some((t) => !t.ok)) process.exitCode = 1;
