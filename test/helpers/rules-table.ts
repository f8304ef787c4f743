/**
 * Case tables for the rule checks: each case is a rules file over a small catalogue, and the
 * messages it must produce (substrings, one per problem; none means it must pass).
 */
import { describe, expect, it } from 'vitest';
import { defineConfig } from '../../generator/config.ts';
import { defineDomain } from '../../generator/dsl/domain.ts';
import { counter, gauge, histogram } from '../../generator/dsl/metrics.ts';
import { alert, defineRules, fires, input, pending, silent, type AlertDef, type RecordingRuleDef } from '../../generator/dsl/rules.ts';
import { buildModel } from '../../generator/model/build.ts';
import { buildRules } from '../../generator/model/rules.ts';
import type { Model } from '../../generator/model/types.ts';
import { promql } from '../../generator/promql/query.ts';
import type { Check } from '../../generator/validate/check.ts';

export const shop = defineDomain({
  name: 'shop',
  title: 'Shop',
  description: '',
  owner: 'app',
  metrics: {
    orders: counter({ name: 'orders_total', help: 'Orders.', labels: { status: ['ok', 'failed'] } }),
    basket: gauge({ name: 'baskets_open', help: 'Open baskets.', labels: { region: ['eu', 'us'] } }),
    // A ratio, a size and a duration for the threshold cases: only the rule tables read them.
    fill: gauge({ name: 'warehouse_fill_ratio', help: 'Share of the warehouse in use.', unit: 'ratio', notDashboarded: 'Rule tables only.' }),
    size: gauge({ name: 'catalogue_size_bytes', help: 'Size of the catalogue.', unit: 'bytes', notDashboarded: 'Rule tables only.' }),
    wait: histogram({ name: 'checkout_wait_seconds', help: 'Time to check out.', unit: 'seconds', buckets: [1, 5], notDashboarded: 'Rule tables only.' }),
    // A gauge with a declared capacity, for the cannot-fire cases.
    queued: gauge({ name: 'orders_queued', help: 'Orders waiting.', range: { min: 0, max: 500, why: 'the depth of a queue that holds at most 500 orders' }, notDashboarded: 'Rule tables only.' }),
  },
});

const target = { job: 'shop', instance: 'shop:80' } as const;
const open = (values: string) => input(shop.metrics.basket, { ...target, region: 'eu' }, values);

/** An alert that passes every check; cases override one field at a time. */
export function validAlert(overrides: Partial<AlertDef> = {}): AlertDef {
  return alert({
    name: 'BasketsPiling',
    severity: 'warning',
    expr: promql`${shop.metrics.basket} > 100`,
    for: '5m',
    summary: 'Baskets pile up in {{ $labels.region }}',
    description: '{{ $value | humanize }} baskets are open in {{ $labels.region }}.',
    runbook: { meaning: 'Shoppers do not check out.', causes: ['Checkout is broken.'], checks: ['Checkout dashboard.'] },
    tests: [
      fires('many baskets', { at: '10m', series: [open('150x20')], alerts: [{ labels: { ...target, region: 'eu' }, summary: 'Baskets pile up in eu', description: '150 baskets are open in eu.' }] }),
      silent('few baskets', { at: '10m', series: [open('50x20')] }),
      pending('not long enough', { at: '3m', series: [open('150x20')] }),
    ],
    ...overrides,
  });
}

export function rulesModelOf(alerts: readonly AlertDef[], recording: readonly RecordingRuleDef[] = []): Model {
  const config = defineConfig({ namespace: 'app' });
  const { model } = buildModel([{ file: 'catalog/shop.ts', value: shop }], config);
  const { rules, problems } = buildRules([{ file: 'alerts/shop.ts', value: defineRules({ name: 'shop', title: 'Shop', alerts, recording }) }], model);
  if (problems.length > 0) throw new Error(`case does not build: ${problems.map((p) => p.message).join('; ')}`);
  return { ...model, rules };
}

export interface RulesCase {
  readonly name: string;
  readonly alerts?: readonly AlertDef[];
  readonly recording?: readonly RecordingRuleDef[];
  readonly expect: readonly string[];
}

export function rulesTable(check: Check, cases: readonly RulesCase[]): void {
  describe(`check ${check.id}`, () => {
    it.each(cases)('$name', ({ alerts, recording, expect: expected }) => {
      const problems = check.run(rulesModelOf(alerts ?? [], recording ?? []));
      const messages = problems.map((p) => `${p.definition}: ${p.message}`);
      expect(messages).toHaveLength(expected.length);
      expected.forEach((text, i) => expect(messages[i]).toContain(text));
    });
  });
}
