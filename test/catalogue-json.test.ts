/**
 * generated/catalogue.json, the contract for code in other languages: it validates against the schema
 * the package ships, the schema refuses what a reader could not rely on, and the document carries the
 * whole model, in an order that does not depend on how the definitions were written.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, describe, expect, it } from 'vitest';
import { LABEL_KINDS } from '../generator/dsl/labels.ts';
import type { MetricType } from '../generator/dsl/metrics.ts';
import { BASE_UNITS } from '../generator/dsl/units.ts';
import type { Model } from '../generator/model/types.ts';
import { runPipeline } from '../generator/pipeline.ts';
import { catalogueJsonStage } from '../generator/render/catalogue-json.ts';
import { domainFile, FIXTURE_PROJECT, REPO, scratchProject } from './helpers/project.ts';

/** A catalogue of every shape catalogue.json describes: each type, units, listed and bounded labels (one acknowledged), an upstream domain. */
const project = scratchProject({
  'sextant.config.ts': "import { defineConfig } from 'sextant';\nexport default defineConfig({ namespace: 'shop' });\n",
  'catalog/orders.ts': domainFile(
    `placed: counter({ name: 'orders_placed_total', help: 'Orders placed.', labels: { status: ['ok', 'declined'], channel: bounded(8, 'sales channels') } }),
    open: gauge({ name: 'orders_open', help: 'Orders not yet shipped.' }),
    latency: histogram({ name: 'checkout_duration_seconds', help: 'Checkout latency.', unit: 'seconds', buckets: [0.1, 0.5, 1] }),
    size: summary({ name: 'basket_size_bytes', help: 'Basket size.', unit: 'bytes', quantiles: [0.5, 0.9] }),
    sessions: gauge({ name: 'sessions_by_tenant', help: 'Open sessions per tenant.', labels: { tenant_id: bounded(20, 'twenty tenants by contract', { identifier: 'tenants are a fixed list' }) } }),`,
    { name: 'orders' },
  ),
  'catalog/redis.ts': domainFile("commands: counter({ name: 'redis_commands_total', help: 'Commands processed.', labels: { cmd: bounded(64, 'Redis command names') } }),", {
    name: 'redis',
    owner: "upstream('redis_exporter', '1.0.0', 'its README')",
  }),
});
afterAll(() => project.remove());

const schema = JSON.parse(readFileSync(join(REPO, 'generator/schema/catalogue.schema.json'), 'utf8'));
const validate = new Ajv2020({ allErrors: true }).compile(schema);

/** Every metric type, checked by the compiler in both directions, so the schema's enum cannot fall behind. */
const METRIC_TYPES = ['counter', 'gauge', 'histogram', 'summary', 'untyped'] as const satisfies readonly MetricType[];
const allTypesListed: Exclude<MetricType, (typeof METRIC_TYPES)[number]> extends never ? true : false = true;

async function modelOf(root: string): Promise<Model> {
  const result = await runPipeline(root);
  if (!result.ok) throw new Error(`${root} is invalid: ${JSON.stringify(result.problems)}`);
  return result.model;
}

const catalogueOf = (model: Model): string => catalogueJsonStage.render(model)[0]!.content;

function errorsOf(document: unknown): string {
  return validate(document) ? '' : JSON.stringify(validate.errors);
}

