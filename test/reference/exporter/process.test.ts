/** The exporter process: refuses bad configuration with a clear message, stops cleanly on SIGTERM. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ADMIN_TOKEN, runExporterToExit, startExporter } from '../helpers/exporter.ts';

describe('exporter start-up', () => {
  it.each<{ name: string; env: Record<string, string>; message: string }>([
    { name: 'a missing role', env: {}, message: 'EXPORTER_ROLE must be api or worker' },
    { name: 'an unknown role', env: { EXPORTER_ROLE: 'db' }, message: 'EXPORTER_ROLE must be api or worker, got "db"' },
    { name: 'a port that is not a number', env: { EXPORTER_ROLE: 'api', EXPORTER_PORT: 'eighty' }, message: 'EXPORTER_PORT must be an integer from 1 to 65535' },
    { name: 'a port in hexadecimal', env: { EXPORTER_ROLE: 'api', EXPORTER_PORT: '0x50' }, message: 'EXPORTER_PORT must be an integer from 1 to 65535, got "0x50"' },
    { name: 'a load in exponent notation', env: { EXPORTER_ROLE: 'api', EXPORTER_LOAD: '1e2' }, message: 'EXPORTER_LOAD must be an integer from 0 to 1000, got "1e2"' },
    { name: 'an unknown setting (a typo)', env: { EXPORTER_ROLE: 'api', EXPORTER_WORKERURL: 'http://x' }, message: 'EXPORTER_WORKERURL is not a setting of the exporter' },
    { name: 'a worker URL that is not a URL', env: { EXPORTER_ROLE: 'api', EXPORTER_WORKER_URL: 'worker:8081' }, message: 'EXPORTER_WORKER_URL must be an http(s) URL' },
    { name: 'an unknown fault switch', env: { EXPORTER_ROLE: 'api', EXPORTER_FAULTS: 'melt=1' }, message: "unknown fault switch 'melt'" },
    { name: 'a fault value out of range', env: { EXPORTER_ROLE: 'api', EXPORTER_FAULTS: 'errors=3' }, message: "fault 'errors' takes a ratio between 0 and 1" },
    { name: 'a fault value in hexadecimal', env: { EXPORTER_ROLE: 'api', EXPORTER_FAULTS: 'circuit_open=0x1' }, message: `fault 'circuit_open' takes true, false, 1 or 0, got "0x1"` },
    { name: 'a fault value in exponent notation', env: { EXPORTER_ROLE: 'api', EXPORTER_FAULTS: 'latency=1e1' }, message: `fault 'latency' takes seconds between 0 and 60, got "1e1"` },
    { name: 'a short admin token', env: { EXPORTER_ROLE: 'api', EXPORTER_ADMIN_TOKEN: 'secret' }, message: 'EXPORTER_ADMIN_TOKEN: the token must be at least 16 characters without spaces (got 6)' },
    { name: 'a token file that cannot be read', env: { EXPORTER_ROLE: 'api', EXPORTER_ADMIN_TOKEN_FILE: '/nonexistent/token' }, message: 'EXPORTER_ADMIN_TOKEN_FILE: cannot read /nonexistent/token: ENOENT' },
    {
      name: 'a token given twice',
      env: { EXPORTER_ROLE: 'api', EXPORTER_ADMIN_TOKEN: ADMIN_TOKEN, EXPORTER_ADMIN_TOKEN_FILE: '/nonexistent/token' },
      message: 'EXPORTER_ADMIN_TOKEN and EXPORTER_ADMIN_TOKEN_FILE are both set; give one',
    },
  ])('refuses $name with exit code 2', async ({ env, message }) => {
    const { code, output } = await runExporterToExit(env);
    expect(code).toBe(2);
    expect(output).toContain(message);
    expect(output).toContain('EXPORTER_LOAD');
  });

  it('takes fault switches from the environment', async () => {
    const exporter = await startExporter({ EXPORTER_ROLE: 'worker', EXPORTER_FAULTS: 'stall_workers=true,slow_database=0.5', EXPORTER_LOAD: '0' });
    try {
      const body = (await (await fetch(`${exporter.url}/admin/faults`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } })).json()) as { faults: { name: string; value: number }[] };
      expect(body.faults.filter((f) => f.value !== 0).map((f) => [f.name, f.value])).toEqual([['stall_workers', 1], ['slow_database', 0.5]]);
    } finally {
      await exporter.stop();
    }
  });

  it('listens on loopback unless told otherwise', async () => {
    const exporter = await startExporter({ EXPORTER_ROLE: 'api', EXPORTER_LOAD: '0', EXPORTER_HOST: '' });
    try {
      expect(exporter.output()).toMatch(/listening on http:\/\/127\.0\.0\.1:\d+/);
    } finally {
      await exporter.stop();
    }
  });

  it('reads the admin token from a file (a mounted secret)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sextant-token-'));
    writeFileSync(join(dir, 'token'), 'a-token-from-a-secret-file\n');
    const exporter = await startExporter({ EXPORTER_ROLE: 'api', EXPORTER_LOAD: '0', EXPORTER_ADMIN_TOKEN: '', EXPORTER_ADMIN_TOKEN_FILE: join(dir, 'token') });
    try {
      const faults = (token: string) => fetch(`${exporter.url}/admin/faults`, { headers: { authorization: `Bearer ${token}` } });
      expect((await faults('a-token-from-a-secret-file')).status).toBe(200);
      expect((await faults(ADMIN_TOKEN)).status).toBe(403);
    } finally {
      await exporter.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps the fault switches off without a token', async () => {
    const exporter = await startExporter({ EXPORTER_ROLE: 'api', EXPORTER_LOAD: '0', EXPORTER_ADMIN_TOKEN: '' });
    try {
      const response = await fetch(`${exporter.url}/admin/faults`, { method: 'PUT', headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' }, body: '{"errors": 1}' });
      expect(response.status).toBe(403);
      expect(((await response.json()) as { error: string }).error).toContain('the fault switches are off');
      expect((await fetch(`${exporter.url}/api/v1/tasks`)).status).toBe(200);
    } finally {
      await exporter.stop();
    }
  });

  it('stops cleanly on SIGTERM', async () => {
    const exporter = await startExporter({ EXPORTER_ROLE: 'api', EXPORTER_LOAD: '10', EXPORTER_TICK_MS: '100' });
    expect(await exporter.stop()).toBe(0);
    expect(exporter.output()).toContain('exporter api: stopped');
  });
});
