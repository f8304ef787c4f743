/**
 * Child processes of the native stack (`sextant stack`) and the live tests: started on 127.0.0.1, waited for by
 * polling (never a blind sleep), stopped by their own PID.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { connect, createServer } from 'node:net';

export interface RunningProcess {
  readonly name: string;
  readonly url: string;
  readonly child: ChildProcess;
  /** What the process printed, for failure messages. */
  output(): string;
  /** Its stop signal (SIGTERM), then SIGKILL after a grace period; resolves with the exit code. */
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

/** Whether 127.0.0.1:port can be listened on now. */
export function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** Whether something accepts TCP connections on 127.0.0.1:port now: a server without HTTP (a database). */
export function acceptsConnections(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port }, () => {
      socket.end();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export interface WaitOptions {
  readonly timeoutMs?: number;
  readonly intervalMs?: number;
  /** Stops the wait quietly (its caller has stopped caring). */
  readonly signal?: AbortSignal;
}

/** Polls until the condition holds; a bounded wait that says what it waited for. */
export async function waitFor(what: string, condition: () => Promise<boolean>, { timeoutMs = 30_000, intervalMs = 200, signal }: WaitOptions = {}): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (signal?.aborted) return;
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
  /** Path that answers 2xx once it is ready; or `ready`, for a server without HTTP. */
  readonly readyPath?: string;
  /** Whether it is ready (e.g. `acceptsConnections(port)`), when it answers no HTTP path. */
  readonly ready?: () => Promise<boolean>;
  /** The signal of a graceful stop (default SIGTERM; PostgreSQL's fast shutdown is SIGINT). */
  readonly stopSignal?: NodeJS.Signals;
  readonly env?: NodeJS.ProcessEnv;
  readonly cwd?: string;
  /** How long it may take to answer on readyPath (default 30 s). */
  readonly readyTimeoutMs?: number;
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
  // A program that could not be started has no PID and never exits.
  const neverStarted = new Promise<void>((resolve) => child.once('error', () => child.pid === undefined && resolve()));
  const running: RunningProcess = {
    name: options.name,
    url: options.url,
    child,
    output: () => output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
        process.kill(child.pid, options.stopSignal ?? 'SIGTERM');
        const kill = setTimeout(() => child.pid !== undefined && child.exitCode === null && process.kill(child.pid, 'SIGKILL'), 10_000);
        const code = await exited;
        clearTimeout(kill);
        return code;
      }
      return Promise.race([exited, neverStarted.then(() => null)]);
    },
  };
  const ready = options.ready ?? (async () => (await fetch(options.url + (options.readyPath ?? '/'), { signal: AbortSignal.timeout(2_000) })).ok);
  // A part that dies during start-up fails the start at once, with what it said last.
  const startUpEnded = new AbortController();
  const diedDuringStartUp = new Promise<never>((_, reject) => {
    child.once('error', (error) => reject(new Error(`${options.name} could not be started (${options.command}): ${error.message}`)));
    void exited.then((code) => reject(new Error(`${options.name} exited during start-up (${child.signalCode ?? `code ${String(code)}`}); its last log lines:\n${lastLines(output)}`)));
  });
  try {
    await Promise.race([
      diedDuringStartUp,
      waitFor(`${options.name} at ${options.url}${options.readyPath ?? ''}`, ready, {
        timeoutMs: options.readyTimeoutMs,
        signal: startUpEnded.signal,
      }),
    ]);
  } catch (error) {
    await running.stop();
    const message = (error as Error).message;
    throw new Error(message.includes('its last log lines') ? message : `${message}; its last log lines:\n${lastLines(output)}`);
  } finally {
    startUpEnded.abort();
    diedDuringStartUp.catch(() => {});
  }
  return running;
}

function lastLines(output: string, count = 20): string {
  const lines = output.trimEnd().split('\n');
  return (lines.length > count ? lines.slice(-count) : lines).map((line) => `  ${line}`).join('\n') || '  (nothing)';
}
