/**
 * `sextant stack` on a fresh `sextant init` project, through the real CLI and the fetched tools:
 * --check generates the missing generated/, starts Prometheus, Alertmanager and node_exporter,
 * and passes once they are scraped and the rules loaded, naming the user's service as not started;
 * the running stack serves the rules on /api/v1/rules and leaves no process after SIGTERM, nor
 * after the process that started it is killed; a bad option, a missing tool and a stale generated/
 * are refused with the fix.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initProject } from '../generator/init/index.ts';
import { SERVICE_PORT } from '../generator/init/names.ts';
import { REPO, runCli } from './helpers/project.ts';
import { waitFor } from './helpers/servers.ts';
import { sextantWorkspace, type Workspace } from './helpers/sextant-package.ts';

let workspace: Workspace;
let root: string;
beforeAll(async () => {
  workspace = await sextantWorkspace();
  root = workspace.emptyProject('ledger');
  await initProject(root);
});
afterAll(() => workspace.remove());

/** The parts the stack printed: name → port and PID. */
function partsOf(output: string): Map<string, { port: number; pid: number }> {
  return new Map([...output.matchAll(/^ {2}(\S+) +http:\/\/127\.0\.0\.1:(\d+)\S* +pid (\d+)$/gm)].map(([, name, port, pid]) => [name!, { port: Number(port), pid: Number(pid) }]));
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('sextant stack', () => {
  it('--check generates the missing generated/, runs Prometheus, Alertmanager and node_exporter until scraped, and names the service it cannot start', async () => {
    const run = await runCli(['stack', '--check', '--free-ports', '--root', root]);
    const output = `${run.stdout}${run.stderr}`;
    expect(run.status, output).toBe(0);
    expect(output).toMatch(/^generated\/ was missing: wrote \d+ files\.$/m);
    expect([...partsOf(output).keys()]).toEqual(['node_exporter', 'alertmanager', 'prometheus']);
    expect(output).toMatch(new RegExp(`^Not started .*\\n {2}ledger +expected on 127\\.0\\.0\\.1:${SERVICE_PORT}$`, 'm'));
    for (const job of ['alertmanager', 'node', 'prometheus']) expect(output).toMatch(new RegExp(`^ {2}up +${job} +127\\.0\\.0\\.1:\\d+$`, 'm'));
    expect(output).toMatch(new RegExp(`^ {2}down +ledger +127\\.0\\.0\\.1:${SERVICE_PORT} +not started by the stack$`, 'm'));
    expect(output).toMatch(/^Rule groups loaded: (\d+) of \1$/m);
    expect(output).toMatch(/^The stack is healthy\.$/m);
    // --check keeps no data in the project.
    expect(existsSync(join(root, '.sextant'))).toBe(false);
  });

  it('runs until SIGTERM with the rules loaded, and leaves none of its processes behind', async () => {
    const child = spawn(process.execPath, [join(REPO, 'generator/launch.mjs'), 'stack', '--free-ports', '--root', root], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      await waitFor('the stack to report its targets', async () => output.includes('Ctrl-C stops everything'), { timeoutMs: 110_000 });
      const parts = partsOf(output);
      const prometheus = `http://127.0.0.1:${parts.get('prometheus')!.port}`;
      const rules = (await (await fetch(`${prometheus}/api/v1/rules`)).json()) as { data: { groups: { file: string; rules: { name: string }[] }[] } };
      // The rule files are generated/'s own, read in place.
      expect(rules.data.groups.map((group) => group.file)).toContain(join(root, 'generated/prometheus/rules/ledger.rules.yml'));
      expect(rules.data.groups.flatMap((group) => group.rules.map((rule) => rule.name))).toContain('LedgerErrorRatioHigh');
      expect(existsSync(join(root, '.sextant/stack/prometheus'))).toBe(true);
      const pids = [...parts.values()].map((part) => part.pid);
      expect(pids.every(alive)).toBe(true);
      child.kill('SIGTERM');
      expect(await exited, output).toBe(0);
      expect(pids.filter(alive), 'processes left after SIGTERM').toEqual([]);
    } finally {
      // On a failure above: let the stack stop its own processes, then stop whatever is left by PID.
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      for (const { pid } of partsOf(output).values()) if (alive(pid)) process.kill(pid, 'SIGKILL');
    }
  });

  it('stops everything when the process that started it is gone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sextant-orphan-'));
    const log = join(dir, 'stack.log');
    // A shell starts the stack in the background and is killed: the stack is left without its parent.
    const shell = spawn('sh', ['-c', `"${process.execPath}" "${join(REPO, 'generator/launch.mjs')}" stack --free-ports --root "${root}" > "${log}" 2>&1 & wait`], { stdio: 'ignore' });
    const output = () => (existsSync(log) ? readFileSync(log, 'utf8') : '');
    try {
      await waitFor('the stack to report its targets', async () => output().includes('Ctrl-C stops everything'), { timeoutMs: 110_000 });
      const pids = [...partsOf(output()).values()].map((part) => part.pid);
      expect(pids.length).toBe(3);
      expect(pids.every(alive)).toBe(true);
      process.kill(shell.pid!, 'SIGKILL');
      await waitFor('the orphaned stack to stop its parts', async () => pids.every((pid) => !alive(pid)), { timeoutMs: 30_000 });
      expect(output()).toContain('the process that started it is gone');
    } finally {
      if (shell.exitCode === null) shell.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a bad option before starting anything', async () => {
    const run = await runCli(['stack', '--timeout', 'soon', '--root', root]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('sextant stack: --timeout takes whole seconds, at least 1; got "soon"');
    expect(run.stdout).not.toContain('Starting the stack');
  });

  it('says how to get a program it cannot find', async () => {
    const run = await runCli(['stack', '--check', '--free-ports', '--root', root], root, { env: { PATH: dirname(process.execPath) } });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('sextant stack: prometheus was not found');
    expect(run.stderr).toContain('`npx sextant tools`');
  });

  it('refuses an environment it cannot run', async () => {
    const compose = await runCli(['stack', '--check', '--environment', 'compose', '--root', root]);
    expect(compose.status).toBe(1);
    expect(compose.stderr).toContain('docker compose up');
    const unknown = await runCli(['stack', '--check', '--environment', 'staging', '--root', root]);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain("there is no environment 'staging'");
  });

  it('refuses a stale generated/, saying which files and how to fix it', async () => {
    const rules = join(root, 'generated/prometheus/rules/ledger.rules.yml');
    writeFileSync(rules, `${readFileSync(rules, 'utf8')}# edited\n`);
    const run = await runCli(['stack', '--check', '--free-ports', '--root', root]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('generated/ is stale: 1 file(s) differ');
    expect(run.stderr).toMatch(/^ {2}changed +generated\/prometheus\/rules\/ledger\.rules\.yml$/m);
    expect(run.stderr).toContain('Run `npx sextant generate`');
    expect(run.stdout).not.toContain('Starting the stack');
  });
});
