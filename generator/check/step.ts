/** A step of `sextant check`: one tool or check over the project, with the outcome the report prints. */
import type { CheckContext } from './context.ts';

export type StepOutcome =
  | { readonly status: 'ok'; /** What was checked: `23 files`. */ readonly note?: string }
  | { readonly status: 'failed'; /** The problems, causes first, as the user reads them. */ readonly lines: readonly string[] }
  | { readonly status: 'not run'; readonly reason: string };

export interface CheckStep {
  readonly id: string;
  /** What the step runs, as the report names it: `promtool test rules`. */
  readonly title: string;
  run(context: CheckContext): Promise<StepOutcome>;
}

export const passed = (note?: string): StepOutcome => ({ status: 'ok', note });
export const failed = (lines: readonly string[]): StepOutcome => ({ status: 'failed', lines });

/** The lines of a tool's output worth showing: not the blank ones, not its progress lines. */
export function toolSaid(output: string, progress: RegExp = /^(Checking |SUCCESS|Unit Testing:)/): string[] {
  return output
    .split('\n')
    .map((line) => line.trimEnd())
    .filter((line) => line.trim() !== '' && !progress.test(line.trim()));
}
