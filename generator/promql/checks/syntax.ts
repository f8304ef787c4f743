import type { QueryCheck } from './query-check.ts';

export const syntaxCheck: QueryCheck = {
  id: 'promql-syntax',
  summary: 'The expression parses as PromQL.',
  run: (analysis) => [...analysis.syntaxErrors],
};
