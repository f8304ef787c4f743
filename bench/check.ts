/**
 * `sextant check` on the reference project: the whole command in a fresh process, as CI runs it, side
 * by side with a bare Node start, with the CPU time of all its processes (which the machine's load
 * does not inflate: divided by the cores, the least wall time it can take here), and its parts each
 * alone on an idle pool (what each costs when nothing else competes for the cores). The parts share one rendering in `check`; here the pipeline
 * is charged to "validation + generate --check", and the tools' parts start from a rendered tree.
 */
import { execFileSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createContext } from '../generator/check/context.ts';
import { STEPS } from '../generator/check/index.ts';
import type { CheckStep } from '../generator/check/step.ts';
import { median } from './exporter.ts';

/** The parts as the bench names them, each the steps of `STEPS` it runs (by id). */
const PARTS: readonly { what: string; steps: readonly string[]; rendered: boolean }[] = [
  { what: 'type check (tsc --noEmit, incremental)', steps: ['typecheck'], rendered: false },
  { what: 'validation + generate --check', steps: ['validate', 'drift'], rendered: false },
  { what: 'promtool check rules --lint=all', steps: ['promtool-lint'], rendered: true },
  { what: 'promtool check config', steps: ['promtool-config'], rendered: true },
  { what: 'promtool test rules', steps: ['promtool-test'], rendered: true },
  { what: 'amtool check-config', steps: ['amtool'], rendered: true },
  { what: 'docker-compose config', steps: ['compose'], rendered: true },
];

export interface CheckBench {
  readonly bare: number;
  readonly total: number;
  /** CPU time (user + system) of the command and every process it started. */
  readonly cpu: number;
  readonly cores: number;
  readonly parts: readonly { what: string; ms: number }[];
}

export async function checkBench(repo: string, runs: number): Promise<CheckBench> {
  const missing = STEPS.filter((step) => !PARTS.some((part) => part.steps.includes(step.id)));
  if (missing.length > 0) throw new Error(`bench/check.ts: no part measures the check steps ${missing.map((s) => s.id).join(', ')}`);
  const check = [join(repo, 'generator/launch.mjs'), 'check', '--root', repo];
  execFileSync(process.execPath, check, { stdio: 'ignore' }); // warms tsc's incremental state, as a second CI run finds it
  const bare: number[] = [];
  const total: number[] = [];
  const cpu: number[] = [];
  for (let run = 0; run < runs; run++) {
    bare.push(wallMs(() => execFileSync(process.execPath, ['-e', ''], { stdio: 'ignore' })));
    total.push(wallMs(() => cpu.push(childrenCpuMs(process.execPath, check))));
  }
  const parts: { what: string; ms: number }[] = [];
  for (const part of PARTS) {
    const times: number[] = [];
    for (let run = 0; run < runs; run++) times.push(await partMs(repo, part.steps.map(stepOf), part.rendered));
    parts.push({ what: part.what, ms: median(times) });
  }
  return { bare: median(bare), total: median(total), cpu: median(cpu), cores: availableParallelism(), parts };
}

/** Runs the command under sh, whose `times` prints its children's user and system time once they end. */
function childrenCpuMs(command: string, args: readonly string[]): number {
  const output = execFileSync('sh', ['-c', '"$@" >/dev/null 2>&1 || exit 1; times', 'sh', command, ...args], { encoding: 'utf8' });
  const children = output.trim().split('\n').at(-1)!; // "0m36.780000s 0m3.760000s"
  const seconds = [...children.matchAll(/(\d+)m([\d.]+)s/g)].map(([, m, s]) => Number(m) * 60 + Number(s));
  return seconds.reduce((a, b) => a + b, 0) * 1000;
}

const stepOf = (id: string): CheckStep => STEPS.find((step) => step.id === id)!;

function wallMs(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

/** Runs the steps alone in a fresh context; `rendered`: the tree is rendered before the clock starts. */
async function partMs(repo: string, steps: readonly CheckStep[], rendered: boolean): Promise<number> {
  const context = createContext(repo);
  try {
    if (rendered && !(await context.rendered())) throw new Error('the reference project is invalid');
    const start = performance.now();
    const outcomes = await Promise.all(steps.map((step) => step.run(context)));
    const ms = performance.now() - start;
    const bad = outcomes.find((outcome) => outcome.status !== 'ok');
    if (bad) throw new Error(`sextant check fails on the reference project: ${JSON.stringify(bad)}`);
    return ms;
  } finally {
    context.dispose();
  }
}
