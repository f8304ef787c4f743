import type { Analysis } from '../analyze.ts';
import type { QueryContext } from '../context.ts';

/** One rule of the query checker, in a module of its own with its own case table. */
export interface QueryCheck {
  readonly id: string;
  readonly summary: string;
  run(analysis: Analysis, context: QueryContext): string[];
}

export function listLabels(labels: ReadonlySet<string>): string {
  return [...labels].sort().join(', ') || 'none';
}
