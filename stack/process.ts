/**
 * Child processes of the native stack and the live tests: started on 127.0.0.1, waited for by
 * polling (never a blind sleep), stopped by their own PID.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

export interface RunningProcess {
  readonly name: string;
  readonly url: string;
  readonly child: ChildProcess;
  /** What the process printed, for failure messages. */
  output(): string;
  /** SIGTERM, then SIGKILL after a grace period; resolves with the exit code. */
  stop(): Promise<number | null>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Polls until the condition holds; a bounded wait that says what it waited for. */
export async function waitFor(what: string, condition: () => Promise<boolean>, timeoutMs = 30_000, intervalMs = 200): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      if (await condition()) return;
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`);
}

export interface StartOptions {
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
  /** Base URL of the process once it listens. */
  readonly url: string;
  /** Path that answers 2xx once it is ready. */
  readonly readyPath: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly cwd?: string;
}

export async function startProcess(options: StartOptions): Promise<RunningProcess> {
  const child = spawn(options.command, [...options.args], { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const running: RunningProcess = {
    name: options.name,
    url: options.url,
    child,
    output: () => output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
        process.kill(child.pid, 'SIGTERM');
        const kill = setTimeout(() => child.pid !== undefined && child.exitCode === null && process.kill(child.pid, 'SIGKILL'), 10_000);
        const code = await exited;
        clearTimeout(kill);
        return code;
      }
      return exited;
    },
  };
  try {
    await waitFor(`${options.name} at ${options.url}${options.readyPath}`, async () => {
      if (child.exitCode !== null) throw new Error(`${options.name} exited with code ${child.exitCode}`);
      return (await fetch(options.url + options.readyPath, { signal: AbortSignal.timeout(2_000) })).ok;
    });
  } catch (error) {
    await running.stop();
    throw new Error(`${(error as Error).message}\n${output}`);
  }
  return running;
}
