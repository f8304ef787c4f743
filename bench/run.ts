/**
 * `npm run bench`: generation time of the reference project (as a user runs it, process start
 * included) and of synthetic catalogues of 1,000 and 10,000 metrics, measured side by side in one
 * run, with the 10k/1k ratio that shows whether generation grows linearly, and the cost of the offline
 * query checker on the reference rules and on 10,000 synthetic rules, and `sextant check` on the
 * reference project with its parts. Exits 1 if a target is missed.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { writeTreeAtomically } from '../generator/output/write.ts';
import type { Model } from '../generator/model/types.ts';
import { buildDashboards } from '../generator/model/dashboards.ts';
import { loadProject } from '../generator/model/load.ts';
import { checkQuery } from '../generator/promql/index.ts';
import { grafanaStage } from '../generator/render/grafana.ts';
import { queryContextOf } from '../generator/promql/model-context.ts';
import { runPipeline, type PipelineTimings } from '../generator/pipeline.ts';
import { checkBench } from './check.ts';
import { instrumentOverhead, median, referenceRenderMs, syntheticRenderMs } from './exporter.ts';
import { writeSyntheticProject } from './synthetic.ts';

const REPO = resolve(import.meta.dirname, '..');
/** The breakdown's lines. */
const PHASES = {
  load: 'bundling and importing the definitions',
  model: 'building the model',
  validate: 'validating (every check)',
  render: 'rendering every output',
  promtool: 'promtool check rules (its wait after rendering)',
  write: 'writing generated/ atomically',
} as const;
const WORK = join(REPO, 'bench/.work');
const RUNS = 5;
/** `sextant check` takes seconds a run: fewer runs. */
const CHECK_RUNS = 3;

/**
 * The reference project in fresh Node processes, side by side with a bare `node -e ''` start: a
 * generate whose inputs are unchanged since the last one (answered from the launcher's run record),
 * a full run (`--no-cache`), and, for the breakdown, importing the bundled generator alone. Runs
 * alternate, so the machine's load weighs on each alike.
 */
function referenceWallMs(): { bare: number; unchanged: number; full: number; moduleLoad: number } {
  const out = join(WORK, 'reference-out');
  const generate = [join(REPO, 'generator/launch.mjs'), 'generate', '--root', REPO, '--out', out];
  execFileSync(process.execPath, generate, { stdio: 'ignore' }); // writes the record the unchanged runs find
  const bundle = readdirSync(join(REPO, 'node_modules/.cache/sextant')).find((name) => /^cli-[0-9a-f]+\.mjs$/.test(name))!;
  const commands = {
    bare: ['-e', ''],
    unchanged: generate,
    full: [...generate, '--no-cache'],
    moduleLoad: ['--input-type=module', '-e', `await import(${JSON.stringify(pathToFileURL(join(REPO, 'node_modules/.cache/sextant', bundle)).href)})`],
  };
  const times = { bare: [] as number[], unchanged: [] as number[], full: [] as number[], moduleLoad: [] as number[] };
  for (let run = 0; run < RUNS; run++) {
    for (const way of Object.keys(commands) as (keyof typeof commands)[]) {
      const start = performance.now();
      execFileSync(process.execPath, commands[way], { stdio: 'ignore' });
      times[way].push(performance.now() - start);
    }
  }
  return { bare: median(times.bare), unchanged: median(times.unchanged), full: median(times.full), moduleLoad: median(times.moduleLoad) };
}

