/** Real servers for tests: the native stack's process helpers, shared. */
import { startProcess, type RunningProcess } from '../../generator/stack/process.ts';

export { freePort, waitFor } from '../../generator/stack/process.ts';

export type Server = RunningProcess;

export function startServer(command: string, args: readonly string[], url: string, readyPath: string): Promise<Server> {
  return startProcess({ name: command, command, args, url, readyPath });
}
