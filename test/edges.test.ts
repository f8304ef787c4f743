/**
 * The edge cases generated from an alert's scenario (generator/rules/edges.ts): what they probe,
 * that promtool passes them on a right rule and fails them on a wrong threshold, and that `check`
 * traces such a failure back to the alert.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { testFailures } from '../generator/check/test-failures.ts';
import { input, promql, type AlertDef } from '../generator/index.ts';
import { ruleFilesStage, ruleTestsStage } from '../generator/render/rules.ts';
import { edgeCases, edgePlan, edgeStep } from '../generator/rules/edges.ts';
import { runCommand } from './helpers/command.ts';
import { rulesModelOf, shop, validAlert } from './helpers/rules-table.ts';

const target = { job: 'shop', instance: 'shop:80' };
const baskets: AlertDef['scenario'] = { target, series: (value, s) => [input(shop.metrics.basket, { ...s.target, region: 'eu' }, s.gauge(value))] };
const orders: AlertDef['scenario'] = {
  target,
  series: (ratio, s) => [
    input(shop.metrics.orders, { ...s.target, status: 'failed' }, s.counter(ratio)),
    input(shop.metrics.orders, { ...s.target, status: 'ok' }, s.counter(1 - ratio)),
  ],
  idle: (s) => [input(shop.metrics.orders, { ...s.target, status: 'ok' }, s.counter(0))],
};
const failedRatio = promql`sum by (job) (rate(${shop.metrics.orders}{status="failed"}[5m])) / sum by (job) (rate(${shop.metrics.orders}[5m]))`;

const scratch = mkdtempSync(join(tmpdir(), 'sextant-edges-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function casesOf(alert: AlertDef) {
  const model = rulesModelOf([alert]);
  const modelAlert = model.rules[0]!.alerts[0]!;
  const verdict = edgePlan(model, modelAlert);
  if (verdict.kind !== 'plan') throw new Error(`no plan: ${JSON.stringify(verdict)}`);
  return { model, plan: verdict.plan, cases: edgeCases(model, modelAlert.scenario!, verdict.plan) };
}

/** Renders the alert's rule and edge files, optionally rewriting the rule file, and runs promtool on the edges. */
async function promtoolOnEdges(alert: AlertDef, rewrite: (rules: string) => string = (rules) => rules) {
  const model = rulesModelOf([alert]);
  const dir = mkdtempSync(join(scratch, 'case-'));
  for (const file of [...ruleFilesStage.render(model), ...ruleTestsStage.render(model)]) {
    mkdirSync(join(dir, file.path, '..'), { recursive: true });
    writeFileSync(join(dir, file.path), file.path.includes('/rules/') ? rewrite(file.content) : file.content);
  }
  const result = await runCommand('promtool', ['test', 'rules', 'tests/shop.edges.test.yml'], { cwd: join(dir, 'prometheus') });
  return { model, result };
}

