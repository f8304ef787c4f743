import type { RangeCall } from '../analyze.ts';
import type { QueryCheck } from './query-check.ts';

/** Functions of a counter's running total, and what a gauge takes instead (resets: "should only be used with counters"). */
const COUNTER_FUNCTIONS: Readonly<Record<string, string>> = { rate: 'deriv()', irate: 'deriv()', increase: 'delta()', resets: 'changes()' };
/** Functions of a gauge's level (Prometheus: "should only be used with gauges"), and what a counter takes instead. */
const GAUGE_FUNCTIONS: Readonly<Record<string, string>> = {
  delta: 'increase()',
  idelta: 'irate()',
  deriv: 'rate()',
  predict_linear: 'it over rate() in a subquery',
  holt_winters: 'it over rate() in a subquery',
  double_exponential_smoothing: 'it over rate() in a subquery',
};

export const rateTypeCheck: QueryCheck = {
  id: 'promql-rate-type',
  summary:
    'rate, irate, increase and resets read raw counters (a histogram\'s or summary\'s _bucket, _sum and _count included); delta, idelta, deriv, predict_linear and double_exponential_smoothing read gauges. Seen through offset, @, parentheses, subqueries and recording rules.',
  fix: 'Use rate(), irate() or increase() on counters, and delta(), deriv() or predict_linear() on gauges, as the message suggests.',
  run(analysis) {
    return analysis.rangeCalls.flatMap((call) => {
      const problem = call.fn in COUNTER_FUNCTIONS ? counterProblem(call) : gaugeProblem(call);
      return problem ? [problem] : [];
    });
  },
};

function counterProblem({ fn, text, argument }: RangeCall): string | undefined {
  const { type, selector } = argument;
  if (selector?.series && type === 'gauge') {
    return `${fn}() over ${selector.series.type} ${selector.name} in ${text}: ${fn} only makes sense for counters; use ${COUNTER_FUNCTIONS[fn]} for a gauge`;
  }
  if (selector?.recording && type === 'gauge') {
    return `${fn}() over recording rule ${selector.name} in ${text}: the rule records a level (a rate, a ratio, a gauge), not a counter; take the ${fn} of the raw counter, or ${COUNTER_FUNCTIONS[fn]} of the level`;
  }
  if (selector?.recording) return `${fn}() over recording rule ${selector.name} in ${text}: take the ${fn} of the raw counter first, then aggregate`;
  if (!selector && type === 'gauge') {
    return `${fn}() over computed values in ${text}: they are a level (a rate, a ratio, a gauge), not a counter's running total; take the ${fn} of the raw counter`;
  }
  if (!selector && type === 'counter') {
    return `${fn}() over an aggregation of counters in ${text}: a reset of one counter reads as a fall of the whole; take the ${fn} of each raw counter first, then aggregate`;
  }
  return undefined;
}

function gaugeProblem({ fn, text, argument }: RangeCall): string | undefined {
  if (argument.type !== 'counter') return undefined;
  const what = argument.selector?.series
    ? `${argument.selector.series.type} ${argument.selector.name}`
    : argument.selector
      ? `recording rule ${argument.selector.name}, which records counters,`
      : 'an aggregation of counters';
  return `${fn}() over ${what} in ${text}: ${fn} only makes sense for gauges (a counter reset reads as a fall); use ${GAUGE_FUNCTIONS[fn]} for a counter`;
}
