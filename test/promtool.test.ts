/**
 * promtool is the authority on rules: the rule files the engine renders pass its strictest lint, and
 * every generated unit test (written and edge cases) passes. A copy with one wrong expectation must
 * fail, or these tests prove nothing. Over the fixture project; `sextant check` holds the reference to
 * the same (test/reference/check.test.ts).
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testFailures } from '../generator/check/test-failures.ts';
import { runPipeline } from '../generator/pipeline.ts';
import { runCommand } from './helpers/command.ts';
import { FIXTURE_PROJECT } from './helpers/project.ts';

const scratch = mkdtempSync(join(tmpdir(), 'sextant-promtool-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const promtool = (args: string[], cwd: string) => runCommand('promtool', args, { cwd });

describe('promtool on the generated rules', async () => {
  const result = await runPipeline(FIXTURE_PROJECT);
  if (!result.ok) throw new Error('the fixture project is invalid');
  for (const file of result.files) {
    mkdirSync(dirname(join(scratch, file.path)), { recursive: true });
    writeFileSync(join(scratch, file.path), file.content);
  }
  const prometheus = join(scratch, 'prometheus');
  const ruleFiles = readdirSync(join(prometheus, 'rules')).map((file) => join('rules', file));
  const testFiles = readdirSync(join(prometheus, 'tests')).map((file) => join('tests', file));

  it('finds one rule file and one test file per rules file, and the edge cases of its alerts', () => {
    expect(ruleFiles).toEqual(['rules/checkout.rules.yml']);
    expect(testFiles.sort()).toEqual(['tests/checkout.edges.test.yml', 'tests/checkout.test.yml']);
  });

  it('passes promtool check rules --lint=all --lint-fatal', async () => {
    const run = await promtool(['check', 'rules', '--lint=all', '--lint-fatal', ...ruleFiles], prometheus);
    expect(run.output).not.toContain('FAILED');
    expect(run.code, run.output).toBe(0);
  });

  it.each(testFiles)('passes promtool test rules %s', async (file) => {
    const run = await promtool(['test', 'rules', file], prometheus);
    expect(run.code, run.output).toBe(0);
    expect(run.output).toContain('SUCCESS');
  });

  it('fails a test whose expected annotation is wrong', async () => {
    const file = join(prometheus, 'tests/checkout.test.yml');
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('60% of orders are declined.');
    writeFileSync(file, text.replace('60% of orders are declined.', '61% of orders are declined.'));
    const run = await promtool(['test', 'rules', 'tests/checkout.test.yml'], prometheus);
    expect(run.code).not.toBe(0);
    expect(run.output).toContain('OrdersDeclined');
  });

  it('fails when for is cut, tracing the failure to the one test of its group (tests sharing series share a group)', async () => {
    const copy = join(scratch, 'for-cut');
    for (const file of result.files) {
      mkdirSync(dirname(join(copy, file.path)), { recursive: true });
      // Cut to 1m, not 2m: without group_eval_order promtool evaluates the groups in Go's map order, so
      // the alert reads its recording rule one step late on some runs; at 1m it fires by 3m either way.
      writeFileSync(join(copy, file.path), file.path.endsWith('checkout.rules.yml') ? file.content.replace('for: 5m', 'for: 1m') : file.content);
    }
    expect(readFileSync(join(copy, 'prometheus/tests/checkout.test.yml'), 'utf8')).toContain('OrdersDeclined fires: 60% declined; OrdersDeclined is pending: declining for less than 5 minutes');
    const run = await promtool(['test', 'rules', 'tests/checkout.test.yml'], join(copy, 'prometheus'));
    expect(run.code).not.toBe(0);
    const problems = testFailures(result.model.rules[0]!, run.output);
    expect(problems.map((problem) => [problem.definition, problem.message])).toEqual([['alert OrdersDeclined', expect.stringMatching(/^test 'declining for less than 5 minutes' failed: /)]]);
  });
});
