/**
 * Drift between the catalogue and what a target exposes, both ways: catalogued metrics missing,
 * metrics exposed but not catalogued, type or label mismatches, and another version of the
 * program than its domain describes.
 */
import { compareMetric, NOT_EXPOSED } from '../exposition/compare.ts';
import type { Family } from '../exposition/parse.ts';
import type { ModelDomain, ModelMetric } from '../model/types.ts';

export interface MetricDrift {
  readonly kind: 'version' | 'missing' | 'uncatalogued' | 'mismatch';
  readonly metric: string;
  readonly detail: string;
}

/**
 * The domains a target exposes when nothing says so: every domain with a metric present, so a
 * target missing most of a domain's metrics is drift, not "no domain". A match only through names
 * another matching program exposes too (a Go exporter's process_* against prom-client's runtime
 * domain) is that program's, when its domain tolerates them uncatalogued.
 */
export function domainsInScope(families: ReadonlyMap<string, Family>, domains: readonly ModelDomain[]): ModelDomain[] {
  const matches = domains
    .filter((domain) => typeof domain.owner === 'string' || !domain.owner.synthetic)
    .map((domain) => ({ domain, present: domain.metrics.map((metric) => metric.name).filter((name) => families.has(name)) }))
    .filter((match) => match.present.length > 0);
  const explains = (by: ModelDomain, names: readonly string[]) => names.every((name) => tolerates(by, name));
  return matches
    .filter((match) => !matches.some((other) => other !== match && explains(other.domain, match.present) && !explains(match.domain, other.present)))
    .map((match) => match.domain);
}

function tolerates(domain: ModelDomain, name: string): boolean {
  return typeof domain.owner !== 'string' && domain.owner.uncataloguedPrefixes.some((prefix) => name.startsWith(prefix));
}

/**
 * An exporter's metrics about itself, not about what it exports: `<program>_exporter_*`
 * (mysqld_exporter_build_info, redis_exporter_last_scrape_duration_seconds) and any `*_build_info`.
 * Names under the application's namespace are the application's, never taken for these.
 */
export function describesExporter(name: string, namespace: string): boolean {
  return !name.startsWith(`${namespace}_`) && (/^[a-z0-9]+_exporter_/.test(name) || name.endsWith('_build_info'));
}

export function driftOf(families: ReadonlyMap<string, Family>, inScope: readonly ModelDomain[], allDomains: readonly ModelDomain[], namespace: string): MetricDrift[] {
  const drift: MetricDrift[] = versionDrift(families, inScope);
  for (const metric of inScope.flatMap((domain) => domain.metrics)) {
    for (const mismatch of compareMetric(expected(metric), families.get(metric.name))) {
      drift.push({ kind: mismatch.problem === NOT_EXPOSED ? 'missing' : 'mismatch', metric: metric.name, detail: mismatch.problem });
    }
  }
  const known = new Set(allDomains.flatMap((domain) => domain.metrics.map((metric) => metric.name)));
  for (const name of [...families.keys()].sort()) {
    if (known.has(name) || inScope.some((domain) => tolerates(domain, name)) || describesExporter(name, namespace)) continue;
    drift.push({ kind: 'uncatalogued', metric: name, detail: `exposed as ${families.get(name)!.type}, but in no catalogue domain` });
  }
  return drift;
}

/**
 * The other versions of a program its domain lists (`upstream(…, { otherVersions })`) whose sign
 * the target shows: said first, since it explains the differences listed after it.
 */
export function versionDrift(families: ReadonlyMap<string, Family>, inScope: readonly ModelDomain[]): MetricDrift[] {
  return inScope.flatMap((domain) => {
    const owner = domain.owner;
    if (typeof owner === 'string') return [];
    return owner.otherVersions.flatMap((other) => {
      if (other.unless?.some((name) => families.has(name))) return [];
      const seen = other.exposes.find((sign) => showsSign(families, sign));
      if (seen === undefined) return [];
      const detail = `only ${other.versions} exposes it: this looks like ${other.versions}, and the ${domain.name} domain describes ${owner.exporter} ${owner.version}; ${other.advice}`;
      return [{ kind: 'version' as const, metric: seen, detail }];
    });
  });
}

/** `name`: the family is exposed; `name{label}`: one of its samples carries the label. */
function showsSign(families: ReadonlyMap<string, Family>, sign: string): boolean {
  const [name, label] = sign.replace(/}$/, '').split('{') as [string, string | undefined];
  const family = families.get(name);
  return family !== undefined && (label === undefined || family.samples.some((sample) => label in sample.labels));
}

function expected(metric: ModelMetric) {
  return { name: metric.name, type: metric.type, labels: metric.labels.map((label) => ({ name: label.name, values: label.values })) };
}

export function formatDrift(drift: readonly MetricDrift[]): string[] {
  return drift.map((d) => `  ${d.kind.padEnd(12)} ${d.metric}: ${d.detail}`);
}
