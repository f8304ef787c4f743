/** The exporter process: refuses bad configuration with a clear message, stops cleanly on SIGTERM. */
import { describe, expect, it } from 'vitest';
import { runExporterToExit, startExporter } from '../helpers/exporter.ts';

describe('exporter start-up', () => {
  it.each<{ name: string; env: Record<string, string>; message: string }>([
    { name: 'a missing role', env: {}, message: 'EXPORTER_ROLE must be api or worker' },
    { name: 'an unknown role', env: { EXPORTER_ROLE: 'db' }, message: 'EXPORTER_ROLE must be api or worker, got "db"' },
    { name: 'a port that is not a number', env: { EXPORTER_ROLE: 'api', EXPORTER_PORT: 'eighty' }, message: 'EXPORTER_PORT must be an integer from 1 to 65535' },
    { name: 'an unknown setting (a typo)', env: { EXPORTER_ROLE: 'api', EXPORTER_WORKERURL: 'http://x' }, message: 'EXPORTER_WORKERURL is not a setting of the exporter' },
    { name: 'a worker URL that is not a URL', env: { EXPORTER_ROLE: 'api', EXPORTER_WORKER_URL: 'worker:8081' }, message: 'EXPORTER_WORKER_URL must be an http(s) URL' },
    { name: 'an unknown fault switch', env: { EXPORTER_ROLE: 'api', EXPORTER_FAULTS: 'melt=1' }, message: "unknown fault switch 'melt'" },
    { name: 'a fault value out of range', env: { EXPORTER_ROLE: 'api', EXPORTER_FAULTS: 'errors=3' }, message: "fault 'errors' takes a ratio between 0 and 1" },
  ])('refuses $name with exit code 2', async ({ env, message }) => {
    const { code, output } = await runExporterToExit(env);
    expect(code).toBe(2);
    expect(output).toContain(message);
    expect(output).toContain('EXPORTER_LOAD');
  });

  it('takes fault switches from the environment', async () => {
    const exporter = await startExporter({ EXPORTER_ROLE: 'worker', EXPORTER_FAULTS: 'stall_workers=true,slow_database=0.5', EXPORTER_LOAD: '0' });
    try {
      const body = (await (await fetch(`${exporter.url}/admin/faults`)).json()) as { faults: { name: string; value: number }[] };
      expect(body.faults.filter((f) => f.value !== 0).map((f) => [f.name, f.value])).toEqual([['stall_workers', 1], ['slow_database', 0.5]]);
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
