/**
 * The reference's `npm run stack` (stack/main.ts: its exporter roles beside the engine's stack) as a
 * user runs it: its port options refused when bad, a part that cannot start named with its log, the
 * stack up on the ports given, SIGTERM stops it all. The engine's `sextant stack` (--check, SIGTERM,
 * an orphaned stack, bad options, missing tools, stale generated/) is proven in test/sextant-stack.test.ts.
 */
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers/project.ts';
import { freePort, waitFor } from '../helpers/servers.ts';

function runStack(args: string[]) {
  const child = spawn(process.execPath, ['--conditions=sextant-source', '--import', 'tsx', join(REPO, 'stack/main.ts'), ...args], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

const answers = async (url: string) => {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(1_000) })).ok;
  } catch {
    return false;
  }
};

describe('npm run stack', () => {
  it('refuses a port that is not a number', async () => {
    const run = runStack(['--api-port', 'eighty']);
    expect(await run.exited).toBe(2);
    expect(run.output()).toContain('--api-port must be a port number');
  });

  it('fails at once when a part exits during start-up, printing its last log lines', async () => {
    const taken = createServer((socket) => socket.destroy());
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const address = taken.address();
    try {
      const run = runStack([`--alertmanager-port=${typeof address === 'object' && address ? address.port : 0}`, `--node-exporter-port=${await freePort()}`, '--load=0']);
      expect(await run.exited).toBe(1);
      expect(run.output()).toMatch(/stack: alertmanager exited during start-up \(code 1\); its last log lines:\n/);
      expect(run.output()).toContain('address already in use');
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  });

  it('runs every part on the ports given, prints where, and stops them all on SIGTERM', async () => {
    const ports = { api: await freePort(), worker: await freePort(), node: await freePort(), prometheus: await freePort(), alertmanager: await freePort() };
    const run = runStack([
      `--api-port=${ports.api}`,
      `--worker-port=${ports.worker}`,
      `--node-exporter-port=${ports.node}`,
      `--prometheus-port=${ports.prometheus}`,
      `--alertmanager-port=${ports.alertmanager}`,
      '--load=1',
    ]);
    await waitFor('the stack to say it is up', async () => run.output().includes('Ctrl-C stops everything'), { timeoutMs: 60_000 });
    const urls = [
      `http://127.0.0.1:${ports.api}/healthz`,
      `http://127.0.0.1:${ports.worker}/healthz`,
      `http://127.0.0.1:${ports.node}/metrics`,
      `http://127.0.0.1:${ports.prometheus}/-/ready`,
      `http://127.0.0.1:${ports.alertmanager}/-/ready`,
    ];
    for (const url of urls) expect(await answers(url), url).toBe(true);
    // Its Prometheus reads generated/'s rule files, so a reload after `npm run generate` takes them.
    const rules = (await (await fetch(`http://127.0.0.1:${ports.prometheus}/api/v1/rules`)).json()) as { data: { groups: { file: string }[] } };
    expect([...new Set(rules.data.groups.map((group) => basename(group.file)))].sort()).toEqual(readdirSync(join(REPO, 'generated/prometheus/rules')).sort());
    expect(run.output()).toContain('Rules: generated/prometheus/rules, read in place; after `sextant generate`: curl -X POST');
    expect(run.output()).toContain(`http://127.0.0.1:${ports.prometheus}`);
    expect(run.output()).toContain('Grafana is not packaged');
    process.kill(run.child.pid!, 'SIGTERM');
    expect(await run.exited).toBe(0);
    for (const url of urls) expect(await answers(url), `${url} after stopping`).toBe(false);
  });
});
