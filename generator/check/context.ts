/**
 * What the steps of `check` share: the project, the programs' lookup, one pool of processes, and the
 * definitions validated and rendered once, into a temporary directory, so the tools check the files
 * as they WOULD be generated (before the first `generate`, or with generated/ out of date).
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runPipeline, type PipelineResult } from '../pipeline.ts';
import type { Model } from '../model/types.ts';
import type { GeneratedFile } from '../render/stage.ts';
import { findTool } from '../tools.ts';
import { createPool, type Pool } from './pool.ts';

export interface ToolRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface Rendered {
  readonly model: Model;
  readonly files: readonly GeneratedFile[];
  /** The temporary directory holding `files`, laid out as generated/ is. */
  readonly dir: string;
}

export interface CheckContext {
  readonly root: string;
  /** How many programs run at once: the machine's cores. */
  readonly parallel: number;
  /** The program's path (the project's fetched copy first, then PATH), undefined when missing. */
  tool(name: string): string | undefined;
  /** Runs a program within the shared pool; `env` adds to the environment. */
  exec(command: string, args: readonly string[], cwd: string, env?: Readonly<Record<string, string>>): Promise<ToolRun>;
  pipeline(): Promise<PipelineResult>;
  /** The rendered files, or undefined when the definitions are invalid (the validation step says why). */
  rendered(): Promise<Rendered | undefined>;
  /** Stops the programs still running and removes the temporary directory. */
  dispose(): void;
}

export function createContext(root: string, options: { path?: string; parallel?: number } = {}): CheckContext {
  const path = options.path ?? process.env.PATH ?? '';
  const parallel = options.parallel ?? availableParallelism();
  const pool: Pool = createPool(parallel);
  let pipeline: Promise<PipelineResult> | undefined;
  let rendered: Promise<Rendered | undefined> | undefined;
  let dir: string | undefined;
  const stop = new AbortController();
  const context: CheckContext = {
    root,
    parallel,
    tool: (name) => findTool(name, root, path),
    exec: (command, args, cwd, env = {}) => pool(() => run(command, args, cwd, { ...process.env, ...env, PATH: path }, stop.signal)),
    pipeline: () => (pipeline ??= runPipeline(root)),
    rendered: () =>
      (rendered ??= context.pipeline().then((result) => {
        if (!result.ok) return undefined;
        dir = mkdtempSync(join(tmpdir(), 'sextant-check-'));
        for (const file of result.files) {
          mkdirSync(dirname(join(dir, file.path)), { recursive: true });
          writeFileSync(join(dir, file.path), file.content);
        }
        return { model: result.model, files: result.files, dir };
      })),
    dispose: () => {
      stop.abort();
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
  return context;
}

function run(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv, signal: AbortSignal): Promise<ToolRun> {
  return new Promise((resolve) => {
    execFile(command, [...args], { cwd, env, signal, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      // A program that could not start at all says so through the error, not its output.
      resolve({ code, stdout, stderr: error && typeof error.code !== 'number' ? `${stderr}${error.message}` : stderr });
    });
  });
}
