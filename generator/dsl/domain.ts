/**
 * A domain groups the metrics of one area (http, jobs, node_exporter…): one catalogue file each.
 * Application domains are prefixed with the configured namespace and held to the naming
 * conventions; upstream domains describe another program's metrics exactly as it exposes them.
 */
import type { MetricDef } from './metrics.ts';
import { markApplicationMetric } from './ownership.ts';

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

export function defineDomain<const M extends Readonly<Record<string, MetricDef>>>(
  domain: Omit<DomainDef<M>, 'kind'>,
): DomainDef<M> {
  if (domain.owner === 'app' && typeof domain.metrics === 'object' && domain.metrics !== null) {
    for (const metric of Object.values(domain.metrics)) if (typeof metric === 'object' && metric !== null) markApplicationMetric(metric);
  }
  return Object.freeze({ kind: 'domain' as const, ...domain });
}

export function upstream(
  exporter: string,
  version: string,
  source: string,
  options: { uncataloguedPrefixes?: readonly string[]; synthetic?: boolean } = {},
): UpstreamExporter {
  return { exporter, version, source, uncataloguedPrefixes: options.uncataloguedPrefixes ?? [], synthetic: options.synthetic ?? false };
}
