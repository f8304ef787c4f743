import type { QueryCheck } from './query-check.ts';

export const syntaxCheck: QueryCheck = {
  id: 'promql-syntax',
  summary: 'The expression parses as PromQL.',
  fix: "Correct the expression where the parser says; try it in Prometheus's expression browser.",
  run: (analysis) => [...analysis.syntaxErrors],
};
