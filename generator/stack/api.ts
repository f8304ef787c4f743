/**
 * `sextant/stack`: the native stack for a project's own script, such as one that runs `sextant
 * stack` with the project's services started too (`services`: a command per scrape job).
 */
export { startStack, STACK_DATA_DIR, type LocalService, type RunningPart, type Stack, type StackOptions } from './index.ts';
export { runStack, type StackArgs } from './run.ts';
export { describeHealth, describeStack, stackHealth, waitUntilScraped, type StackHealth, type TargetHealth } from './report.ts';
export { ensureGenerated } from './generated.ts';
export { freePort, startProcess, waitFor, type RunningProcess, type StartOptions } from './process.ts';
export { alertmanagerCommand, type Command } from './tools.ts';
