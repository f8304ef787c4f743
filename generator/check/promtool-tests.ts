/**
 * `promtool test rules` on every rendered test file. Each test file loads only the rule files its
 * rules read (render/rules.ts ruleFilesRead), so the files are independent: they run in a few
 * batches, one promtool each, side by side in the shared pool. Batches rather than one promtool per
 * file: each start costs about 50 ms of CPU, a tenth of the whole on a 2-core machine.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Model, ModelRuleFile } from '../model/types.ts';
import { formatReport, sortProblems, type Problem } from '../problems.ts';
import { ruleFilesRead } from '../render/rules.ts';
import { NOT_RENDERED, requireTool } from './prerequisites.ts';
import { failed, passed, toolSaid, type CheckStep } from './step.ts';
import { PROMTOOL_TEST_RULE, testFailures } from './test-failures.ts';

/** promtool prints this before each file's results, on stdout; its failures go to stderr. A file's edge cases trace to it too. */
const FILE_HEADER = /^Unit Testing:\s+tests\/(\S+?)(?:\.edges)?\.test\.yml$/m;

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
    // A file's own tests and, when its alerts have scenarios, the edge cases generated from them.
    const testFiles = (file: ModelRuleFile) => [`tests/${file.name}.test.yml`, `tests/${file.name}.edges.test.yml`].filter((path) => existsSync(join(cwd, path)));
    const problems = (
      await Promise.all(
        batches(model, 2 * context.parallel).map(async (batch) => {
          // Both streams into one pipe, so each failure follows the header of the file it belongs to.
          const run = await context.exec('sh', ['-c', 'exec "$0" "$@" 2>&1', promtool, 'test', 'rules', ...batch.flatMap(testFiles)], cwd);
          return run.code === 0 ? [] : batchFailures(model, batch, `${run.stdout}\n${run.stderr}`);
        }),
      )
    ).flat();
    const tests = model.rules.reduce((n, file) => n + testCount(file), 0);
    if (problems.length === 0) return passed(`${tests} tests in ${model.rules.length} files`);
    return failed(formatReport(sortProblems(problems)));
  },
};

function batchFailures(model: Model, batch: readonly ModelRuleFile[], output: string): Problem[] {
  // [before the first header, name, its section, name, its section, …]
  const parts = output.split(FILE_HEADER);
  const problems: Problem[] = [];
  for (let i = 1; i < parts.length; i += 2) {
    const file = model.rules.find((rules) => rules.name === parts[i]);
    if (file && /FAILED:/.test(parts[i + 1]!)) problems.push(...testFailures(file, parts[i + 1]!));
  }
  if (problems.length > 0) return problems;
  // promtool failed without a file's failure (it could not start, a file it could not read): its words.
  const files = batch.map((file) => `tests/${file.name}.test.yml`).join(', ');
  return [{ file: 'alerts/', definition: 'promtool tests', check: PROMTOOL_TEST_RULE, message: `promtool test rules ${files} failed: ${toolSaid(output).join(' ').replace(/\s+/g, ' ')}` }];
}

const testCount = (file: ModelRuleFile) => [...file.alerts, ...file.recording].reduce((n, rule) => n + rule.tests.length, 0);

/**
 * The test files in `count` batches of about equal cost, costliest batch first, so that none starts
 * last while the other cores idle. promtool evaluates every rule a test file loads at every step of
 * every test, so a file's cost goes with tests × rules loaded. Each file goes to the lightest batch,
 * costliest file first.
 */
function batches(model: Model, count: number): ModelRuleFile[][] {
  const rulesLoaded = (file: ModelRuleFile) => ruleFilesRead(model, file).reduce((n, read) => n + read.alerts.length + read.recording.length, 0);
  const cost = (file: ModelRuleFile) => testCount(file) * rulesLoaded(file);
  const bins = Array.from({ length: Math.max(1, Math.min(count, model.rules.length)) }, () => ({ cost: 0, files: [] as ModelRuleFile[] }));
  for (const file of [...model.rules].map((f) => ({ f, c: cost(f) })).sort((a, b) => b.c - a.c)) {
    const lightest = bins.reduce((a, b) => (b.cost < a.cost ? b : a));
    lightest.files.push(file.f);
    lightest.cost += file.c;
  }
  return bins.filter((bin) => bin.files.length > 0).sort((a, b) => b.cost - a.cost).map((bin) => bin.files);
}
