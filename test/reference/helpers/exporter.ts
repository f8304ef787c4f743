/** Runs the exporter as a real process on a free 127.0.0.1 port, and stops it by its PID. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { startProcess, type RunningProcess } from '../../../generator/stack/process.ts';
import { REPO } from '../../helpers/project.ts';
import { freePort } from '../../helpers/servers.ts';

export type ExporterProcess = RunningProcess;

const EXPORTER = ['--conditions=sextant-source', '--import', 'tsx', join(REPO, 'exporter/main.ts')];
/** The /admin/faults token the test exporters take (a test may give its own, or none). */
export const ADMIN_TOKEN = 'test-admin-token-0123456789';

export async function startExporter(env: Record<string, string>): Promise<ExporterProcess> {
  const port = await freePort();
  return startProcess({
    name: `exporter ${env.EXPORTER_ROLE ?? ''}`,
    command: process.execPath,
    args: EXPORTER,
    cwd: REPO,
    env: { PATH: process.env.PATH ?? '', EXPORTER_HOST: '127.0.0.1', EXPORTER_PORT: String(port), EXPORTER_ADMIN_TOKEN: ADMIN_TOKEN, ...env },
    url: `http://127.0.0.1:${port}`,
    readyPath: '/readyz',
  });
}

/** Runs the exporter expecting it to refuse to start; resolves with its exit code and output. */
export function runExporterToExit(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, EXPORTER, { cwd: REPO, env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => resolve({ code, output }));
  });
}
