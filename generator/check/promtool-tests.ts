/**
 * `promtool test rules` on every rendered test file, each split by the rules its tests need
 * (test-split.ts), so the files are independent: they run in a few batches, one promtool each, side
 * by side in the shared pool. Batches rather than one promtool per file: each start costs about 50 ms
 * of CPU, a tenth of the whole on a 2-core machine.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Model, ModelRuleFile } from '../model/types.ts';
import { formatReport, sortProblems, type Problem } from '../problems.ts';
import { NOT_RENDERED, requireTool } from './prerequisites.ts';
import { failed, passed, toolSaid, type CheckStep } from './step.ts';
import { PROMTOOL_TEST_RULE, testFailures } from './test-failures.ts';
import { splitTestFile, type TestRun } from './test-split.ts';

/**
 * promtool prints this before each file's results, on stdout; its failures go to stderr. A file's
 * edge cases trace to it too, and an environment's copy (`<name>.<environment>.test.yml`) to the
 * file as that environment built it.
 */
const FILE_HEADER = /^Unit Testing:\s+(?:split\/\d+\/)?tests\/([a-z][a-z0-9_]*)(?:\.(?!edges\.test\.yml)([a-z][a-z0-9_-]*))?(?:\.edges)?\.test\.yml$/m;

export const promtoolTestsStep: CheckStep = {
  id: 'promtool-test',
  title: 'promtool test rules',
  async run(context) {
    const promtool = requireTool(context, 'promtool');
    if (typeof promtool !== 'string') return promtool;
    const rendered = await context.rendered();
    if (!rendered) return NOT_RENDERED;
    const { model } = rendered;
    const cwd = join(rendered.dir, 'prometheus');
    // A file's own tests and, when its alerts have scenarios, the edge cases generated from them; and
    // the copies of both in each environment whose values change them.
    const stems = (file: ModelRuleFile) => [file.name, ...(model.environments ?? []).map((environment) => `${file.name}.${environment.name}`)];
    const testFiles = (file: ModelRuleFile) => stems(file).flatMap((stem) => [`tests/${stem}.test.yml`, `tests/${stem}.edges.test.yml`]).filter((path) => existsSync(join(cwd, path)));
    const read = (path: string) => readFileSync(join(cwd, path), 'utf8');
    let split = 0;
    const runs = model.rules.flatMap(testFiles).flatMap((path) => splitTestFile(cwd, path, read, () => split++));
    const problems = (
      await Promise.all(
        batches(runs, 2 * context.parallel).map(async (batch) => {
          // Both streams into one pipe, so each failure follows the header of the file it belongs to.
          const run = await context.exec('sh', ['-c', 'exec "$0" "$@" 2>&1', promtool, 'test', 'rules', ...batch], cwd, lessGarbageCollection());
          return run.code === 0 ? [] : batchFailures(model, batch, `${run.stdout}\n${run.stderr}`);
        }),
      )
    ).flat();
    const tests = model.rules.reduce((n, file) => n + testCount(file), 0);
    const copies = (model.environments ?? []).length > 0 ? `, and the copies of the environments whose thresholds change them` : '';
    if (problems.length === 0) return passed(`${tests} tests in ${model.rules.length} files${copies}`);
    return failed(formatReport(sortProblems(problems)));
  },
};

function batchFailures(model: Model, batch: readonly string[], output: string): Problem[] {
  // [before the first header, name, environment or undefined, its section, name, …]
  const parts = output.split(FILE_HEADER);
  const problems: Problem[] = [];
  for (let i = 1; i < parts.length; i += 3) {
    const [name, environment, section] = [parts[i], parts[i + 1], parts[i + 2]!];
    const rules = environment === undefined ? model.rules : model.environments?.find((e) => e.name === environment)?.rules;
    const file = rules?.find((rules) => rules.name === name);
    if (!file || !/FAILED:/.test(section)) continue;
    const failures = testFailures(file, section);
    problems.push(...(environment === undefined ? failures : failures.map((problem) => ({ ...problem, definition: `${problem.definition} in environments.${environment}` }))));
  }
  if (problems.length > 0) return problems;
  // promtool failed without a file's failure (it could not start, a file it could not read): its words.
  // Named as generated/ holds them: the split copies live in a directory deleted after the check.
  const asGenerated = (text: string) => text.replace(/\bsplit\/\d+\//g, '');
  const files = [...new Set(batch.map(asGenerated))].join(', ');
  return [{ file: 'alerts/', definition: 'promtool tests', check: PROMTOOL_TEST_RULE, message: `promtool test rules ${files} failed: ${asGenerated(toolSaid(output).join(' ').replace(/\s+/g, ' '))}` }];
}

/**
 * promtool builds a fresh storage for every test group and, at Go's default GOGC=100, spends about a
 * third of its CPU collecting them. Collecting only near a memory limit cuts that (measured on the
 * reference: 16.5 s of CPU to 12 s) for at most that much memory per promtool, of which the pool
 * runs one per core. A GOGC or GOMEMLIMIT of the caller's own wins.
 */
function lessGarbageCollection(): Record<string, string> {
  return process.env.GOGC === undefined && process.env.GOMEMLIMIT === undefined ? { GOGC: 'off', GOMEMLIMIT: '256MiB' } : {};
}

const testCount = (file: ModelRuleFile) => [...file.alerts, ...file.recording].reduce((n, rule) => n + rule.tests.length, 0);

/**
 * The test files in `count` batches of about equal cost, costliest batch first, so that none starts
 * last while the other cores idle. Each file goes to the lightest batch, costliest file first.
 */
function batches(runs: readonly TestRun[], count: number): string[][] {
  const bins = Array.from({ length: Math.max(1, Math.min(count, runs.length)) }, () => ({ cost: 0, paths: [] as string[] }));
  for (const run of [...runs].sort((a, b) => b.cost - a.cost)) {
    const lightest = bins.reduce((a, b) => (b.cost < a.cost ? b : a));
    lightest.paths.push(run.path);
    lightest.cost += run.cost;
  }
  return bins.filter((bin) => bin.paths.length > 0).sort((a, b) => b.cost - a.cost).map((bin) => bin.paths);
}
