/**
 * `sextant verify` against live targets, on a scratch project (the fixture's shop catalogue and the
 * node, mysql and kubernetes packs): exit 0 where the catalogue holds, 1 on drift both ways, 2 on
 * bad options; --job, --timeout, inferred domains, an exporter's version named, endpoints that are
 * not what verify expects, and a real Prometheus's jobs.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_PROJECT, REPO, runCli, scratchProject } from './helpers/project.ts';
import { freePort, startServer, waitFor, type Server as Process } from './helpers/servers.ts';

const project = scratchProject();
cpSync(FIXTURE_PROJECT, project.root, { recursive: true });
project.write(
  'sextant.config.ts',
  `import { defineConfig } from 'sextant';
import kubernetes from 'sextant/packs/kubernetes';
import mysql from 'sextant/packs/mysql';
import node from 'sextant/packs/node';

export default defineConfig({ namespace: 'shop', packs: [node(), mysql(), kubernetes()] });
`,
);
/** `sextant verify` on the scratch project, as a user runs it. */
const verify = (args: readonly string[]) => runCli(['verify', '--root', project.root, ...args]);

let nodeExporter: Process;
let fake: Server;
let fakeUrl: string;
/** What a drifted application would expose: a metric of another type, an unknown label, a renamed metric; one left out. */
const DRIFTED = [
  '# TYPE shop_orders_total gauge',
  'shop_orders_total{payment="card",status="ok"} 1',
  '# TYPE shop_baskets_open gauge',
  'shop_baskets_open{region="eu"} 3',
  '# TYPE shop_order_count counter',
  'shop_order_count 3',
  // Under the application's namespace a build_info is the application's: it must be catalogued.
  '# TYPE shop_build_info gauge',
  'shop_build_info{version="1.0.0"} 1',
  '',
].join('\n');
/**
 * Shaped like mysqld_exporter 0.17.2 (trixie) with its MySQL down: mysql_up 0, none of the global
 * status or variables, its own mysqld_exporter_build_info, and the Go client's series. (0.14's
 * mysql_exporter_scrapes_total and last_scrape_error are gone since 0.15: verify would name 0.14.)
 */
const MYSQLD_EXPORTER_SERVER_DOWN = [
  '# HELP mysql_up Whether the MySQL server is up.',
  '# TYPE mysql_up gauge',
  'mysql_up 0',
  '# TYPE mysqld_exporter_build_info gauge',
  'mysqld_exporter_build_info{branch="debian/sid",goarch="amd64",goos="linux",goversion="go1.24.4",revision="0.17.2-1+b4",tags="unknown",version="0.17.2"} 1',
  '# TYPE go_goroutines gauge',
  'go_goroutines 9',
  '# TYPE process_cpu_seconds_total counter',
  'process_cpu_seconds_total 0.05',
  '# TYPE promhttp_metric_handler_requests_total counter',
  'promhttp_metric_handler_requests_total{code="200"} 2',
  '',
].join('\n');
/** Other exporters' own metrics, beside a node_exporter's: understood by their shape, not listed. */
const EXPORTERS_OWN = ['redis_exporter_build_info', 'postgres_exporter_build_info', 'mongodb_exporter_build_info', 'redis_exporter_last_scrape_duration_seconds']
  .map((name) => `# TYPE ${name} gauge\n${name} 1`)
  .join('\n');
/** Shaped like kube-state-metrics 2.13 on a cluster where a pod is still initialising: a waiting reason the kubelet sets freely. */
const POD = 'namespace="chat",pod="chat-service-7d9f8-x2k4q",uid="5f0c1d2e-0000-4000-8000-000000000001",container="chat-service"';
/** The pod's own labels, for the pod-level metrics that carry no container. */
const POD_OF = 'namespace="chat",pod="chat-service-7d9f8-x2k4q",uid="5f0c1d2e-0000-4000-8000-000000000001"';
const KUBE_STATE_METRICS = [
  '# TYPE kube_pod_container_status_restarts_total counter',
  `kube_pod_container_status_restarts_total{${POD}} 0`,
  '# TYPE kube_pod_container_status_waiting_reason gauge',
  `kube_pod_container_status_waiting_reason{${POD},reason="PodInitializing"} 1`,
  '# TYPE kube_deployment_spec_replicas gauge',
  'kube_deployment_spec_replicas{namespace="chat",deployment="chat-service"} 2',
  '# TYPE kube_deployment_status_replicas_available gauge',
  'kube_deployment_status_replicas_available{namespace="chat",deployment="chat-service"} 1',
  '# TYPE kube_deployment_status_replicas_updated gauge',
  'kube_deployment_status_replicas_updated{namespace="chat",deployment="chat-service"} 2',
  '# TYPE kube_deployment_status_condition gauge',
  'kube_deployment_status_condition{namespace="chat",deployment="chat-service",condition="Progressing",status="true"} 1',
  '# TYPE kube_pod_status_ready gauge',
  `kube_pod_status_ready{${POD_OF},condition="false"} 1`,
  '# TYPE kube_pod_status_phase gauge',
  `kube_pod_status_phase{${POD_OF},phase="Pending"} 1`,
  '',
].join('\n');
let kubeStateMetricsUrl: string;
let mysqlUrl: string;
let nodeAndOthersUrl: string;

