/**
 * A run of the native stack, as `sextant stack` does it and a project's own script can (the
 * reference's `npm run stack` adds its exporter as local services): generated/ made sure of, the
 * stack started and described, then stopped on a signal, or, with `check`, once Prometheus has
 * scraped every target, with a verdict.
 */
import { join } from 'node:path';
import type { Io } from '../cli.ts';
import { ensureGenerated } from './generated.ts';
import { STACK_DATA_DIR, startStack, type Stack, type StackOptions } from './index.ts';
import { describeHealth, describeStack, waitUntilScraped } from './report.ts';

export interface StackArgs {
  readonly root: string;
  readonly environment: string;
  /** Stop once scraped, exit 0 only when healthy; data in a temporary directory. */
  readonly check: boolean;
  readonly freePorts: boolean;
  /** How long to wait for the first scrapes. */
  readonly timeoutMs: number;
}

/** Resolves when the stack should stop: a signal, or the process that started it gone (a killed terminal or test runner). */
function stopRequested(): { readonly reason: Promise<string>; dispose(): void } {
  const parent = process.ppid;
  let done: (why: string) => void = () => {};
  const reason = new Promise<string>((resolve) => (done = resolve));
  const handlers = { SIGINT: () => done(''), SIGTERM: () => done(''), SIGHUP: () => done(' (the terminal closed)') };
  for (const [signal, handler] of Object.entries(handlers)) process.on(signal, handler);
  const orphaned = setInterval(() => process.ppid !== parent && done(' (the process that started it is gone)'), 1_000);
  orphaned.unref();
  return {
    reason,
    dispose: () => {
      for (const [signal, handler] of Object.entries(handlers)) process.off(signal, handler);
      clearInterval(orphaned);
    },
  };
}

/** Resolves with the exit code; `started` sees the stack once it runs (to print what the caller adds). */
export async function runStack(args: StackArgs, io: Io, extra: Pick<StackOptions, 'services' | 'ports'>, started?: (stack: Stack) => void): Promise<number> {
  const generated = await ensureGenerated(args.root);
  if (!generated.ok) {
    for (const line of generated.lines) io.err(line);
    return 1;
  }
  if (generated.wrote > 0) io.out(`generated/ was missing: wrote ${generated.wrote} files.`);
  // Listening from the start: a signal while the parts start is not lost; they are stopped once started.
  const stopping = stopRequested();
  let stack: Stack | undefined;
  try {
    io.out('Starting the stack on 127.0.0.1…');
    stack = await startStack({
      root: args.root,
      environment: args.environment,
      freePorts: args.freePorts,
      dataDir: args.check ? undefined : join(args.root, STACK_DATA_DIR),
      log: (line) => io.out(`  ${line}`),
      ...extra,
    });
    for (const line of describeStack(stack, args.root)) io.out(line);
    started?.(stack);
    const abort = new AbortController();
    const scraped = waitUntilScraped(stack, args.timeoutMs, abort.signal).then(
      (health) => health,
      (error: unknown) => error as Error,
    );
    const first = await Promise.race([scraped, stopping.reason.then((why) => ({ stopped: why }))]);
    if ('stopped' in first) {
      abort.abort();
      io.out(`\nStopping${first.stopped}…`);
      return 0;
    }
    if (first instanceof Error) {
      io.err(`sextant stack: ${first.message}`);
      if (args.check) return 1;
    } else {
      for (const line of describeHealth(stack, first)) io.out(line);
      if (args.check) {
        io.out(first.healthy ? 'The stack is healthy.' : 'The stack is not healthy: a part it started is down, or a rule group did not load (see above).');
        return first.healthy ? 0 : 1;
      }
    }
    io.out('Ctrl-C stops everything.');
    const why = await stopping.reason;
    io.out(`\nStopping${why}…`);
    return 0;
  } catch (error) {
    io.err(`sextant stack: ${(error as Error).message}`);
    return 1;
  } finally {
    await stack?.stop();
    stopping.dispose();
  }
}
