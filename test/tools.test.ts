import { describe, expect, it } from 'vitest';
import { PROMETHEUS_BINARIES, TOOLS_BIN, missingPrometheusTools } from '../stack/tools.ts';
import { runCommand } from './helpers/command.ts';
import { ensureTools, missingBinaries } from './helpers/tools.ts';

describe('the tools the tests need', () => {
  it('are all there (the global setup installed them if they were not)', () => {
    expect(missingBinaries()).toEqual([]);
    expect(missingPrometheusTools()).toEqual([]);
  });

  it.each(PROMETHEUS_BINARIES)('%s resolves to the fetched copy, not the system one', async (binary) => {
    const which = await runCommand('sh', ['-c', `command -v ${binary}`]);
    expect(which.stdout.trim()).toBe(`${TOOLS_BIN}/${binary}`);
  });

  it('are the versions the compose stack runs', async () => {
    const version = async (binary: string) => (await runCommand(binary, ['--version'])).output;
    expect(await version('prometheus')).toMatch(/^prometheus, version 2\.53\./);
    expect(await version('promtool')).toMatch(/^promtool, version 2\.53\./);
    expect(await version('prometheus-alertmanager')).toMatch(/^alertmanager, version 0\.28\./);
    expect(await version('prometheus-node-exporter')).toMatch(/^node_exporter, version 1\.9\./);
  });

  it('when missing and not installable, fail with the command that installs them', async () => {
    await expect(ensureTools({ path: '/nonexistent', install: false })).rejects.toThrow('apt-get install -y --no-install-recommends docker-compose');
  });
});
