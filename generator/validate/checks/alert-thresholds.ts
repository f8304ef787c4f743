import type { Problem } from '../../problems.ts';
import { seriesRangesOf } from '../../promql/model-ranges.ts';
import { valueRanges, type Comparison, type Range } from '../../promql/value-range.ts';
import type { Check } from '../check.ts';
import { alertProblem, allAlerts, allRecordings, recordingProblem } from '../rule-problem.ts';

export const alertThresholdsCheck: Check = {
  id: 'alert-thresholds',
  summary:
    'Comparisons in rules can go either way: a threshold outside the values a quantity can take (a negative rate, count, size or duration; a ratio above 1 or below 0) makes the comparison never true, or true for every series; so does a threshold of NaN.',
  fix: 'Choose a threshold the quantity can reach: rates, counts, sizes and durations are never negative, and ratios lie between 0 and 1.',
  run(model) {
    const ranges = seriesRangesOf(model);
    const problems: Problem[] = [];
    for (const alert of allAlerts(model.rules)) {
      for (const comparison of valueRanges(alert.expr, ranges).comparisons) {
        const message = judge(comparison, 'the alert would never fire', 'the alert would fire for every series, always');
        if (message) problems.push(alertProblem(alert, this.id, message));
      }
    }
    for (const rule of allRecordings(model.rules)) {
      for (const comparison of valueRanges(rule.expr, ranges).comparisons) {
        const message = judge(comparison, 'the rule would record nothing', 'the comparison filters nothing');
        if (message) problems.push(recordingProblem(rule, this.id, message));
      }
    }
    return problems;
  },
};

/** Why a comparison is vacuous, or undefined when it can go either way (or its ranges are unknown). */
function judge(comparison: Comparison, never: string, always: string): string | undefined {
  if (comparison.bool) return undefined;
  const { op, left, right } = comparison;
  // NaN compares false with everything (and != with everything): whatever the quantity, the outcome is fixed.
  const nan = [left, right].find((side) => /^[\s(]*[+-]?nan[\s)]*$/i.test(side.text));
  if (nan) return `the threshold ${nan.text} is not a number: every comparison with NaN is ${op === '!=' ? `true, so ${always}` : `false, so ${never}`}. Compare with a number`;
  const constant = (range: Range) => range.lo === range.hi;
  // Put the quantity on the left: `0.5 < x` is `x > 0.5`.
  const [quantity, threshold, operator] = constant(left.range) && !constant(right.range) ? [right, left, mirror(op)] : [left, right, op];
  if (!quantity.range.why) return undefined;
  const { lo, hi } = quantity.range;
  const t = threshold.range;
  const isNever = { '>': hi <= t.lo, '>=': hi < t.lo, '<': lo >= t.hi, '<=': lo > t.hi, '==': hi < t.lo || lo > t.hi, '!=': constant(t) && lo === hi && lo === t.lo }[operator];
  // "Always" is only certain against a single threshold: two vectors may not even match.
  const isAlways = constant(t) && { '>': lo > t.lo, '>=': lo >= t.lo, '<': hi < t.lo, '<=': hi <= t.lo, '==': lo === hi && lo === t.lo, '!=': t.lo < lo || t.lo > hi }[operator];
  if (!isNever && !isAlways) return undefined;
  const shownQuantity = short(quantity.text);
  const values = `${shownQuantity} is ${quantity.range.why} (${interval(quantity.range)})`;
  const cause = constant(t) && t.lo < 0 && lo >= 0 ? `the threshold ${threshold.text} is negative, but ${values}` : values;
  const outcome = isNever ? `can never be true: ${never}` : `is always true: ${always}`;
  return `${cause}, so '${shownQuantity} ${operator} ${short(threshold.text)}' ${outcome}. Compare with a threshold within ${interval(quantity.range)}`;
}

function mirror(op: Comparison['op']): Comparison['op'] {
  return ({ '>': '<', '<': '>', '>=': '<=', '<=': '>=', '==': '==', '!=': '!=' } as const)[op];
}

function interval(range: Range): string {
  const show = (n: number) => (n === Infinity ? '∞' : n === -Infinity ? '-∞' : String(n));
  return range.hi === Infinity ? `≥ ${show(range.lo)}` : range.lo === -Infinity ? `≤ ${show(range.hi)}` : `${show(range.lo)}–${show(range.hi)}`;
}

function short(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > 70 ? `${flat.slice(0, 67)}…` : flat;
}
