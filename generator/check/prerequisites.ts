/** What a tool step needs before it runs: its program, then the rendered files. */
import { missingToolMessage } from '../tools.ts';
import type { CheckContext } from './context.ts';
import { failed, type StepOutcome } from './step.ts';

export const NOT_RENDERED: StepOutcome = { status: 'not run', reason: 'the definitions are invalid (see validation)' };

/** The program's path, or the failure that says how to get it: a missing tool never passes. */
export function requireTool(context: CheckContext, name: string): string | StepOutcome {
  return context.tool(name) ?? failed([missingToolMessage(name, context.root)]);
}