describe('edge cases from a scenario', () => {
  it('probe a gauge exactly at its threshold, just past it, just before and just after for, and a second instance', () => {
    const { plan, cases } = casesOf(validAlert({ scenario: baskets }));
    expect([plan.op, plan.threshold, plan.fires, plan.silent]).toEqual(['>', 100, 101, 100]);
    expect(cases.map((c) => [c.name, c.at, c.expect?.state ?? 'silent'])).toEqual([
      ['fires at 101 (> 100) just after for', 300, 'firing'],
      ['stays silent at 100 (> 100)', 300, 'silent'],
      ['is pending just before for (300s)', 285, 'pending'],
      ['fires for the one instance of two that crosses the threshold', 300, 'firing'],
    ]);
    // Series at the production scrape interval (15 s), long enough for the latest evaluation.
    expect(cases[0]!.series[0]!.values).toBe('101x21');
  });

  it('probe a ratio of rates just past and short of its threshold, at zero traffic, with no series, and once per job', () => {
    const { plan, cases } = casesOf(validAlert({ expr: promql`${failedRatio} > 0.1`, scenario: orders }));
    expect([plan.fires, plan.silent, plan.divides, plan.perInstance, plan.counterWindow]).toEqual([0.101, 0.099, true, false, 300]);
    expect(cases.map((c) => c.name)).toEqual([
      'fires at 0.101 (> 0.1) just after for',
      'stays silent at 0.099 (> 0.1)',
      'stays silent at zero traffic',
      'stays silent with no series at all',
      'fires once for the job when one of two instances crosses the threshold',
    ]);
  });

  it('without an idle series, make both instances of a ratio cross: one at 0 % would dilute the job below the threshold', async () => {
    const withoutIdle = { ...orders!, idle: undefined };
    const alert = validAlert({ expr: promql`${failedRatio} > 0.1`, scenario: withoutIdle });
    expect(casesOf(alert).cases.map((c) => c.name)).toContain('fires once for the job when both of two instances cross the threshold');
    const { result } = await promtoolOnEdges(alert);
    expect(result.code, result.output).toBe(0);
  });

  it('fire with no series at all when the alert pairs with absent()', () => {
    const { cases } = casesOf(validAlert({ expr: promql`sum by (job) (${shop.metrics.basket}) < 1 or absent(${shop.metrics.basket}{job="shop"})`, scenario: baskets }));
    expect(cases.find((c) => c.name.includes('no series'))).toMatchObject({ name: 'fires with no series at all', expect: { state: 'firing', count: 1 } });
  });

  it('pass under promtool on the rule they were derived from', async () => {
    const { result } = await promtoolOnEdges(validAlert({ expr: promql`${failedRatio} > 0.1`, scenario: orders }));
    expect(result.code, result.output).toBe(0);
  });

  it('fail under promtool when the rule compares with >= instead of > (the at-threshold case catches it)', async () => {
    const { result } = await promtoolOnEdges(validAlert({ scenario: baskets }), (rules) => rules.replace('> 100', '>= 100'));
    expect(result.code).toBe(1);
    expect(result.output).toContain('FAILED');
  });

  it('run at the coarsest step that proves the same cases: one dividing for in five, four samples a window', () => {
    const gauge = casesOf(validAlert({ scenario: baskets }));
    // for: 5m, no window: a 1m step (5m would put "just before for" at 0, below a fifth of for).
    expect(edgeStep(gauge.model, [{ scenario: gauge.model.rules[0]!.alerts[0]!.scenario!, plan: gauge.plan }])).toEqual({ scrape: 60, evaluation: 60 });
    const ratio = casesOf(validAlert({ expr: promql`${failedRatio} > 0.1`, for: '10m', scenario: orders }));
    const step = edgeStep(ratio.model, [{ scenario: ratio.model.rules[0]!.alerts[0]!.scenario!, plan: ratio.plan }]);
    // for: 10m allows 2m; a [5m] window keeps four samples at 1m, not at 2m.
    expect(step).toEqual({ scrape: 60, evaluation: 120 });
    const names = (cases: { name: string; expect?: unknown }[]) => cases.map((c) => [c.name, c.expect]);
    expect(names(edgeCases(ratio.model, ratio.model.rules[0]!.alerts[0]!.scenario!, ratio.plan, step))).toEqual(names(ratio.cases));
  });

  it('keep the configured step when no coarser one divides for in five', () => {
    // for: 1m: 30s would put "just before for" at half of it, so a for cut to 31s would still pass.
    const { model, plan } = casesOf(validAlert({ expr: promql`${failedRatio} > 0.1`, for: '1m', scenario: orders }));
    expect(edgeStep(model, [{ scenario: model.rules[0]!.alerts[0]!.scenario!, plan }])).toEqual({ scrape: 15, evaluation: 15 });
  });

  it('share one test group where they share series (promtool builds a storage per group), each expectation kept', () => {
    const model = rulesModelOf([validAlert({ scenario: baskets })]);
    const file = ruleTestsStage.render(model).find((f) => f.path.endsWith('shop.edges.test.yml'))!;
    const groups = (yaml.load(file.content) as { tests: { name: string; promql_expr_test: { eval_time: string }[] }[] }).tests;
    const both = groups.find((group) => group.name.includes('just after for'))!;
    expect(both.name).toBe('BasketsPiling fires at 101 (> 100) just after for; BasketsPiling is pending just before for (300s)');
    expect(both.promql_expr_test.map((test) => test.eval_time)).toEqual(['5m', '4m']);
    expect(groups.flatMap((group) => group.promql_expr_test)).toHaveLength(4);
  });

  it.each([
    ['shortened', '4m'],
    ['lengthened', '7m'],
  ])('fail under promtool at their coarser step when for is %s (%s instead of 5m)', async (_, changed) => {
    const { result } = await promtoolOnEdges(validAlert({ scenario: baskets }), (rules) => rules.replace('for: 5m', `for: ${changed}`));
    expect(result.code, result.output).toBe(1);
    expect(result.output).toContain('FAILED');
  });

  it('fail when the threshold moves, and check traces the failure to the alert', async () => {
    const { model, result } = await promtoolOnEdges(validAlert({ expr: promql`${failedRatio} > 0.1`, scenario: orders }), (rules) => rules.replace('> 0.1', '> 0.2'));
    expect(result.code).toBe(1);
    const [problem] = testFailures(model.rules[0]!, result.output);
    expect(problem).toMatchObject({ file: 'alerts/shop.ts', definition: 'alert BasketsPiling', check: 'promtool-test' });
    expect(problem!.message).toContain('a generated edge case (evaluated at');
  });
});
