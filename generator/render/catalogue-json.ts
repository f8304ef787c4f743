/**
 * `catalogue.json`: the metric catalogue for code in other languages (a Go or Python service, a lint in
 * CI). It is a contract, described by `generator/schema/catalogue.schema.json`: a change of its shape
 * raises `schemaVersion`. Metrics are sorted by name and labels by label name; label values and buckets
 * keep their declared order.
 */
import type { Acknowledgement } from '../dsl/labels.ts';
import type { Model, ModelDomain, ModelLabel, ModelMetric } from '../model/types.ts';
import { stableJson } from './grafana.ts';
import type { GeneratedFile, Stage } from './stage.ts';

/** The version of the document's shape, checked by readers; raise it when a field changes meaning or goes. */
export const CATALOGUE_SCHEMA_VERSION = 1;

export const catalogueJsonStage: Stage = {
  name: 'catalogue for other languages',
  render: (model) => [{ path: 'catalogue.json', content: `${stableJson(catalogueDocument(model))}\n` } satisfies GeneratedFile],
};

export function catalogueDocument(model: Model): object {
  const domainOf = new Map(model.domains.map((domain) => [domain.name, domain]));
  return {
    schemaVersion: CATALOGUE_SCHEMA_VERSION,
    namespace: model.config.namespace,
    metrics: [...model.metrics].sort((a, b) => compare(a.name, b.name)).map((metric) => metricEntry(metric, domainOf.get(metric.domain)!)),
  };
}

function metricEntry(metric: ModelMetric, domain: ModelDomain): object {
  return {
    name: metric.name,
    type: metric.type,
    help: metric.help,
    ...(metric.unit ? { unit: metric.unit } : {}),
    labels: [...metric.labels].sort((a, b) => compare(a.name, b.name)).map(labelEntry),
    ...(metric.buckets ? { buckets: metric.buckets } : {}),
    ...(metric.quantiles ? { quantiles: metric.quantiles } : {}),
    domain: { name: domain.name, title: domain.title },
    owner:
      domain.owner === 'app'
        ? { kind: 'app' }
        : { kind: 'upstream', exporter: domain.owner.exporter, version: domain.owner.version, source: domain.owner.source },
  };
}

/** A validated label is either an enumeration or a bound with its reason; never both, never neither. */
function labelEntry(label: ModelLabel): object {
  if (label.values) return { name: label.name, values: label.values };
  const acknowledged = label.acknowledged as Acknowledgement | undefined;
  return {
    name: label.name,
    bound: label.bound,
    reason: label.reason,
    ...(acknowledged && Object.keys(acknowledged).length > 0 ? { acknowledged } : {}),
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
