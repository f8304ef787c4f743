/**
 * The reference project's own scrape jobs under `verify`: a real node_exporter, checked under the
 * reference's job name, matches the domains that job declares. Verify's behaviour itself (exit
 * codes, drift both ways, --job, --timeout, inferred domains, versions, odd endpoints, a real
 * Prometheus) is proven on a scratch project in test/verify.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/project.ts';
import { freePort, startServer, type Server } from '../helpers/servers.ts';

let nodeExporter: Server;

beforeAll(async () => {
  const port = await freePort();
  nodeExporter = await startServer('prometheus-node-exporter', [`--web.listen-address=127.0.0.1:${port}`], `http://127.0.0.1:${port}`, '/metrics');
});

afterAll(async () => {
  await nodeExporter?.stop();
});

describe('sextant verify on the reference project', () => {
  it('finds a real node_exporter matching its node-exporter job', async () => {
    const run = await runCli(['verify', '--target', nodeExporter.url, '--job', 'node-exporter']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('matches the catalogue (node_exporter)');
  });
});
