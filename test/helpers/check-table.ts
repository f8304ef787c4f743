/**
 * Runs one check over a table of cases named as sentences. A case lists the messages it expects
 * (substrings, one per problem); an empty list means the definition must pass.
 */
import { describe, expect, it } from 'vitest';
import { defineConfig, type SextantConfigInput } from '../../generator/config.ts';
import { defineDomain, type Owner } from '../../generator/dsl/domain.ts';
import type { MetricDef } from '../../generator/dsl/metrics.ts';
import { buildModel } from '../../generator/model/build.ts';
import type { Model } from '../../generator/model/types.ts';
import type { Check } from '../../generator/validate/check.ts';

export interface CheckCase {
  readonly name: string;
  readonly metrics: Record<string, MetricDef>;
  readonly owner?: Owner;
  readonly config?: SextantConfigInput;
  readonly expect: readonly string[];
}

export function modelOf(metrics: Record<string, MetricDef>, owner: Owner = 'app', config: SextantConfigInput = {}): Model {
  const domain = defineDomain({ name: 'test', title: 'Test', description: '', owner, metrics });
  const { model, problems } = buildModel([{ file: 'catalog/test.ts', value: domain }], defineConfig({ namespace: 'app', ...config }));
  if (problems.length > 0) throw new Error(`case does not build: ${problems.map((p) => p.message).join('; ')}`);
  return model;
}

export function checkTable(check: Check, cases: readonly CheckCase[]): void {
  describe(`check ${check.id}`, () => {
    it.each(cases)('$name', ({ metrics, owner, config, expect: expected }) => {
      const problems = check.run(modelOf(metrics, owner, config));
      for (const problem of problems) expect(problem.check).toBe(check.id);
      const messages = problems.map((p) => `${p.definition}: ${p.message}`);
      expect(messages).toHaveLength(expected.length);
      expected.forEach((text, i) => expect(messages[i]).toContain(text));
    });
  });
}