/** Where a full run's time goes, in process (warm modules): the pipeline's phases and the write. */
async function referencePhasesMs(): Promise<Record<keyof PipelineTimings | 'write', number>> {
  const phases: Record<keyof PipelineTimings | 'write', number[]> = { load: [], model: [], validate: [], render: [], promtool: [], write: [] };
  for (let run = 0; run <= RUNS; run++) {
    const result = await runPipeline(REPO);
    if (!result.ok) throw new Error('the reference project is invalid');
    const start = performance.now();
    await writeTreeAtomically(join(WORK, 'phases-out'), result.files);
    if (run === 0) continue; // warm-up
    for (const phase of ['load', 'model', 'validate', 'render', 'promtool'] as const) phases[phase].push(result.timings[phase]);
    phases.write.push(performance.now() - start);
  }
  return Object.fromEntries(Object.entries(phases).map(([phase, times]) => [phase, median(times)])) as Record<keyof PipelineTimings | 'write', number>;
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

/** Median time of checking every given expression once. */
function queryCheckMs(model: Model, expressions: readonly string[], runs: number): number {
  const context = queryContextOf(model);
  const times: number[] = [];
  for (let run = 0; run <= runs; run++) {
    // A fresh context object each run: analyses are cached per context, and the cache is not what is measured.
    const fresh = { ...context };
    const start = performance.now();
    for (const expr of expressions) checkQuery(expr, fresh);
    if (run > 0) times.push(performance.now() - start);
  }
  return median(times);
}

/** Rules in the shapes the reference uses (rate sums, quantiles, gauge thresholds) over a synthetic catalogue. */
function syntheticRules(model: Model, count: number): string[] {
  return Array.from({ length: count }, (_, i) => {
    const metric = model.metrics[i % model.metrics.length]!;
    if (metric.type === 'counter') return `sum by (job, status) (rate(${metric.name}[5m])) / sum by (job, status) (rate(${metric.name}[5m])) > 0.${i % 9 + 1}`;
    if (metric.type === 'histogram') return `histogram_quantile(0.95, sum by (le, queue) (rate(${metric.name}_bucket[5m]))) > ${i % 5 + 1}`;
    return `max by (job, shard) (${metric.name}) > ${i}`;
  });
}

rmSync(WORK, { recursive: true, force: true });
mkdirSync(WORK, { recursive: true });

const referenceModel = await runPipeline(REPO);
if (!referenceModel.ok) throw new Error('the reference project is invalid');
const referenceBase = referenceModel.model;
const referenceExpressions = referenceBase.rules.flatMap((file) => [...file.recording, ...file.alerts].map((rule) => rule.expr));
const referenceQueries = queryCheckMs(referenceBase, referenceExpressions, RUNS);
/** Dashboards of the reference project: layout and SDK build, then JSON rendering, in process. */
async function dashboardRenderMs(runs: number): Promise<{ ms: number; dashboards: number }> {
  const project = await loadProject(REPO);
  const times: number[] = [];
  let dashboards = 0;
  for (let run = 0; run <= runs; run++) {
    const start = performance.now();
    const built = buildDashboards(project.dashboards, referenceBase);
    grafanaStage.render({ ...referenceBase, dashboards: built.dashboards });
    if (run > 0) times.push(performance.now() - start);
    dashboards = built.dashboards.length;
  }
  return { ms: median(times), dashboards };
}
const dashboardRender = await dashboardRenderMs(RUNS);

const syntheticRoot = join(WORK, 'synthetic-rules');
writeSyntheticProject(syntheticRoot, 1_000);
const syntheticModel = await runPipeline(syntheticRoot);
if (!syntheticModel.ok) throw new Error('the synthetic project is invalid');
const tenThousandRules = syntheticRules(syntheticModel.model, 10_000);
const syntheticQueries = queryCheckMs(syntheticModel.model, tenThousandRules, RUNS);

const reference = referenceWallMs();
const phases = await referencePhasesMs();
const oneK = await syntheticMs(1_000);
const tenK = await syntheticMs(10_000);
const ratio = tenK / oneK;
rmSync(WORK, { recursive: true, force: true });

const overhead = instrumentOverhead();
const referenceRender = await referenceRenderMs();
const render10k = await syntheticRenderMs(10_000);
const render100k = await syntheticRenderMs(100_000);
const check = await checkBench(REPO, CHECK_RUNS);

const targets = [
  { what: 'bare Node start (node -e "")', value: `${reference.bare.toFixed(0)} ms`, target: '(baseline)', ok: true },
  {
    what: 'reference generate, inputs unchanged (run record)',
    value: `${reference.unchanged.toFixed(0)} ms`,
    target: `≤ 3× bare Node: ${(reference.unchanged / reference.bare).toFixed(2)}×`,
    ok: reference.unchanged <= 3 * reference.bare,
  },
  {
    what: 'reference generate, full run (--no-cache)',
    value: `${reference.full.toFixed(0)} ms`,
    target: `< 1000 ms; ${(reference.full / reference.bare).toFixed(1)}× bare Node`,
    ok: reference.full < 1000,
  },
  { what: '  of which: loading the bundled generator', value: `${(reference.moduleLoad - reference.bare).toFixed(0)} ms`, target: '(above a bare start)', ok: true },
  ...(['load', 'model', 'validate', 'render', 'promtool', 'write'] as const).map((phase) => ({
    what: `  of which, in process: ${PHASES[phase]}`,
    value: `${phases[phase].toFixed(0)} ms`,
    target: '(warm modules)',
    ok: true,
  })),
  { what: 'synthetic 1,000 metrics', value: `${oneK.toFixed(0)} ms`, target: '(baseline)', ok: true },
  { what: 'synthetic 10,000 metrics', value: `${tenK.toFixed(0)} ms`, target: '< 10000 ms', ok: tenK < 10_000 },
  { what: 'ratio 10k / 1k', value: ratio.toFixed(2), target: '≤ 11 (linear)', ok: ratio <= 11 },
  {
    what: `query checker, reference project (${referenceExpressions.length} rules)`,
    value: `${referenceQueries.toFixed(1)} ms`,
    target: `${((referenceQueries / referenceExpressions.length) * 1000).toFixed(0)} µs a rule`,
    ok: true,
  },
  {
    what: `dashboards, reference project (${dashboardRender.dashboards} built and rendered)`,
    value: `${dashboardRender.ms.toFixed(1)} ms`,
    target: `(part of the reference figure above)`,
    ok: true,
  },
  {
    what: 'query checker, 10,000 synthetic rules',
    value: `${syntheticQueries.toFixed(0)} ms`,
    target: `${((syntheticQueries / tenThousandRules.length) * 1000).toFixed(0)} µs a rule`,
    ok: true,
  },
  {
    what: `typed instruments vs raw prom-client (${overhead.typedNs.toFixed(0)} / ${overhead.rawNs.toFixed(0)} ns a call)`,
    value: overhead.ratio.toFixed(3),
    target: '≤ 1.05',
    ok: overhead.ratio <= 1.05,
  },
  { what: `/metrics render, reference workload (${referenceRender.series} series)`, value: `${referenceRender.ms.toFixed(1)} ms`, target: '(measured)', ok: true },
  { what: '/metrics render, 10,000 series', value: `${render10k.toFixed(1)} ms`, target: '(measured)', ok: true },
  { what: '/metrics render, 100,000 series', value: `${render100k.toFixed(0)} ms`, target: '(measured)', ok: true },
  { what: 'bare Node start, beside sextant check', value: `${check.bare.toFixed(0)} ms`, target: '(baseline)', ok: true },
  {
    what: 'sextant check, reference project (fresh process)',
    value: `${check.total.toFixed(0)} ms`,
    target: `< 8000 ms; ${(check.total / check.bare).toFixed(0)}× bare Node`,
    ok: check.total < 8_000,
  },
  {
    what: `  its CPU time, all processes / ${check.cores} cores`,
    value: `${(check.cpu / check.cores).toFixed(0)} ms`,
    target: `< 8000 ms on an idle machine (${(check.cpu / 1000).toFixed(1)} s of CPU)`,
    ok: check.cpu / check.cores < 8_000,
  },
  ...check.parts.map((part) => ({ what: `  part, alone: ${part.what}`, value: `${part.ms.toFixed(0)} ms`, target: `(${(part.ms / check.bare).toFixed(1)}× bare Node)`, ok: true })),
];

console.log(`Benchmarks (medians, measured side by side in one run)\n`);
for (const t of targets) console.log(`${t.ok ? 'PASS' : 'FAIL'}  ${t.what.padEnd(52)} ${t.value.padStart(9)}   ${t.target.startsWith('(') || /µs/.test(t.target) ? '' : 'target '}${t.target}`);
if (targets.some((t) => !t.ok)) process.exitCode = 1;
