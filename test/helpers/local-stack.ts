/**
 * What the native stack (and so the end-to-end test) can show data for: the domains its scrape jobs
 * expose, and the series Prometheus records itself. Queries over anything else (kube-state-metrics,
 * cAdvisor, the data store exporters, none of which runs here) are proven on test series instead.
 */
import { familiesRead, type ReadingQuery } from '../../generator/promql/reads.ts';
import type { Model } from '../../generator/model/types.ts';
import { STACK_JOBS } from '../../stack/stack.ts';

export function domainsOutsideTheLocalStack(model: Model): Set<string> {
  const local = new Set(model.scrapeJobs.filter((job) => STACK_JOBS.includes(job.name)).flatMap((job) => job.exposes));
  const recordedByPrometheus = (owner: Model['domains'][number]['owner']) => typeof owner === 'object' && owner.synthetic;
  return new Set(model.domains.filter((domain) => !local.has(domain.name) && !recordedByPrometheus(domain.owner)).map((domain) => domain.name));
}

/** Whether a query reads a metric of those domains, directly or through a recording rule. */
export function readsOutsideTheLocalStack(model: Model, query: ReadingQuery): boolean {
  const outside = domainsOutsideTheLocalStack(model);
  const domainOf = new Map(model.metrics.map((metric) => [metric.name, metric.domain]));
  return [...familiesRead(model, query)].some((family) => outside.has(domainOf.get(family) ?? ''));
}
