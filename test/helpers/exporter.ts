/** Runs the exporter as a real process on a free 127.0.0.1 port, and stops it by its PID. */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { REPO } from './project.ts';
import { freePort, waitFor } from './servers.ts';

export interface ExporterProcess {
  readonly url: string;
  readonly child: ChildProcess;
  output(): string;
  /** Sends SIGTERM and resolves with the exit code. */
  stop(): Promise<number | null>;
}

export async function startExporter(env: Record<string, string>): Promise<ExporterProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', join(REPO, 'exporter/main.ts')], {
    cwd: REPO,
    env: { PATH: process.env.PATH ?? '', EXPORTER_HOST: '127.0.0.1', EXPORTER_PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const exporter: ExporterProcess = {
    url,
    child,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null && child.pid !== undefined) process.kill(child.pid, 'SIGTERM');
      return exited;
    },
  };
  try {
    await waitFor(`the exporter on ${url}`, async () => (await fetch(`${url}/readyz`)).ok);
  } catch (error) {
    await exporter.stop();
    throw new Error(`${(error as Error).message}\n${output}`);
  }
  return exporter;
}

/** Runs the exporter expecting it to refuse to start; resolves with its exit code and output. */
export function runExporterToExit(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(REPO, 'exporter/main.ts')], {
      cwd: REPO,
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => resolve({ code, output }));
  });
}
