/** createInstruments() over domains of the caller's, none of the reference project's: its options and its refusals. */
import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { parseExposition } from '../../generator/exposition/parse.ts';
import { bounded, counter, defineDomain, gauge, upstream } from '../../generator/index.ts';
import { createInstruments, LabelGuard, type Fold } from '../../generator/instruments/index.ts';

const shop = defineDomain({
  name: 'shop',
  title: 'Shop',
  description: '',
  owner: 'app',
  metrics: {
    orders: counter({ name: 'orders_total', help: 'Orders placed.', labels: { channel: ['web', 'app', 'other'], country: ['de', 'fr'] } }),
    folds: counter({ name: 'label_values_folded_total', help: 'Refused label values.', labels: { metric: bounded(8, 'metrics'), label: bounded(8, 'labels'), action: ['folded', 'dropped'] } }),
  },
});
const stock = defineDomain({ name: 'stock', title: 'Stock', description: '', owner: 'app', metrics: { items: gauge({ name: 'stock_items', help: 'Items in stock.', labels: {} }) } });

async function families(registry: Registry) {
  return parseExposition(await registry.metrics());
}

describe('createInstruments', () => {
  it('names metrics with the namespace, as the rules do, in the registry passed in', async () => {
    const registry = new Registry();
    createInstruments(registry, { shop }, { namespace: 'acme' }).shop.orders.inc({ channel: 'web', country: 'de' });
    expect([...(await families(registry)).keys()]).toEqual(['acme_orders_total', 'acme_label_values_folded_total']);
  });

  it('folds and drops without a fold counter, counting nothing', async () => {
    const registry = new Registry();
    const { shop: i } = createInstruments(registry, { shop }, { namespace: 'acme' });
    i.orders.inc({ channel: 'fax' as 'web', country: 'de' });
    i.orders.inc({ channel: 'web', country: 'es' as 'de' });
    const exposed = await families(registry);
    expect(exposed.get('acme_orders_total')!.samples).toEqual([{ name: 'acme_orders_total', labels: { channel: 'other', country: 'de' }, value: 1 }]);
    expect(exposed.get('acme_label_values_folded_total')!.samples).toEqual([]);
  });

  it('counts folds on the fold counter and passes each to onFold with its value', async () => {
    const registry = new Registry();
    const seen: Fold[] = [];
    const { shop: i } = createInstruments(registry, { shop }, { namespace: 'acme', foldCounter: shop.metrics.folds, onFold: (fold) => seen.push(fold) });
    i.orders.inc({ channel: 'fax' as 'web', country: 'es' as 'de' });
    expect(seen).toEqual([
      { metric: 'acme_orders_total', label: 'channel', action: 'folded', value: 'fax' },
      { metric: 'acme_orders_total', label: 'country', action: 'dropped', value: 'es' },
    ]);
    const counted = (await families(registry)).get('acme_label_values_folded_total')!.samples.map((s) => `${s.labels.label} ${s.labels.action} ${s.value}`);
    expect(counted).toEqual(['channel folded 1', 'country dropped 1']);
  });

  it('registers only the exposed domains', async () => {
    const registry = new Registry();
    createInstruments(registry, { shop, stock }, { namespace: 'acme', exposed: ['stock'] }).shop.orders.inc({ channel: 'web', country: 'de' });
    expect([...(await families(registry)).keys()]).toEqual(['acme_stock_items']);
  });

  it('refuses a fold counter of the wrong shape, naming what it must be', () => {
    expect(() => createInstruments(new Registry(), { shop }, { namespace: 'acme', foldCounter: shop.metrics.orders })).toThrow(
      'foldCounter acme_orders_total is a counter labelled [channel, country]; it must be a counter labelled exactly [metric, label, action]',
    );
  });

  it('refuses a fold counter of no domain passed', () => {
    expect(() => createInstruments(new Registry(), { stock }, { namespace: 'acme', foldCounter: shop.metrics.folds })).toThrow('is in none of the domains passed');
  });

  it("refuses an upstream exporter's domain", () => {
    const node = defineDomain({ name: 'node', title: 'Node', description: '', owner: upstream('node_exporter', '1.9.0', 'docs'), metrics: { load: gauge({ name: 'node_load1', help: 'Load.', labels: {} }) } });
    expect(() => createInstruments(new Registry(), { node }, { namespace: 'acme' })).toThrow("domain 'node' (node) is an upstream exporter's");
  });
});

describe('LabelGuard', () => {
  it('keeps a bounded label within its bound, other included', () => {
    const folded: string[] = [];
    const guard = new LabelGuard({ device: bounded(3, 'three devices') }, (label, action, value) => folded.push(`${label} ${action} ${value}`));
    const seen = ['sda', 'sdb', 'sdc', 'sdd', 'sda'].map((device) => guard.check({ device })?.device);
    expect(seen).toEqual(['sda', 'sdb', 'other', 'other', 'sda']);
    expect(folded).toEqual(['device folded sdc', 'device folded sdd']);
  });
});
