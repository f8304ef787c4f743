/**
 * A domain groups the metrics of one area (http, jobs, node_exporter…): one catalogue file each.
 * Application domains are prefixed with the configured namespace and held to the naming
 * conventions; upstream domains describe another program's metrics exactly as it exposes them.
 */
import type { MetricDef } from './metrics.ts';

export interface UpstreamExporter {
  readonly exporter: string;
  readonly version: string;
  /** Where the names, types and labels were taken from. */
  readonly source: string;
  /**
   * Name prefixes of the metrics this program exposes that the catalogue leaves out on purpose
   * (it describes what the alerts and dashboards use): `verify` does not call them drift.
   */
  readonly uncataloguedPrefixes: readonly string[];
  /** Series Prometheus writes itself (up, ALERTS), never found on a target's /metrics. */
  readonly synthetic: boolean;
  /**
   * Other versions of the program that name or label their metrics differently, told apart by what
   * only they expose: `verify` names the version it sees instead of listing the differences one by one.
   */
  readonly otherVersions: readonly OtherVersion[];
}

/** A version of the program the domain does not describe, and how to recognise it on a target. */
export interface OtherVersion {
  /** As people name it: 'mysqld_exporter 0.14 and older'. */
  readonly versions: string;
  /**
   * What only those versions expose: metric names, or `name{label}` for a family carrying a label
   * the described version does not give it. One present is the sign.
   */
  readonly exposes: readonly string[];
  /**
   * Metrics of the described version that a target exposing both is recognised by (a compatibility
   * mode that adds the old names beside the new ones is the described version).
   */
  readonly unless?: readonly string[];
  /** What differs and what to do about it: upgrade, or the option that exposes the described names. */
  readonly advice: string;
}

export type Owner = 'app' | UpstreamExporter;

export interface DomainDef<M extends Readonly<Record<string, MetricDef>> = Readonly<Record<string, MetricDef>>> {
  readonly kind: 'domain';
  /** snake_case; identifies the domain in messages, scrape jobs' `exposes` and the reference docs. */
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly owner: Owner;
  readonly metrics: M;
  /**
   * Why no scrape job of this project exposes the domain though rules or panels read it: a
   * Prometheus this project does not configure scrapes it (an agent, a federation). Check `scrape-coverage`.
   */
  readonly scrapedElsewhere?: string;
}

/**
 * The domain, each metric stamped with its place (`catalogued`): a frozen copy of the definition,
 * so what alerts and dashboards import from `domain.metrics` carries its identity as data.
 */
export function defineDomain<const M extends Readonly<Record<string, MetricDef>>>(
  domain: Omit<DomainDef<M>, 'kind'>,
): DomainDef<M> {
  const metrics = typeof domain.metrics === 'object' && domain.metrics !== null ? stamped(domain.metrics, domain.name, domain.owner === 'app') : domain.metrics;
  return Object.freeze({ kind: 'domain' as const, ...domain, metrics });
}

function stamped<M extends Readonly<Record<string, MetricDef>>>(metrics: M, domain: string, namespaced: boolean): M {
  const copies: Record<string, unknown> = {};
  for (const [key, metric] of Object.entries(metrics)) {
    // Anything else is left as written, for the model builder to name.
    copies[key] = typeof metric === 'object' && metric !== null ? Object.freeze({ ...metric, catalogued: { domain, key, namespaced } }) : metric;
  }
  return copies as M;
}

export function upstream(
  exporter: string,
  version: string,
  source: string,
  options: { uncataloguedPrefixes?: readonly string[]; synthetic?: boolean; otherVersions?: readonly OtherVersion[] } = {},
): UpstreamExporter {
  return {
    exporter,
    version,
    source,
    uncataloguedPrefixes: options.uncataloguedPrefixes ?? [],
    synthetic: options.synthetic ?? false,
    otherVersions: options.otherVersions ?? [],
  };
}
