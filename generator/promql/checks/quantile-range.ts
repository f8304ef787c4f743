import type { QueryCheck } from './query-check.ts';

/**
 * φ of histogram_quantile, quantile_over_time and quantile is a fraction: outside 0–1 Prometheus
 * answers +Inf or -Inf, so `histogram_quantile(95, …)` is +Inf and an alert on it fires for ever. Only a φ the
 * query fixes (a literal, or arithmetic on literals) can be judged here; `scalar(…)` or a
 * dashboard variable is known to the server alone, and passes.
 */
export const quantileRangeCheck: QueryCheck = {
  id: 'promql-quantile-range',
  summary: 'φ of histogram_quantile, quantile_over_time and quantile lies in 0–1, where the query fixes it (a literal, or arithmetic on literals; scalar(…) cannot be judged offline).',
  fix: 'Write φ between 0 and 1: 0.95 for the 95th percentile, not 95.',
  run(analysis) {
    const problems: string[] = [];
    for (const { fn, text, argument, value } of analysis.quantileArguments) {
      if (value === undefined || (value >= 0 && value <= 1)) continue;
      const hint = value > 1 && value < 100 ? ` (${Number((value / 100).toPrecision(6))} for the ${ordinal(value)} percentile)` : '';
      problems.push(`${fn}() with φ ${argument} in ${text}: φ must be between 0 and 1${hint}; outside it the result is ±Inf (or NaN)`);
    }
    return problems;
  },
};

function ordinal(n: number): string {
  const suffix = !Number.isInteger(n) || Math.floor(n / 10) % 10 === 1 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${suffix}`;
}
