/** The runtime domain against a real prom-client registry with its default metrics, both ways. */
import { collectDefaultMetrics, Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import runtime from '../../../catalog/runtime.ts';
import { compareDomain, uncatalogued } from '../../../generator/exposition/compare.ts';
import { parseExposition } from '../../../generator/exposition/parse.ts';

describe('catalog/runtime.ts against prom-client', async () => {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  // Give the GC and event loop monitors a moment to record, so labelled series appear.
  await new Promise((resolve) => setTimeout(resolve, 100));
  const families = parseExposition(await registry.metrics());

  it('finds every catalogued runtime metric, with its type and labels', () => {
    expect(compareDomain(runtime, families)).toEqual([]);
  });

  it('catalogues every default metric prom-client exposes', () => {
    expect(uncatalogued([runtime], families)).toEqual([]);
  });

  it('declares the labels prom-client registers, even those with no series yet', () => {
    const declared = Object.fromEntries(Object.values(runtime.metrics).map((m) => [m.name, Object.keys(m.labels).sort()]));
    const registered = Object.fromEntries(
      registry.getMetricsAsArray().map((m) => [m.name, [...((m as unknown as { labelNames?: string[] }).labelNames ?? [])].sort()]),
    );
    expect(declared).toEqual(registered);
  });
});
