/**
 * Compares a catalogue domain with what a live target exposes. Used by the upstream tests now and
 * by the `verify` command later: names, types, label names, and observed values of enum labels.
 */
import type { DomainDef } from '../dsl/domain.ts';
import { labelNamesOf, type Family } from './parse.ts';

export interface Mismatch {
  readonly metric: string;
  readonly problem: string;
}

export function compareDomain(domain: DomainDef, families: ReadonlyMap<string, Family>): Mismatch[] {
  const mismatches: Mismatch[] = [];
  for (const metric of Object.values(domain.metrics)) {
    const report = (problem: string) => mismatches.push({ metric: metric.name, problem });
    const family = families.get(metric.name);
    if (!family) {
      report('catalogued, but not exposed');
      continue;
    }
    if (family.type !== metric.type) report(`catalogued as ${metric.type}, exposed as ${family.type}`);
    // A family with no samples yet (a histogram nothing was observed into) shows no labels to compare.
    const declared = Object.keys(metric.labels).sort();
    const exposed = labelNamesOf(family);
    if (family.samples.length > 0 && declared.join(',') !== exposed.join(',')) report(`catalogued labels [${declared.join(', ')}], exposed [${exposed.join(', ')}]`);
    for (const [label, spec] of Object.entries(metric.labels)) {
      if (!Array.isArray(spec)) continue;
      const allowed = new Set<string>(spec);
      const unexpected = new Set(family.samples.map((s) => s.labels[label]).filter((v): v is string => v !== undefined && !allowed.has(v)));
      if (unexpected.size > 0) report(`label ${label} has undeclared values ${[...unexpected].sort().join(', ')}`);
    }
  }
  return mismatches;
}

/** Families exposed but not catalogued in any of the given domains. */
export function uncatalogued(domains: readonly DomainDef[], families: ReadonlyMap<string, Family>): string[] {
  const known = new Set(domains.flatMap((d) => Object.values(d.metrics).map((m) => m.name)));
  return [...families.keys()].filter((name) => !known.has(name)).sort();
}
