/**
 * Drift between the catalogue and what a target exposes, both ways: catalogued metrics missing,
 * metrics exposed but not catalogued, and type or label mismatches.
 */
import { compareMetric, NOT_EXPOSED } from '../exposition/compare.ts';
import type { Family } from '../exposition/parse.ts';
import type { ModelDomain, ModelMetric } from '../model/types.ts';

export interface Drift {
  readonly kind: 'missing' | 'uncatalogued' | 'mismatch';
  readonly metric: string;
  readonly detail: string;
}

/**
 * The domains a target exposes when nothing says so: those with at least half their metrics present.
 * A Go program's process_* metrics do not make prom-client's runtime domain (six of thirty-one) apply.
 */
export function domainsInScope(families: ReadonlyMap<string, Family>, domains: readonly ModelDomain[]): ModelDomain[] {
  return domains.filter((domain) => {
    if (typeof domain.owner !== 'string' && domain.owner.synthetic) return false;
    const present = domain.metrics.filter((metric) => families.has(metric.name)).length;
    return domain.metrics.length > 0 && present * 2 >= domain.metrics.length;
  });
}

export function driftOf(families: ReadonlyMap<string, Family>, inScope: readonly ModelDomain[], allDomains: readonly ModelDomain[]): Drift[] {
  const drift: Drift[] = [];
  for (const metric of inScope.flatMap((domain) => domain.metrics)) {
    for (const mismatch of compareMetric(expected(metric), families.get(metric.name))) {
      drift.push({ kind: mismatch.problem === NOT_EXPOSED ? 'missing' : 'mismatch', metric: metric.name, detail: mismatch.problem });
    }
  }
  const known = new Set(allDomains.flatMap((domain) => domain.metrics.map((metric) => metric.name)));
  const tolerated = inScope.flatMap((domain) => (typeof domain.owner === 'string' ? [] : domain.owner.uncataloguedPrefixes));
  for (const name of [...families.keys()].sort()) {
    if (known.has(name) || tolerated.some((prefix) => name.startsWith(prefix))) continue;
    drift.push({ kind: 'uncatalogued', metric: name, detail: `exposed as ${families.get(name)!.type}, but in no catalogue domain` });
  }
  return drift;
}

function expected(metric: ModelMetric) {
  return { name: metric.name, type: metric.type, labels: metric.labels.map((label) => ({ name: label.name, values: label.values })) };
}

export function formatDrift(drift: readonly Drift[]): string[] {
  return drift.map((d) => `  ${d.kind.padEnd(12)} ${d.metric}: ${d.detail}`);
}
