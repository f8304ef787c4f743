/**
 * The one resolver from definitions to the model (model/resolve.ts) and the queries it resolves
 * (model/queries.ts): names, what a query reads, and that only data identifies a definition.
 */
import { describe, expect, it } from 'vitest';
import { bucketOf, counter, defineDomain, histogram, promql, recordingRule, upstream } from '../generator/index.ts';
import { defineConfig } from '../generator/config.ts';
import { buildModel } from '../generator/model/build.ts';
import { isQuery, resolveQuery } from '../generator/model/queries.ts';
import { resolverOf } from '../generator/model/resolve.ts';
import type { Query } from '../generator/promql/query.ts';
import { app } from './helpers/app-domain.ts';

const node = defineDomain({ name: 'node', title: 'Node', description: '', owner: upstream('node_exporter', '1.8.0', 'docs'), metrics: { load1: counter({ name: 'node_load1', help: 'Load.' }) } });
const { model } = buildModel([{ file: 'catalog/app.ts', value: app }, { file: 'catalog/node.ts', value: node }], defineConfig({ namespace: 'shop' }));
const resolver = resolverOf(model);
const byName = (name: string) => model.metrics.find((metric) => metric.name === name);
/** What another copy of the DSL would hand over: equal data, another object. */
const copyOf = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

describe('the resolver', () => {
  it('stamps each metric of a domain with its place, as frozen data', () => {
    expect(app.metrics.requests.catalogued).toEqual({ domain: 'app', key: 'requests', namespaced: true });
    expect(node.metrics.load1.catalogued).toEqual({ domain: 'node', key: 'load1', namespaced: false });
    expect(Object.isFrozen(app.metrics.requests)).toBe(true);
  });

  it('finds the model metric of a definition by its place, not by the object', () => {
    expect(resolver.metric(app.metrics.requests)).toBe(byName('shop_requests_total'));
    expect(resolver.metric(copyOf(app.metrics.requests))).toBe(byName('shop_requests_total'));
    expect(resolver.metric(counter({ name: 'requests_total', help: 'not catalogued' }))).toBeUndefined();
  });

  it('names application metrics with the namespace, upstream ones as exposed, series and recording rules', () => {
    expect(resolver.name(copyOf(app.metrics.requests))).toBe('shop_requests_total');
    expect(resolver.name(node.metrics.load1)).toBe('node_load1');
    expect(resolver.name(bucketOf(app.metrics.latency))).toBe('shop_latency_seconds_bucket');
    expect(resolver.name(recordingRule({ record: 'job:requests:rate5m', expr: promql`1`, tests: [] }))).toBe('job:shop_requests:rate5m');
  });

  it('names a metric no domain holds as written', () => {
    expect(resolver.name(counter({ name: 'loose_total', help: 'h' }))).toBe('loose_total');
  });

  it('refuses what is not selectable, naming it', () => {
    expect(() => resolver.name(copyOf({ kind: 'panel' }) as never)).toThrow("an object of kind 'panel' is not a catalogue metric, bucketOf()/sumOf()/countOf() series or recording rule");
  });
});

describe('a resolved query', () => {
  const rate = recordingRule({ record: 'job:requests:rate5m', expr: promql`sum by (job) (rate(${app.metrics.requests}[5m]))`, tests: [] });

  it('reads the metrics it interpolates, and those inside the recording rules it names, each once', () => {
    const query = resolveQuery(promql`${rate} / on (job) sum by (job) (rate(${bucketOf(app.metrics.latency)}[5m])) + ${node.metrics.load1} * ${rate}`, resolver);
    expect(query.text).toBe('job:shop_requests:rate5m / on (job) sum by (job) (rate(shop_latency_seconds_bucket[5m])) + node_load1 * job:shop_requests:rate5m');
    expect(query.reads.metrics.map((metric) => metric.name)).toEqual(['shop_requests_total', 'shop_latency_seconds', 'node_load1']);
    expect(query.reads.recordings).toEqual(['job:shop_requests:rate5m']);
  });

  it('is recognised by its tag, from any copy of the DSL', () => {
    const copied = copyOf(promql`rate(${app.metrics.requests}[5m])`);
    expect(isQuery(copied)).toBe(true);
    expect(resolveQuery(copied, resolver).reads.metrics).toEqual([byName('shop_requests_total')]);
    expect(isQuery({ strings: [], values: [] })).toBe(false);
  });

  it('names a value of the wrong kind (a mistyped property interpolates undefined, which promql refuses earlier)', () => {
    const query: Query = { kind: 'query', strings: ['rate(', '[5m])'], values: [{ kind: 'panel' } as never] };
    expect(() => resolveQuery(query, resolver)).toThrow("it interpolates an object of kind 'panel', which is not a catalogue metric");
  });
});
