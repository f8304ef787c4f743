/** `verify` against live targets: clean where the catalogue holds, drift reported (exit 1) where it does not. */
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/project.ts';
import { freePort, startServer, type Server as Process } from './helpers/servers.ts';

let nodeExporter: Process;
let fake: Server;
let fakeUrl: string;
/** What a drifted application would expose: a renamed metric, a wrong type, an unknown label. */
const DRIFTED = [
  '# TYPE taskforge_http_requests_total gauge',
  'taskforge_http_requests_total{method="GET",route="/api/v1/tasks",status_code="200"} 1',
  '# TYPE taskforge_cache_entries gauge',
  'taskforge_cache_entries{cache="task_cache",region="eu"} 3',
  '# TYPE taskforge_http_request_count counter',
  'taskforge_http_request_count 3',
  '',
].join('\n');

beforeAll(async () => {
  const port = await freePort();
  nodeExporter = await startServer('prometheus-node-exporter', [`--web.listen-address=127.0.0.1:${port}`], `http://127.0.0.1:${port}`, '/metrics');
  const fakePort = await freePort();
  fake = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end(DRIFTED));
  await new Promise<void>((resolve) => fake.listen(fakePort, '127.0.0.1', resolve));
  fakeUrl = `http://127.0.0.1:${fakePort}`;
});

afterAll(async () => {
  await nodeExporter?.stop();
  await new Promise((resolve) => fake?.close(resolve));
});

describe('npm run verify', () => {
  it('finds a real node_exporter matching the catalogue', async () => {
    const run = await runCli(['verify', '--target', nodeExporter.url]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('matches the catalogue (node_exporter)');
  });

  it('reports drift both ways and exits 1', async () => {
    const run = await runCli(['verify', '--target', fakeUrl, '--job', 'api']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/mismatch\s+taskforge_http_requests_total: catalogued as counter, exposed as gauge/);
    expect(run.stderr).toMatch(/mismatch\s+taskforge_cache_entries: catalogued labels \[cache\], exposed \[cache, region\]/);
    expect(run.stderr).toMatch(/uncatalogued\s+taskforge_http_request_count/);
    expect(run.stderr).toMatch(/missing\s+taskforge_http_requests_in_flight/);
  });

  it('without --job, expects only the domains the target mostly exposes', async () => {
    const run = await runCli(['verify', '--target', fakeUrl]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/uncatalogued\s+taskforge_http_request_count/);
    expect(run.stderr).not.toContain('missing');
  });

  it('refuses to run without a target', async () => {
    const run = await runCli(['verify']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('give --target URL or --prometheus URL');
  });

  it('says so when a target cannot be reached', async () => {
    const run = await runCli(['verify', '--target', `http://127.0.0.1:${await freePort()}`]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('sextant verify:');
  });
});
