/**
 * `check` runs each test file as one file per set of rules its tests need (generator/check/test-split.ts).
 * What a test's results depend on must never be cut: the rules it tests, recording rules read through
 * any depth, alerts read through `ALERTS`, and everything when a selector fixes no name. Each case
 * asserts the rules a split file loads, and real promtool proves the split files pass where the whole
 * file passes and fail, naming the test, where it fails.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import yaml from 'js-yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { splitTestFile } from '../generator/check/test-split.ts';
import { runCommand } from './helpers/command.ts';

const scratches: string[] = [];
afterAll(() => scratches.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A chain and its readers: base → job:a → job:b → ChainHigh; Watchdog reads ALERTS of ChainHigh. */
const RULES = {
  groups: [
    {
      name: 'records',
      rules: [
        { record: 'job:a', expr: 'sum by (job) (base)' },
        { record: 'job:b', expr: '2 * job:a' },
        { record: 'job:unread', expr: 'count by (job) (base)' },
      ],
    },
    {
      name: 'alerts',
      rules: [
        { alert: 'ChainHigh', expr: 'job:b > 10', for: '2m' },
        { alert: 'Other', expr: 'other > 1' },
        { alert: 'AlertingAboutChain', expr: 'count(ALERTS{alertname="ChainHigh", alertstate="firing"}) > 0' },
        { alert: 'AnyAlert', expr: 'count(ALERTS) > 0' },
      ],
    },
  ],
};

const busy = [{ series: 'base{job="x"}', values: '6x20' }];
const firing = (name: string) => ({ eval_time: '10m', alertname: name, exp_alerts: [{ exp_labels: name === 'ChainHigh' ? { job: 'x' } : {} }] });

/** The tests, by what each needs. */
const TESTS = [
  { name: 'chain', interval: '1m', input_series: busy, alert_rule_test: [firing('ChainHigh')] },
  { name: 'chain again', interval: '1m', input_series: busy, alert_rule_test: [{ eval_time: '1m', alertname: 'ChainHigh', exp_alerts: [] }] },
  { name: 'through ALERTS', interval: '1m', input_series: busy, alert_rule_test: [firing('AlertingAboutChain')] },
  { name: 'other', interval: '1m', input_series: [{ series: 'other', values: '5x20' }], alert_rule_test: [firing('Other')] },
  { name: 'record', interval: '1m', input_series: busy, promql_expr_test: [{ expr: 'job:a', eval_time: '5m', exp_samples: [{ labels: 'job:a{job="x"}', value: 6 }] }] },
  // base, the three records, and ChainHigh's ALERTS and ALERTS_FOR_STATE: every rule's output counts.
  { name: 'no name', interval: '1m', input_series: busy, promql_expr_test: [{ expr: 'count({job="x"})', eval_time: '5m', exp_samples: [{ labels: '{}', value: 6 }] }] },
];

function split(tests: readonly object[], extra: Record<string, unknown> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'sextant-split-'));
  scratches.push(dir);
  const files: Record<string, unknown> = {
    'rules/case.rules.yml': RULES,
    'tests/case.test.yml': { rule_files: ['../rules/case.rules.yml'], evaluation_interval: '1m', ...extra, tests },
  };
  for (const [path, value] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), yaml.dump(value));
  }
  let next = 0;
  const runs = splitTestFile(dir, 'tests/case.test.yml', (path) => readFileSync(join(dir, path), 'utf8'), () => next++);
  const loaded = (path: string) => {
    const test = yaml.load(readFileSync(join(dir, path), 'utf8')) as { rule_files: string[]; tests: { name: string }[] };
    const rules = yaml.load(readFileSync(join(dir, dirname(path), test.rule_files[0]!), 'utf8')) as typeof RULES;
    return { tests: test.tests.map((t) => t.name), rules: rules.groups.flatMap((group) => group.rules.map((rule) => ('record' in rule ? rule.record : rule.alert))) };
  };
  return { dir, runs, loaded, promtool: () => runCommand('promtool', ['test', 'rules', ...runs.map((run) => run.path)], { cwd: dir }) };
}

describe('check splits a test file by the rules its tests need', () => {
  it('loads for each test what it tests and what that reads, through any depth, and nothing else', () => {
    const { runs, loaded } = split(TESTS);
    expect(runs.map((run) => loaded(run.path))).toEqual([
      { tests: ['chain', 'chain again'], rules: ['job:a', 'job:b', 'ChainHigh'] },
      { tests: ['through ALERTS'], rules: ['job:a', 'job:b', 'ChainHigh', 'AlertingAboutChain'] },
      { tests: ['other'], rules: ['Other'] },
      { tests: ['record'], rules: ['job:a'] },
      { tests: ['no name'], rules: ['job:a', 'job:b', 'job:unread', 'ChainHigh', 'Other', 'AlertingAboutChain', 'AnyAlert'] },
    ]);
    expect(runs.every((run) => run.path.startsWith('split/'))).toBe(true);
  });

  it('keeps every alert for ALERTS without an alertname, and the rules they read', () => {
    const { runs, loaded } = split([{ ...TESTS[0], name: 'any', alert_rule_test: [firing('AnyAlert')] }]);
    expect(runs.map((run) => loaded(run.path).rules)).toEqual([['job:a', 'job:b', 'ChainHigh', 'Other', 'AlertingAboutChain', 'AnyAlert']]);
  });

  it('runs the file whole when every test needs every rule, or its rule files are a glob', () => {
    expect(split([TESTS[5]!]).runs.map((run) => run.path)).toEqual(['tests/case.test.yml']);
    const { dir, runs } = split(TESTS);
    writeFileSync(join(dir, 'tests/glob.test.yml'), yaml.dump({ rule_files: ['../rules/*.yml'], tests: TESTS }));
    expect(splitTestFile(dir, 'tests/glob.test.yml', (path) => readFileSync(join(dir, path), 'utf8'), () => runs.length).map((run) => run.path)).toEqual(['tests/glob.test.yml']);
  });

  it('keeps group_eval_order to the groups a split file loads', () => {
    const { dir, runs } = split([TESTS[3]!], { group_eval_order: ['alerts', 'records'] });
    expect(yaml.load(readFileSync(join(dir, runs[0]!.path), 'utf8'))).toMatchObject({ group_eval_order: ['alerts'] });
  });

  it('passes under promtool where the whole file passes', async () => {
    const run = await split(TESTS).promtool();
    expect(run.code, run.output).toBe(0);
  });

  it('fails under promtool, naming the test, where a cut would have hidden the failure', async () => {
    // Wrong only if job:b is loaded: without the chain, ChainHigh could never fire, and the test would pass.
    const wrong = { ...TESTS[0], name: 'chain is silent', alert_rule_test: [{ eval_time: '10m', alertname: 'ChainHigh', exp_alerts: [] }] };
    const run = await split([wrong, TESTS[3]!]).promtool();
    expect(run.code).not.toBe(0);
    expect(run.output).toMatch(/FAILED:[\s\S]*chain is silent/);
  });
});
