/** Runs a real command-line tool (promtool, amtool, docker-compose) and reports its exit code and output. */
import { execFile } from 'node:child_process';

export interface CommandResult {
  readonly code: number;
  readonly stdout: string;
  /** stdout and stderr together, for failure messages. */
  readonly output: string;
}

export function runCommand(command: string, args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {}): Promise<CommandResult> {
  return new Promise((resolve) => {
    const child = execFile(command, [...args], { cwd: options.cwd, env: options.env }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, output: stdout + stderr }),
    );
    if (options.input !== undefined) child.stdin!.end(options.input);
  });
}