beforeAll(async () => {
  const port = await freePort();
  nodeExporter = await startServer('prometheus-node-exporter', [`--web.listen-address=127.0.0.1:${port}`], `http://127.0.0.1:${port}`, '/metrics');
  const fakePort = await freePort();
  fake = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end(DRIFTED));
  await new Promise<void>((resolve) => fake.listen(fakePort, '127.0.0.1', resolve));
  fakeUrl = `http://127.0.0.1:${fakePort}`;
  mysqlUrl = await serveText(MYSQLD_EXPORTER_SERVER_DOWN);
  kubeStateMetricsUrl = await serveText(KUBE_STATE_METRICS);
  const nodeMetrics = await (await fetch(`${nodeExporter.url}/metrics`)).text();
  nodeAndOthersUrl = await serveText(`${nodeMetrics}\n${EXPORTERS_OWN}\n`);
});

const textServers: Server[] = [];
/** A server answering every request with this exposition. */
async function serveText(body: string): Promise<string> {
  const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' }).end(body));
  textServers.push(server);
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return `http://127.0.0.1:${port}`;
}

afterAll(async () => {
  project.remove();
  await nodeExporter?.stop();
  await new Promise((resolve) => fake?.close(resolve));
  await Promise.all(textServers.map((server) => new Promise((resolve) => server.close(resolve))));
});

