/**
 * The upstream catalogue domains against the real programs: node_exporter, Prometheus and
 * Alertmanager (Debian trixie's, the compose images' versions), run on 127.0.0.1. Every catalogued
 * metric must be exposed with the catalogued type, label names and (for enum labels) values.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { domain as nodeExporterDomain } from '../../../generator/packs/node/index.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DomainDef } from '../../../generator/dsl/domain.ts';
import { compareDomain } from '../../../generator/exposition/compare.ts';
import { parseExposition } from '../../../generator/exposition/parse.ts';
import { domain as alertmanagerDomain } from '../../../generator/packs/alertmanager/index.ts';
import { domain as prometheusDomain, scrape as scrapeDomain } from '../../../generator/packs/prometheus/index.ts';
import { startProcess } from '../../../generator/stack/process.ts';
import { alertmanagerCommand } from '../../../stack/tools.ts';
import { freePort, startServer, waitFor, type Server } from '../../helpers/servers.ts';

const dir = mkdtempSync(join(tmpdir(), 'sextant-upstream-'));
const servers: Server[] = [];
const urls = { node: '', prometheus: '', alertmanager: '' };

beforeAll(async () => {
  const [nodePort, promPort, amPort] = [await freePort(), await freePort(), await freePort()];
  urls.node = `http://127.0.0.1:${nodePort}`;
  urls.prometheus = `http://127.0.0.1:${promPort}`;
  urls.alertmanager = `http://127.0.0.1:${amPort}`;
  writeFileSync(join(dir, 'alertmanager.yml'), 'route: { receiver: nowhere }\nreceivers: [{ name: nowhere }]\n');
  // A rule group and an Alertmanager make Prometheus expose its per-group and per-Alertmanager series.
  writeFileSync(join(dir, 'rules.yml'), 'groups:\n  - name: probe\n    rules:\n      - record: job:up:sum\n        expr: sum by (job) (up)\n');
  writeFileSync(
    join(dir, 'prometheus.yml'),
    [
      'global: { scrape_interval: 1s, evaluation_interval: 1s }',
      'rule_files: [rules.yml]',
      `alerting: { alertmanagers: [{ static_configs: [{ targets: ['127.0.0.1:${amPort}'] }] }] }`,
      'scrape_configs:',
      `  - { job_name: prometheus, static_configs: [{ targets: ['127.0.0.1:${promPort}'] }] }`,
      '',
    ].join('\n'),
  );
  servers.push(
    await startServer('prometheus-node-exporter', [`--web.listen-address=127.0.0.1:${nodePort}`], urls.node, '/metrics'),
    await startProcess({
      name: 'alertmanager',
      ...alertmanagerCommand([`--config.file=${join(dir, 'alertmanager.yml')}`, `--storage.path=${join(dir, 'am')}`, `--web.listen-address=127.0.0.1:${amPort}`, '--cluster.listen-address=']),
      url: urls.alertmanager,
      readyPath: '/-/ready',
    }),
    await startServer(
      'prometheus',
      [`--config.file=${join(dir, 'prometheus.yml')}`, `--storage.tsdb.path=${join(dir, 'data')}`, `--web.listen-address=127.0.0.1:${promPort}`],
      urls.prometheus,
      '/-/ready',
    ),
  );
});

afterAll(async () => {
  await Promise.all(servers.map((server) => server.stop()));
  rmSync(dir, { recursive: true, force: true });
});

async function scrape(url: string) {
  return parseExposition(await (await fetch(`${url}/metrics`)).text());
}

/** Waits until every catalogued metric is exposed (some appear only after the first evaluation). */
async function exposedFamilies(url: string, domain: DomainDef) {
  await waitFor(`every metric of ${domain.name} at ${url}`, async () => compareDomain(domain, await scrape(url)).every((m) => m.problem !== 'catalogued, but not exposed'));
  return scrape(url);
}

describe('upstream catalogue domains against live servers', () => {
  it('the node pack domain matches node_exporter', async () => {
    expect(compareDomain(nodeExporterDomain, await exposedFamilies(urls.node, nodeExporterDomain))).toEqual([]);
  });

  it('the prometheus pack\'s domain matches Prometheus', async () => {
    expect(compareDomain(prometheusDomain, await exposedFamilies(urls.prometheus, prometheusDomain))).toEqual([]);
  });

  it('the alertmanager pack\'s domain matches Alertmanager', async () => {
    expect(compareDomain(alertmanagerDomain, await exposedFamilies(urls.alertmanager, alertmanagerDomain))).toEqual([]);
  });

  it('the prometheus pack\'s scrape domain names the series Prometheus records for each target, with only target labels', async () => {
    for (const metric of Object.values(scrapeDomain.metrics)) {
      let result: { metric: Record<string, string> }[] = [];
      await waitFor(`${metric.name} in Prometheus`, async () => {
        const response = await fetch(`${urls.prometheus}/api/v1/query?query=${encodeURIComponent(metric.name)}`);
        result = ((await response.json()) as { data: { result: typeof result } }).data.result;
        return result.length > 0;
      });
      expect(Object.keys(result[0]!.metric).sort(), metric.name).toEqual(['__name__', 'instance', 'job']);
    }
  });
});
