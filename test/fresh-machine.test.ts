/**
 * CI runs the tests as a fresh machine would (.ci/without-system-prometheus.sh): whatever the
 * system once installed of Prometheus is hidden, so only what the project's scripts install counts.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROMETHEUS_BINARIES, TOOLS_BIN } from '../stack/tools.ts';
import { runCommand } from './helpers/command.ts';
import { REPO } from './helpers/project.ts';

const HIDE = join(REPO, '.ci/without-system-prometheus.sh');
const hidden = process.env.SEXTANT_SYSTEM_PROMETHEUS_HIDDEN === '1';
const isRoot = process.getuid?.() === 0;

/** The system's copies of the Prometheus programs that PATH would find, were the fetched ones not first. */
function systemPrograms(): string[] {
  const dirs = (process.env.PATH ?? '').split(':').filter((dir) => dir && dir !== TOOLS_BIN);
  return dirs.flatMap((dir) =>
    PROMETHEUS_BINARIES.map((binary) => join(dir, binary)).filter((path) => existsSync(path) && statSync(path).isFile() && (statSync(path).mode & 0o111) !== 0),
  );
}

describe('the system’s own Prometheus files', () => {
  it.runIf(process.env.CI)('are hidden from the tests in CI', () => {
    expect(hidden, 'CI runs the tests through .ci/without-system-prometheus.sh').toBe(true);
  });

  it.runIf(hidden)('are not visible: no templates, no configuration, no programs', () => {
    for (const dir of ['/usr/share/prometheus', '/etc/prometheus']) expect(existsSync(dir) ? readdirSync(dir) : [], dir).toEqual([]);
    expect(systemPrograms()).toEqual([]);
  });

  it.runIf(isRoot)('are hidden by the script CI uses, when a system has them', async () => {
    // A system that has them, made in a namespace of its own: fake templates and a fake program.
    const system = [
      'mount -t tmpfs fake /usr/share',
      'mkdir -p /usr/share/prometheus/alertmanager',
      'echo template > /usr/share/prometheus/alertmanager/default.tmpl',
      'mount -t tmpfs fake /usr/sbin',
      'printf "#!/bin/sh\\necho system prometheus\\n" > /usr/sbin/prometheus && chmod +x /usr/sbin/prometheus',
    ].join(' && ');
    const look = 'ls -A /usr/share/prometheus; /usr/sbin/prometheus; echo looked';
    const run = (command: string) => runCommand('unshare', ['--mount', '--propagation', 'private', 'sh', '-c', `${system} && ${command}`], { env: { PATH: process.env.PATH } });

    const shown = await run(look);
    expect(shown.stdout).toBe('alertmanager\nsystem prometheus\nlooked\n');
    const behindTheScript = await run(`bash ${HIDE} sh -c '${look}'`);
    expect(behindTheScript.stdout).toBe('looked\n');
  });
});
