/** The offline query checker: every expression of rules and dashboards passes through here. */
import { analyze } from './analyze.ts';
import type { QueryContext } from './context.ts';
import { histogramQuantileCheck } from './checks/histogram-quantile.ts';
import { labelValueCheck } from './checks/label-value.ts';
import { quantileRangeCheck } from './checks/quantile-range.ts';
import type { QueryCheck } from './checks/query-check.ts';
import { rangeWindowCheck } from './checks/range-window.ts';
import { rateTypeCheck } from './checks/rate-type.ts';
import { syntaxCheck } from './checks/syntax.ts';
import { unknownLabelCheck } from './checks/unknown-label.ts';
import { unknownMetricCheck } from './checks/unknown-metric.ts';

export const QUERY_CHECKS: readonly QueryCheck[] = [
  syntaxCheck,
  unknownMetricCheck,
  unknownLabelCheck,
  labelValueCheck,
  rateTypeCheck,
  histogramQuantileCheck,
  quantileRangeCheck,
  rangeWindowCheck,
];

export interface QueryProblem {
  /** The query check's id. */
  readonly check: string;
  readonly message: string;
}

export function checkQuery(expr: string, context: QueryContext, checks: readonly QueryCheck[] = QUERY_CHECKS): QueryProblem[] {
  const analysis = analyze(expr, context);
  return checks.flatMap((check) => check.run(analysis, context).map((message) => ({ check: check.id, message })));
}
