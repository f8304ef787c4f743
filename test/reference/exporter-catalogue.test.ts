/**
 * Reference: generated/catalogue.json describes exactly what the reference exporter registers with
 * prom-client (names, types and help), so code in other languages reading it sees what the exporter serves.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMetrics } from '../../exporter/instruments/index.ts';
import { REPO } from '../helpers/project.ts';

interface Entry {
  readonly name: string;
  readonly type: string;
  readonly help: string;
  readonly owner: { readonly kind: string };
}

describe('the reference catalogue.json and its exporter', () => {
  it('describes exactly what the reference exporter registers with prom-client: names, types and help', async () => {
    const document = JSON.parse(readFileSync(join(REPO, 'generated/catalogue.json'), 'utf8')) as { metrics: Entry[] };
    const registered = (await createMetrics({ runtime: false }).registry.getMetricsAsJSON()).map(({ name, type, help }) => ({ name, type: String(type), help }));
    const described = document.metrics.filter((m) => m.owner.kind === 'app').map(({ name, type, help }) => ({ name, type, help }));
    const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : 1);
    expect(described.sort(byName)).toEqual(registered.sort(byName));
  });
});
