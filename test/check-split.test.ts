/**
 * `check` runs each test file as one file per set of rules its tests need (generator/check/test-split.ts).
 * What a test's results depend on must never be cut: the rules it tests, recording rules read through
 * any depth, alerts read through `ALERTS`, everything when a selector fixes no name, and every rule
 * that could fail on the test's data. Each case asserts what a split file loads, and the differential
 * cases run real promtool over the whole file and over its split files: same exit code, same failures.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import yaml from 'js-yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { splitTestFile } from '../generator/check/test-split.ts';
import { canFailOnData } from '../generator/promql/can-fail.ts';
import { runCommand } from './helpers/command.ts';

const scratches: string[] = [];
afterAll(() => scratches.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

interface Rule {
  readonly record?: string;
  readonly alert?: string;
  readonly expr: string;
  readonly for?: string;
}
interface RuleFile {
  readonly groups: readonly { readonly name: string; readonly limit?: number; readonly rules: readonly Rule[] }[];
}

/** A chain and its readers: base → job:a → job:b → ChainHigh; AlertingAboutChain reads ALERTS of ChainHigh. */
const RULES: RuleFile = {
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
const firing = (name: string, labels: Record<string, string> = {}) => ({ eval_time: '10m', alertname: name, exp_alerts: [{ exp_labels: labels }] });
const silentAt = (name: string, at = '10m') => ({ eval_time: at, alertname: name, exp_alerts: [] });

/** The tests, by what each needs. */
const TESTS = [
  { name: 'chain', interval: '1m', input_series: busy, alert_rule_test: [firing('ChainHigh', { job: 'x' })] },
  { name: 'chain again', interval: '1m', input_series: busy, alert_rule_test: [silentAt('ChainHigh', '1m')] },
  { name: 'through ALERTS', interval: '1m', input_series: busy, alert_rule_test: [firing('AlertingAboutChain')] },
  { name: 'other', interval: '1m', input_series: [{ series: 'other', values: '5x20' }], alert_rule_test: [firing('Other')] },
  { name: 'record', interval: '1m', input_series: busy, promql_expr_test: [{ expr: 'job:a', eval_time: '5m', exp_samples: [{ labels: 'job:a{job="x"}', value: 6 }] }] },
  // base, the three records, and ChainHigh's ALERTS and ALERTS_FOR_STATE: every rule's output counts.
  { name: 'no name', interval: '1m', input_series: busy, promql_expr_test: [{ expr: 'count({job="x"})', eval_time: '5m', exp_samples: [{ labels: '{}', value: 6 }] }] },
];

/** Writes the rule files and one test file, splits it, and offers promtool over the split files and over the whole. */
function split(tests: readonly object[], options: { rules?: Record<string, RuleFile>; extra?: Record<string, unknown> } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'sextant-split-'));
  scratches.push(dir);
  const ruleFiles = options.rules ?? { 'case.rules.yml': RULES };
  const files: Record<string, unknown> = {
    ...Object.fromEntries(Object.entries(ruleFiles).map(([name, content]) => [`rules/${name}`, content])),
    'tests/case.test.yml': { rule_files: Object.keys(ruleFiles).map((name) => `../rules/${name}`), evaluation_interval: '1m', ...options.extra, tests },
  };
  for (const [path, value] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), yaml.dump(value));
  }
  let next = 0;
  const runs = splitTestFile(dir, 'tests/case.test.yml', (path) => readFileSync(join(dir, path), 'utf8'), () => next++);
  const loaded = (path: string) => {
    const test = yaml.load(readFileSync(join(dir, path), 'utf8')) as { rule_files: string[]; tests: { name: string }[] };
    const rules = test.rule_files.flatMap((file) => (yaml.load(readFileSync(join(dir, dirname(path), file), 'utf8')) as RuleFile).groups.flatMap((group) => group.rules.map((rule) => rule.record ?? rule.alert)));
    return { tests: test.tests.map((t) => t.name), rules };
  };
  const promtool = (paths: readonly string[]) => runCommand('promtool', ['test', 'rules', ...paths], { cwd: dir });
  /** promtool's failure lines, without the file headers that name the split copies, and the series lists it prints in any order. */
  const failures = (output: string) =>
    output
      .split('\n')
      .filter((line) => line.trim() !== '' && !/^(Unit Testing:|\s*SUCCESS)/.test(line))
      .map((line) => line.replace(/\[\{.*?\}\]/g, '[series]'))
      .sort();
  return {
    dir,
    runs,
    loaded,
    promtool: () => promtool(runs.map((run) => run.path)),
    /** The whole file and its split copies under promtool: their exit codes and failures. */
    async both() {
      const [whole, cut] = await Promise.all([promtool(['tests/case.test.yml']), promtool(runs.map((run) => run.path))]);
      return { whole: { code: whole.code, failures: failures(whole.output) }, split: { code: cut.code, failures: failures(cut.output) } };
    },
  };
}