describe('sextant verify', () => {
  it('finds a real node_exporter matching the catalogue', async () => {
    const run = await verify(['--target', nodeExporter.url]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('matches the catalogue (node_exporter)');
  });

  it('reports drift both ways and exits 1', async () => {
    const run = await verify(['--target', fakeUrl, '--job', 'shop']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/mismatch\s+shop_orders_total: catalogued as counter, exposed as gauge/);
    expect(run.stderr).toMatch(/mismatch\s+shop_baskets_open: catalogued labels \[\], exposed \[region\]/);
    expect(run.stderr).toMatch(/uncatalogued\s+shop_order_count/);
    expect(run.stderr).toMatch(/missing\s+shop_basket_size_bytes/);
  });

  it('without --job, expects in full every domain the target exposes a metric of, and names what is missing', async () => {
    const run = await verify(['--target', fakeUrl]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('difference(s) from the catalogue (checkout)');
    expect(run.stderr).toMatch(/uncatalogued\s+shop_order_count/);
    expect(run.stderr).toMatch(/missing\s+shop_basket_size_bytes/);
    // Only the domains it exposes a metric of: none of the redis domain.
    expect(run.stderr).not.toContain('redis_');
  });

  it("does not call an application's own build_info an exporter's", async () => {
    const run = await verify(['--target', fakeUrl]);
    expect(run.stderr).toMatch(/uncatalogued\s+shop_build_info/);
  });

  it.each([
    { how: 'without --job, inferred from the one metric it still exposes', args: [] },
    { how: 'with --job mysql', args: ['--job', 'mysql'] },
  ])('a mysqld_exporter with its server down is drift with the missing metrics named, $how', async ({ args }) => {
    const run = await verify(['--target', mysqlUrl, ...args]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('5 difference(s) from the catalogue (mysqld_exporter):');
    expect(run.stderr).toMatch(/missing\s+mysql_global_status_threads_connected/);
    expect(run.stderr).toMatch(/missing\s+mysql_global_variables_max_connections/);
    // Its own metrics are understood: mysqld_exporter_build_info is no drift.
    expect(run.stderr).not.toContain('uncatalogued');
  });

  it('names the other version of a program it meets: mysqld_exporter 0.14, from a recording of the real 0.14.0', async () => {
    const url = await serveText(readFileSync(join(REPO, 'test/fixtures/exporters/mysqld_exporter-0.14.0.prom'), 'utf8'));
    const run = await verify(['--target', url, '--job', 'mysql']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/version\s+mysql_exporter_scrapes_total: only mysqld_exporter 0\.14 and older exposes it: this looks like mysqld_exporter 0\.14 and older/);
    expect(run.stderr).toContain('upgrade it to 0.15 or later');
  });

  it('takes any waiting reason the kubelet sets (PodInitializing) from kube-state-metrics', async () => {
    const run = await verify(['--target', kubeStateMetricsUrl, '--job', 'kube-state-metrics']);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('matches the catalogue (kube_state_metrics)');
  });

  it("understands other exporters' own metrics by their shape", async () => {
    const run = await verify(['--target', nodeAndOthersUrl]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('matches the catalogue (node_exporter)');
  });

  it('documents --timeout and the domains it expects in verify --help', async () => {
    const run = await verify(['--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/--timeout SECONDS\s+how long each endpoint may take to answer \(default 10\)/);
    expect(run.stdout).toContain('without it, every domain the target exposes a metric of');
  });

  it('refuses to run without a target', async () => {
    const run = await verify([]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('give --target URL or --prometheus URL');
  });

  it('says so when a target cannot be reached, naming the URL and the cause', async () => {
    const url = `http://127.0.0.1:${await freePort()}`;
    const run = await verify(['--target', url]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`sextant verify: cannot reach ${url}/metrics: ECONNREFUSED`);
  });
});

describe('sextant verify on endpoints that are not what it expects', () => {
  /** One server per case, answering as told; `silent` accepts the request and never answers. */
  const servers: Server[] = [];
  const serve = async (answer: { type?: string; body?: string; status?: number; silent?: boolean }) => {
    const server = createServer((_req, res) => {
      if (answer.silent) return;
      res.writeHead(answer.status ?? 200, answer.type ? { 'content-type': answer.type } : {}).end(answer.body ?? '');
    });
    servers.push(server);
    const port = await freePort();
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    return `http://127.0.0.1:${port}`;
  };
  afterAll(async () => {
    for (const server of servers) server.closeAllConnections();
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  });

  it('an empty /metrics is no match: nothing to compare', async () => {
    const url = await serve({ type: 'text/plain; version=0.0.4' });
    const run = await verify(['--target', url]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${url}/metrics: exposes no metrics at all`);
    expect(run.stdout).not.toContain('matches the catalogue');
  });

  it('a web page is named for what it is', async () => {
    const url = await serve({ type: 'text/html; charset=utf-8', body: '<!doctype html><title>login</title>' });
    const run = await verify(['--target', url]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`sextant verify: not a Prometheus exposition: got text/html from ${url}/metrics`);
  });

  it('an HTTP error says its status and URL', async () => {
    const url = await serve({ status: 503, type: 'text/plain', body: 'warming up' });
    const run = await verify(['--target', url]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`sextant verify: ${url}/metrics answered HTTP 503: warming up`);
  });

  it('a Prometheus that never answers times out after --timeout', async () => {
    const url = await serve({ silent: true });
    const run = await verify(['--prometheus', url, '--timeout', '1']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`sextant verify: ${url}/api/v1/targets\\?state=active did not answer within 1 s \\(give more with --timeout SECONDS\\)`));
  });

  it('a slow target is read when --timeout gives it time', async () => {
    const slow = createServer((_req, res) => setTimeout(() => res.writeHead(200, { 'content-type': 'text/plain' }).end(DRIFTED), 1_500));
    servers.push(slow);
    const port = await freePort();
    await new Promise<void>((resolve) => slow.listen(port, '127.0.0.1', resolve));
    const tooShort = await verify(['--target', `http://127.0.0.1:${port}`, '--timeout', '0.5']);
    expect(tooShort.stderr).toContain('did not answer within 0.5 s');
    const enough = await verify(['--target', `http://127.0.0.1:${port}`, '--timeout', '30']);
    expect(enough.stderr).toMatch(/uncatalogued\s+shop_order_count/);
  });

  it('a web page where the Prometheus API should be is named for what it is', async () => {
    const url = await serve({ type: 'text/html', body: '<html>' });
    const run = await verify(['--prometheus', url]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`sextant verify: not a Prometheus API: got text/html from ${url}/api/v1/targets?state=active`);
  });

  it('an exposition of metrics no domain holds says no domain was in scope', async () => {
    const url = await serve({ type: 'text/plain', body: '# TYPE foo_total counter\nfoo_total 1\n' });
    const run = await verify(['--target', url]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${url}/metrics: 1 difference(s) from the catalogue (no catalogue domain in scope):`);
  });

  it('a server that answers success with other data is not taken for Prometheus', async () => {
    const url = await serve({ type: 'application/json', body: JSON.stringify({ status: 'success', data: { resultType: 'vector', result: [] } }) });
    const run = await verify(['--prometheus', url]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`sextant verify: not a Prometheus API: ${url}/api/v1/targets?state=active answered success, but its data is not a list of active targets with their job`);
    expect(run.stderr).not.toContain('Cannot read properties');
  });

  it('a JSON answer cut short says so', async () => {
    const url = await serve({ type: 'application/json', body: '{"status":"succ' });
    const run = await verify(['--prometheus', url]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`sextant verify: not a Prometheus API: got a body that is not valid JSON (application/json) from ${url}/api/v1/targets?state=active`);
  });

  it('a Prometheus that scrapes nothing is no match', async () => {
    const url = await serve({ type: 'application/json', body: JSON.stringify({ status: 'success', data: { activeTargets: [] } }) });
    const run = await verify(['--prometheus', url]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${url}: scrapes no targets`);
  });

  it.each([
    { args: ['--target', 'localhost:9100'], message: '--target "localhost:9100" is not a URL; give one such as http://127.0.0.1:9100' },
    { args: ['--target', 'ftp://127.0.0.1/metrics'], message: '--target ftp://127.0.0.1/metrics: only http and https URLs can be fetched' },
    { args: ['--prometheus', 'not a url'], message: '--prometheus "not a url" is not a URL' },
    { args: ['--target', 'http://127.0.0.1:9100', '--timeout', '0'], message: '--timeout takes seconds, more than 0 and at most 3600; got "0"' },
    { args: ['--target', 'http://127.0.0.1:9100', '--timeout', '0x10'], message: '--timeout takes seconds' },
  ])('refuses $args before fetching anything', async ({ args, message }) => {
    const run = await verify([...args]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`sextant verify: ${message}`);
  });
});

describe('sextant verify --prometheus on a real Prometheus', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sextant-verify-'));
  let prometheus: Process;

  beforeAll(async () => {
    const port = await freePort();
    const host = (url: string) => new URL(url).host;
    // node_exporter under the node pack's job and under one the project does not know (inferred), and
    // the mysqld_exporter with its server down under the project's job.
    writeFileSync(
      join(dir, 'prometheus.yml'),
      [
        'global: { scrape_interval: 1s }',
        'scrape_configs:',
        `  - { job_name: node, static_configs: [{ targets: ['${host(nodeExporter.url)}'] }] }`,
        `  - { job_name: lab-hosts, static_configs: [{ targets: ['${host(nodeExporter.url)}'] }] }`,
        `  - { job_name: mysql, static_configs: [{ targets: ['${host(mysqlUrl)}'] }] }`,
        '',
      ].join('\n'),
    );
    const url = `http://127.0.0.1:${port}`;
    prometheus = await startServer('prometheus', [`--config.file=${join(dir, 'prometheus.yml')}`, `--storage.tsdb.path=${join(dir, 'data')}`, `--web.listen-address=127.0.0.1:${port}`], url, '/-/ready');
    await waitFor('every job scraped with its metadata', async () => {
      const response = await fetch(`${url}/api/v1/targets/metadata?match_target=${encodeURIComponent('{job="mysql"}')}`);
      const metadata = ((await response.json()) as { data: { metric: string }[] }).data;
      const up = await (await fetch(`${url}/api/v1/query?query=${encodeURIComponent('count(up == 1)')}`)).json() as { data: { result: { value: [number, string] }[] } };
      return metadata.some((entry) => entry.metric === 'mysql_up') && up.data.result[0]?.value[1] === '3';
    });
  });

  afterAll(async () => {
    await prometheus?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  // The project lists no prometheus pack: the series Prometheus writes itself (up, scrape_*) are still no drift.
  it('checks each job against its domains: given by the project, or inferred from what it exposes', async () => {
    const run = await verify(['--prometheus', prometheus.url]);
    expect(run.status, `${run.stdout}${run.stderr}`).toBe(1);
    expect(run.stdout).toContain('job node: matches the catalogue (node_exporter)');
    expect(run.stdout).toContain('job lab-hosts: matches the catalogue (node_exporter)');
    expect(run.stderr).toContain('job mysql: 5 difference(s) from the catalogue (mysqld_exporter):');
    expect(run.stderr).toMatch(/missing\s+mysql_global_status_threads_connected/);
    expect(run.stderr).not.toContain('uncatalogued');
  });
});