describe('catalogue.json of a project', async () => {
  const model = await modelOf(project.root);
  const content = catalogueOf(model);
  const document = JSON.parse(content) as CatalogueDocument;

  it('validates against the schema', () => {
    expect(errorsOf(document)).toBe('');
  });

  it('carries every metric of the model with its type, help, unit, labels, buckets, quantiles, domain and owner', () => {
    expect(document.namespace).toBe(model.config.namespace);
    expect(document.metrics.map((m) => m.name).sort()).toEqual(model.metrics.map((m) => m.name).sort());
    const byName = new Map(document.metrics.map((m) => [m.name, m]));
    for (const metric of model.metrics) {
      const entry = byName.get(metric.name)!;
      const domain = model.domains.find((d) => d.name === metric.domain)!;
      expect(entry).toMatchObject({ type: metric.type, help: metric.help, domain: { name: domain.name, title: domain.title } });
      expect(entry.unit).toBe(metric.unit);
      expect(entry.buckets).toEqual(metric.buckets);
      expect(entry.quantiles).toEqual(metric.quantiles);
      expect(entry.owner).toEqual(domain.owner === 'app' ? { kind: 'app' } : expect.objectContaining({ kind: 'upstream', exporter: domain.owner.exporter, version: domain.owner.version }));
      const labels = Object.fromEntries(entry.labels.map((l) => [l.name, l.values ?? l.bound]));
      expect(labels).toEqual(Object.fromEntries(metric.labels.map((l) => [l.name, l.values ?? l.bound])));
    }
  });

  it('keeps the reason and acknowledgement of bounded labels', () => {
    const acknowledged = document.metrics.flatMap((m) => m.labels).filter((l) => l.acknowledged);
    expect(acknowledged.length).toBeGreaterThan(0);
    expect(document.metrics.flatMap((m) => m.labels).filter((l) => l.bound !== undefined && !l.reason)).toEqual([]);
  });

  it('sorts metrics by name and labels by name, ends with a newline and indents by two spaces', () => {
    const names = document.metrics.map((m) => m.name);
    expect(names).toEqual([...names].sort());
    for (const metric of document.metrics) expect(metric.labels.map((l) => l.name)).toEqual(metric.labels.map((l) => l.name).sort());
    expect(content.endsWith('}\n')).toBe(true);
    expect(content.split('\n')[1]).toMatch(/^ {2}"/);
  });

  it('describes every type, and both kinds of owner', () => {
    expect(new Set(document.metrics.map((m) => m.type))).toEqual(new Set(['counter', 'gauge', 'histogram', 'summary']));
    expect(new Set(document.metrics.map((m) => m.owner.kind))).toEqual(new Set(['app', 'upstream']));
  });

  it('does not depend on the order metrics and labels were defined in', () => {
    const reversed: Model = {
      ...model,
      metrics: [...model.metrics].reverse().map((metric) => ({ ...metric, labels: [...metric.labels].reverse() })),
    };
    expect(catalogueOf(reversed)).toBe(content);
  });
});

describe('catalogue.json of the golden fixture', () => {
  it('validates against the schema', async () => {
    const document = JSON.parse(catalogueOf(await modelOf(FIXTURE_PROJECT)));
    expect(errorsOf(document)).toBe('');
  });
});

describe('the catalogue schema', () => {
  it('lists exactly the engine’s metric types, units and label kinds', () => {
    expect(allTypesListed).toBe(true);
    expect(schema.$defs.metric.properties.type.enum).toEqual(METRIC_TYPES);
    expect(schema.$defs.metric.properties.unit.enum).toEqual(BASE_UNITS);
    expect(Object.keys(schema.$defs.boundedLabel.properties.acknowledged.properties)).toEqual(LABEL_KINDS);
  });

  const app = { kind: 'app' };
  const domain = { name: 'checkout', title: 'Checkout' };
  const counter = { name: 'shop_orders_total', type: 'counter', help: 'Orders placed.', labels: [{ name: 'outcome', values: ['ok', 'failed'] }], domain, owner: app };
  const histogram = { name: 'shop_checkout_duration_seconds', type: 'histogram', help: 'Checkout time.', unit: 'seconds', labels: [], buckets: [0.1, 1], domain, owner: app };
  const summary = { name: 'shop_gc_seconds', type: 'summary', help: 'GC pauses.', unit: 'seconds', labels: [], quantiles: [0.5, 0.99], domain, owner: app };
  const bounded = { name: 'cmd', bound: 64, reason: 'Redis command names' };
  const upstream = { kind: 'upstream', exporter: 'redis_exporter', version: '1.0.0', source: 'its README' };
  const doc = (...metrics: object[]) => ({ schemaVersion: 1, namespace: 'shop', metrics });
  const withMetric = (overrides: object, base: object = counter) => doc({ ...base, ...overrides });
  const without = (key: string, base: Record<string, unknown> = counter) => doc(Object.fromEntries(Object.entries(base).filter(([k]) => k !== key)));

  it.each([
    { name: 'a counter with listed label values is accepted', document: doc(counter) },
    { name: 'a histogram with buckets and a summary with quantiles are accepted', document: doc(histogram, summary) },
    { name: 'a bounded label with a reason and an acknowledgement is accepted', document: withMetric({ labels: [{ ...bounded, acknowledged: { text: 'one per command' } }], owner: upstream }) },
    { name: 'an empty catalogue is accepted', document: doc() },
  ])('$name', ({ document }) => {
    expect(errorsOf(document)).toBe('');
  });

  it.each([
    { name: 'a document without schemaVersion is refused', document: { namespace: 'shop', metrics: [] } },
    { name: 'a schemaVersion this schema does not describe is refused', document: { ...doc(), schemaVersion: 2 } },
    { name: 'a namespace that is not snake_case is refused', document: { ...doc(), namespace: 'Shop-App' } },
    { name: 'an unknown top-level field is refused', document: { ...doc(), generatedAt: 'now' } },
    { name: 'a metric without a name is refused', document: without('name') },
    { name: 'a metric without help is refused', document: without('help') },
    { name: 'a metric with empty help is refused', document: withMetric({ help: '' }) },
    { name: 'a metric name that Prometheus cannot parse is refused', document: withMetric({ name: 'shop-orders' }) },
    { name: 'an unknown metric type is refused', document: withMetric({ type: 'timer' }) },
    { name: 'a unit that is not a base unit is refused', document: withMetric({ unit: 'milliseconds' }) },
    { name: 'a metric without labels is refused (no labels is an empty list)', document: without('labels') },
    { name: 'a metric without an owner is refused', document: without('owner') },
    { name: 'a metric without a domain is refused', document: without('domain') },
    { name: 'an unknown metric field is refused', document: withMetric({ deprecated: true }) },
    { name: 'a label without values or bound is refused', document: withMetric({ labels: [{ name: 'outcome' }] }) },
    { name: 'a label with both values and a bound is refused', document: withMetric({ labels: [{ ...bounded, values: ['GET'] }] }) },
    { name: 'a label with no listed values is refused', document: withMetric({ labels: [{ name: 'outcome', values: [] }] }) },
    { name: 'a label listing a value twice is refused', document: withMetric({ labels: [{ name: 'outcome', values: ['ok', 'ok'] }] }) },
    { name: 'a bounded label without a reason is refused', document: withMetric({ labels: [{ name: 'cmd', bound: 64 }] }) },
    { name: 'a bound that is not a positive integer is refused', document: withMetric({ labels: [{ ...bounded, bound: 0.5 }] }) },
    { name: 'an acknowledgement of an unknown kind is refused', document: withMetric({ labels: [{ ...bounded, acknowledged: { secret: 'x' } }] }) },
    { name: 'a label name with a dash is refused', document: withMetric({ labels: [{ name: 'http-method', values: ['GET'] }] }) },
    { name: 'a histogram without buckets is refused', document: without('buckets', histogram) },
    { name: 'a counter with buckets is refused', document: withMetric({ buckets: [1] }) },
    { name: 'a summary without quantiles is refused', document: without('quantiles', summary) },
    { name: 'a quantile above 1 is refused', document: withMetric({ quantiles: [0.5, 99] }, summary) },
    { name: 'a histogram with quantiles is refused', document: withMetric({ quantiles: [0.5] }, histogram) },
    { name: 'an unknown owner kind is refused', document: withMetric({ owner: { kind: 'vendor' } }) },
    { name: 'an upstream owner without its version is refused', document: withMetric({ owner: { kind: 'upstream', exporter: 'redis_exporter', source: 'its README' } }) },
    { name: 'an app owner carrying an exporter is refused', document: withMetric({ owner: { ...app, exporter: 'redis_exporter' } }) },
    { name: 'a domain without a title is refused', document: withMetric({ domain: { name: 'checkout' } }) },
  ])('$name', ({ document }) => {
    expect(validate(document)).toBe(false);
  });
});

interface CatalogueLabel {
  readonly name: string;
  readonly values?: string[];
  readonly bound?: number;
  readonly reason?: string;
  readonly acknowledged?: Record<string, string>;
}
interface CatalogueDocument {
  readonly schemaVersion: number;
  readonly namespace: string;
  readonly metrics: {
    readonly name: string;
    readonly type: string;
    readonly help: string;
    readonly unit?: string;
    readonly labels: CatalogueLabel[];
    readonly buckets?: number[];
    readonly quantiles?: number[];
    readonly domain: { readonly name: string; readonly title: string };
    readonly owner: Record<string, string>;
  }[];
}