describe('check splits a test file by the rules its tests need', () => {
  it('loads for each test what it tests, what that reads through any depth, and nothing else', () => {
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

  it('keeps every alert for ALERTS without an alertname, or with one not fixed by =, and the rules they read', () => {
    const all = ['job:a', 'job:b', 'ChainHigh', 'Other', 'AlertingAboutChain', 'AnyAlert'];
    const reading = (expr: string) => split([{ ...TESTS[0], name: 'q', alert_rule_test: undefined, promql_expr_test: [{ expr, eval_time: '10m', exp_samples: [] }] }]);
    for (const expr of ['count(ALERTS)', 'ALERTS{alertname!="Other"}', 'ALERTS{alertname=~"Chain.*"}']) {
      const { runs, loaded } = reading(expr);
      expect(loaded(runs[0]!.path).rules, expr).toEqual(all);
    }
  });

  it('keeps an alert defined in two rule files under one name in both', () => {
    const twice: Record<string, RuleFile> = {
      'a.rules.yml': { groups: [{ name: 'a', rules: [{ alert: 'Twice', expr: 'base > 1' }, { alert: 'Other', expr: 'other > 1' }] }] },
      'b.rules.yml': { groups: [{ name: 'b', rules: [{ alert: 'Twice', expr: 'base > 100' }] }] },
    };
    const { runs, loaded } = split([{ name: 'twice', interval: '1m', input_series: busy, alert_rule_test: [firing('Twice', { job: 'x' })] }, TESTS[3]!], { rules: twice });
    expect(runs.map((run) => loaded(run.path).rules)).toEqual([['Twice', 'Twice'], ['Other']]);
  });

  it('runs the file whole when every test needs every rule, or its rule files are a glob, absolute, or do not load', () => {
    expect(split([TESTS[5]!]).runs.map((run) => run.path)).toEqual(['tests/case.test.yml']);
    for (const ruleFiles of [['../rules/*.yml'], ['/etc/prometheus/rules/case.rules.yml'], ['../rules/missing.rules.yml']]) {
      const dir = mkdtempSync(join(tmpdir(), 'sextant-split-'));
      scratches.push(dir);
      mkdirSync(join(dir, 'tests'));
      writeFileSync(join(dir, 'tests/other.test.yml'), yaml.dump({ rule_files: ruleFiles, tests: TESTS }));
      const read = (path: string) => readFileSync(join(dir, path), 'utf8');
      expect(splitTestFile(dir, 'tests/other.test.yml', read, () => 0).map((run) => run.path), ruleFiles[0]).toEqual(['tests/other.test.yml']);
    }
  });

  it('keeps group_eval_order to the groups a split file loads', () => {
    const { dir, runs, loaded } = split([TESTS[3]!], { extra: { group_eval_order: ['alerts', 'records'] } });
    expect(loaded(runs[0]!.path).rules).toEqual(['Other']);
    expect(yaml.load(readFileSync(join(dir, runs[0]!.path), 'utf8'))).toMatchObject({ group_eval_order: ['alerts'] });
  });
});

describe('the split files give promtool the results of the whole file', () => {
  it('all passing', async () => {
    const { whole, split: cut } = await split(TESTS).both();
    expect(whole.code, whole.failures.join('\n')).toBe(0);
    expect(cut).toEqual(whole);
  });

  it('a failure a cut would hide: the test expects silence where the chain through job:b fires', async () => {
    const wrong = { ...TESTS[0], name: 'chain is silent', alert_rule_test: [silentAt('ChainHigh')] };
    const { whole, split: cut } = await split([wrong, TESTS[3]!]).both();
    expect(whole.code).not.toBe(0);
    expect(cut).toEqual(whole);
    expect(cut.failures.join('\n')).toContain('chain is silent');
  });

  it('a rule no test names that fails on the tests data (many-to-many, a group limit) fails them split too', async () => {
    const failing: Record<string, RuleFile> = {
      'case.rules.yml': {
        groups: [
          { name: 'g', rules: [{ record: 'job:ratio', expr: 'errors / on(job) group_left requests' }, { alert: 'ErrorsHigh', expr: 'errors > 1' }] },
          { name: 'limited', limit: 1, rules: [{ alert: 'ManyErrors', expr: 'errors > 0' }] },
        ],
      },
    };
    const series = ['1', '2'].flatMap((instance) => [`errors{job="a", instance="${instance}"}`, `requests{job="a", instance="${instance}"}`].map((name) => ({ series: name, values: '5x10' })));
    const test = { name: 'errors fire', interval: '1m', input_series: series, alert_rule_test: [{ alertname: 'ErrorsHigh', eval_time: '5m', exp_alerts: ['1', '2'].map((instance) => ({ exp_labels: { job: 'a', instance } })) }] };
    const { whole, split: cut } = await split([test], { rules: failing }).both();
    expect(whole.code).not.toBe(0);
    expect(whole.failures.join('\n')).toMatch(/many-to-many|exceeded limit/);
    expect(cut).toEqual(whole);
  });

  it('a name written with escapes selects its rule', async () => {
    const escaped = { ...TESTS[4], name: 'escaped', promql_expr_test: [{ expr: '{__name__="job\\x3aa"}', eval_time: '5m', exp_samples: [{ labels: 'job:a{job="x"}', value: 6 }] }] };
    const { runs, loaded, both } = split([escaped, TESTS[3]!]);
    expect(loaded(runs[0]!.path).rules).toEqual(['job:a']);
    const { whole, split: cut } = await both();
    expect(whole.code, whole.failures.join('\n')).toBe(0);
    expect(cut).toEqual(whole);
  });
});

describe('canFailOnData: which rules data can make fail, so that a split keeps them', () => {
  it.each([
    ['errors / on(job) group_left requests', true],
    ['a * ignoring(instance) b', true],
    ['label_replace(up, "host", "$1", "instance", "(.*):.*")', true],
    ['rate({__name__=~"http_.*"}[5m])', true],
    ['sum(rate(a[5m])) / sum(rate(b[5m]))', false],
    ['a / b > 0.5', false],
    ['up == 0 and on(job) absent(x)', false],
    ['sum by (job) (up) == 0 or absent(up{job="api"})', false],
  ])('%s: %s', (expr, expected) => expect(canFailOnData(expr)).toBe(expected));
});
