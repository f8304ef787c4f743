/**
 * Compares catalogued metrics with what a live target exposes: names, types, label names, and the
 * observed values of enumerated labels. Shared by the `verify` command and the tests.
 */
import type { DomainDef } from '../dsl/domain.ts';
import type { MetricType } from '../dsl/metrics.ts';
import { labelNamesOf, type Family } from './parse.ts';

export interface ExpectedMetric {
  readonly name: string;
  readonly type: MetricType;
  readonly labels: readonly { readonly name: string; readonly values?: readonly string[] | undefined }[];
}

export interface Mismatch {
  readonly metric: string;
  readonly problem: string;
}

export const NOT_EXPOSED = 'catalogued, but not exposed';

export function compareMetric(expected: ExpectedMetric, family: Family | undefined): Mismatch[] {
  const mismatches: Mismatch[] = [];
  const report = (problem: string) => mismatches.push({ metric: expected.name, problem });
  if (!family) {
    report(NOT_EXPOSED);
    return mismatches;
  }
  if (family.type !== expected.type) report(`catalogued as ${expected.type}, exposed as ${family.type}`);
  // A family with no samples yet (a histogram nothing was observed into) shows no labels to compare.
  const declared = expected.labels.map((label) => label.name).sort();
  const exposed = labelNamesOf(family);
  const labelsDiffer = family.emptyLabelsDropped ? exposed.some((name) => !declared.includes(name)) : declared.join(',') !== exposed.join(',');
  if (family.samples.length > 0 && labelsDiffer) report(`catalogued labels [${declared.join(', ')}], exposed [${exposed.join(', ')}]`);
  for (const label of expected.labels) {
    if (!label.values) continue;
    const allowed = new Set<string>(label.values);
    const unexpected = new Set(family.samples.map((s) => s.labels[label.name]).filter((v): v is string => v !== undefined && !allowed.has(v)));
    if (unexpected.size > 0) report(`label ${label.name} has undeclared values ${[...unexpected].sort().join(', ')}`);
  }
  return mismatches;
}

/** A catalogue domain (names as its definitions spell them) against a target's families. */
export function compareDomain(domain: DomainDef, families: ReadonlyMap<string, Family>): Mismatch[] {
  return Object.values(domain.metrics).flatMap((metric) =>
    compareMetric(
      {
        name: metric.name,
        type: metric.type,
        labels: Object.entries(metric.labels).map(([name, spec]) => ({ name, values: Array.isArray(spec) ? spec : undefined })),
      },
      families.get(metric.name),
    ),
  );
}

/** Families exposed but not catalogued in any of the given domains. */
export function uncatalogued(domains: readonly DomainDef[], families: ReadonlyMap<string, Family>): string[] {
  const known = new Set(domains.flatMap((d) => Object.values(d.metrics).map((m) => m.name)));
  return [...families.keys()].filter((name) => !known.has(name)).sort();
}
