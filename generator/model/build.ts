/**
 * Parses loose definitions (whatever the catalogue files exported) into the strict model.
 * Only problems of shape are reported here (not a domain, unknown metric type, missing name);
 * everything about the content is left to the checks in ../validate.
 */
import type { SextantConfig } from '../config.ts';
import type { DomainDef, Owner } from '../dsl/domain.ts';
import { isBoundedLabel } from '../dsl/labels.ts';
import { METRIC_OPTIONS, type MetricDef, type MetricType } from '../dsl/metrics.ts';
import { rememberedUnknownKeys, unknownKeyMessage, unknownKeys } from '../dsl/unknown-keys.ts';
import type { Problem } from '../problems.ts';
import { isBlank } from '../validate/readable-text.ts';
import { defineConfig } from '../config.ts';
import { qualifiedName, resolverOf, type Resolver } from './resolve.ts';
import { definitionsOf } from './definitions.ts';
import type { Model, ModelDomain, ModelLabel, ModelMetric } from './types.ts';

export interface DefinitionSource {
  /** Path relative to the project root, used in every message about this file. */
  readonly file: string;
  /** The file's default export. */
  readonly value: unknown;
}

const METRIC_TYPES: readonly MetricType[] = ['counter', 'gauge', 'histogram', 'summary', 'untyped'];
const DOMAIN_NAME = /^[a-z][a-z0-9_]*$/;
/** What defineDomain() reads; the compiler keeps the list complete. */
const DOMAIN_KEYS = Object.keys({ kind: true, name: true, title: true, description: true, owner: true, metrics: true, scrapedElsewhere: true } satisfies Record<keyof DomainDef, true>);

export function buildModel(sources: readonly DefinitionSource[], config: SextantConfig): { model: Model; problems: Problem[] } {
  const problems: Problem[] = [];
  const domains: ModelDomain[] = [];
  const fileOfDomain = new Map<string, string>();

  for (const { file, value: domain, report } of definitionsOf<DomainDef>(sources, 'domain', 'defineDomain', 'catalogue', problems)) {
    const name = typeof domain.name === 'string' ? domain.name : '';
    const label = name || 'domain';
    if (!DOMAIN_NAME.test(name)) {
      report(label, `domain name '${name}' must be snake_case (scrape jobs' exposes and the docs' anchors use it)`);
      continue;
    }
    const earlier = fileOfDomain.get(name);
    if (earlier !== undefined) {
      report(name, `domain '${name}' is already defined in ${earlier}`);
      continue;
    }
    fileOfDomain.set(name, file);
    for (const key of unknownKeys(domain, DOMAIN_KEYS)) report(name, unknownKeyMessage(key, DOMAIN_KEYS, 'defineDomain()'));
    if (isBlank(domain.title)) report(name, 'domain needs a title with visible characters (it heads the metric reference)');
    // An empty description is left out of the reference; one of spaces or invisible characters is a slip.
    if (typeof domain.description === 'string' && domain.description !== '' && isBlank(domain.description)) report(name, 'description has no visible characters: say what the metrics cover, or leave it empty');
    if (!isOwner(domain.owner)) {
      report(name, "owner must be 'app' or upstream(exporter, version, source)");
      continue;
    }
    if (typeof domain.metrics !== 'object' || domain.metrics === null) {
      report(name, 'domain needs a metrics object');
      continue;
    }
    if (Object.keys(domain.metrics).length === 0) report(name, 'domain has no metrics: add the metrics it catalogues, or delete the file');
    const appOwned = domain.owner === 'app';
    const metrics: ModelMetric[] = [];
    for (const [key, value] of Object.entries(domain.metrics as Record<string, unknown>)) {
      const metric = toModelMetric(key, value, { domain: name, file: file, appOwned, namespace: config.namespace }, report);
      if (metric) metrics.push(metric);
    }
    domains.push({
      name,
      title: String(domain.title ?? ''),
      description: typeof domain.description === 'string' ? domain.description : '',
      owner: domain.owner,
      file: file,
      metrics,
      scrapedElsewhere: domain.scrapedElsewhere,
    });
  }
  return { model: { config, domains, metrics: domains.flatMap((d) => d.metrics), rules: [], dashboards: [], scrapeJobs: [], slos: [] }, problems };
}

/**
 * The resolver over catalogue domains, for code that uses the catalogue without the pipeline (the
 * exporter, tests): the same names the generated rules and dashboards use.
 */
export function catalogueResolver(domains: readonly DomainDef[], namespace: string): Resolver {
  const { model } = buildModel(domains.map((domain) => ({ file: `${domain.name}`, value: domain })), defineConfig({ namespace }));
  return resolverOf(model);
}

interface MetricContext {
  readonly domain: string;
  readonly file: string;
  readonly appOwned: boolean;
  readonly namespace: string;
}

function toModelMetric(
  key: string,
  value: unknown,
  context: MetricContext,
  report: (definition: string, message: string) => void,
): ModelMetric | undefined {
  const definition = value as Partial<MetricDef> | undefined;
  const where = `${context.domain}.${key}`;
  if (typeof definition !== 'object' || definition === null || definition.kind !== 'metric') {
    report(where, 'is not a metric: use counter(), gauge(), histogram() or summary()');
    return undefined;
  }
  if (!METRIC_TYPES.includes(definition.type as MetricType)) {
    report(where, `unknown metric type '${String(definition.type)}'`);
    return undefined;
  }
  if (typeof definition.name !== 'string' || definition.name === '') {
    report(where, 'metric needs a name');
    return undefined;
  }
  const name = qualifiedName(definition.name, context.appOwned, context.namespace);
  for (const key of rememberedUnknownKeys(definition)) report(name, unknownKeyMessage(key, METRIC_OPTIONS, `the ${String(definition.type)}() options`));
  if (typeof definition.labels !== 'object' || definition.labels === null || Array.isArray(definition.labels)) {
    report(name, 'labels must be an object of label name to declaration');
    return undefined;
  }
  return {
    key,
    domain: context.domain,
    file: context.file,
    appOwned: context.appOwned,
    name,
    type: definition.type as MetricType,
    help: typeof definition.help === 'string' ? definition.help : '',
    unit: definition.unit,
    labels: Object.entries(definition.labels).map(([labelName, spec]) => toModelLabel(labelName, spec)),
    buckets: definition.buckets,
    quantiles: definition.quantiles,
    replaces: Array.isArray(definition.replaces) ? definition.replaces : [],
    labelSets: definition.labelSets,
    notDashboarded: typeof definition.notDashboarded === 'string' ? definition.notDashboarded : undefined,
    range: definition.range,
    definition: definition as MetricDef,
  };
}

function toModelLabel(name: string, spec: unknown): ModelLabel {
  if (Array.isArray(spec)) {
    return { name, spec, values: spec as string[], bound: undefined, reason: undefined, acknowledged: undefined, cardinality: spec.length };
  }
  if (isBoundedLabel(spec)) {
    const bound = Number.isInteger(spec.bound) && spec.bound > 0 ? spec.bound : 0;
    return { name, spec, values: undefined, bound: spec.bound, reason: spec.reason, acknowledged: spec.acknowledge, cardinality: bound };
  }
  return { name, spec, values: undefined, bound: undefined, reason: undefined, acknowledged: undefined, cardinality: 0 };
}

function isOwner(owner: unknown): owner is Owner {
  if (owner === 'app') return true;
  if (typeof owner !== 'object' || owner === null) return false;
  const o = owner as Record<string, unknown>;
  return typeof o.exporter === 'string' && typeof o.version === 'string' && typeof o.source === 'string';
}
