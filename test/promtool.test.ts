/**
 * promtool is the authority on rules: the generated rule files pass its strictest lint, and every
 * generated unit test passes. A copy with one wrong expectation must fail, or these tests prove nothing.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCommand } from './helpers/command.ts';
import { REPO } from './helpers/project.ts';

const PROMETHEUS_DIR = join(REPO, 'generated/prometheus');
const ruleFiles = readdirSync(join(PROMETHEUS_DIR, 'rules')).map((file) => join('rules', file));
const testFiles = readdirSync(join(PROMETHEUS_DIR, 'tests')).map((file) => join('tests', file));

const promtool = (args: string[], cwd: string) => runCommand('promtool', args, { cwd });

const scratch = mkdtempSync(join(tmpdir(), 'sextant-promtool-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('promtool on the generated rules', () => {
  it('finds one rule file and one test file per rule domain', () => {
    expect(ruleFiles.length).toBeGreaterThan(0);
    const domains = ruleFiles.map((f) => f.replace(/^rules\/|\.rules\.yml$/g, ''));
    // Beside each file's own tests, the edge cases generated from its alerts' scenarios.
    expect(testFiles.filter((f) => !f.endsWith('.edges.test.yml')).map((f) => f.replace(/^tests\/|\.test\.yml$/g, ''))).toEqual(domains);
    expect(testFiles.filter((f) => f.endsWith('.edges.test.yml')).map((f) => f.replace(/^tests\/|\.edges\.test\.yml$/g, ''))).toEqual(expect.arrayContaining(['http', 'worker', 'circuit_breaker']));
  });

  it('passes promtool check rules --lint=all --lint-fatal', async () => {
    const result = await promtool(['check', 'rules', '--lint=all', '--lint-fatal', ...ruleFiles], PROMETHEUS_DIR);
    expect(result.output).not.toContain('FAILED');
    expect(result.code, result.output).toBe(0);
  });

  it.each(testFiles)('passes promtool test rules %s', async (file) => {
    const result = await promtool(['test', 'rules', file], PROMETHEUS_DIR);
    expect(result.code, result.output).toBe(0);
    expect(result.output).toContain('SUCCESS');
  });

  it('fails a test whose expected annotation is wrong', async () => {
    cpSync(PROMETHEUS_DIR, scratch, { recursive: true });
    const file = join(scratch, 'tests/http.test.yml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('10% of requests to api failed', '11% of requests to api failed'));
    const result = await promtool(['test', 'rules', 'tests/http.test.yml'], scratch);
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('HttpErrorRatioHigh');
  });
});
