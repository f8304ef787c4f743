import type { Analysis } from '../analyze.ts';
import type { QueryContext } from '../context.ts';

/** One rule of the query checker, in a module of its own with its own case table. */
export interface QueryCheck {
  readonly id: string;
  /** What the rule requires, for docs/checks.md and `--help`. */
  readonly summary: string;
  /** What the user does about a refusal, for docs/checks.md. */
  readonly fix: string;
  run(analysis: Analysis, context: QueryContext): string[];
}

export function listLabels(labels: ReadonlySet<string>): string {
  return [...labels].sort().join(', ') || 'none';
}
