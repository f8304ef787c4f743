/**
 * The values an expression can take, as an interval inferred bottom-up: counters, rates and sizes
 * are never negative, ratios stay within 0–1, arithmetic combines intervals. Each interval carries
 * the reason in words, so a check can say why a comparison against it is vacuous. Anything not
 * modelled is unbounded: the inference only ever claims what holds for every series.
 */
import type { SyntaxNode } from '@lezer/common';
import { parsePromql } from './parse.ts';
import { durationSeconds } from './duration.ts';
import { operands, operatorOf } from './syntax-nodes.ts';

export interface Range {
  readonly lo: number;
  readonly hi: number;
  /** Why the values are bounded: "a rate, never negative". Empty when unbounded. */
  readonly why: string;
}

export interface Comparison {
  readonly op: '>' | '<' | '>=' | '<=' | '==' | '!=';
  readonly bool: boolean;
  readonly left: { readonly text: string; readonly range: Range };
  readonly right: { readonly text: string; readonly range: Range };
}

/** The range of a series by name (a catalogue series or a recording rule); undefined when unknown. */
export type SeriesRanges = (name: string) => Range | undefined;

export const ANY: Range = { lo: -Infinity, hi: Infinity, why: '' };
const NON_NEGATIVE = (why: string): Range => ({ lo: 0, hi: Infinity, why });

const COMPARISONS: Readonly<Record<string, Comparison['op']>> = { Gtr: '>', Lss: '<', Gte: '>=', Lte: '<=', Eql: '==', Neq: '!=' };
/** Functions whose values are those of their (first vector) argument, or within them. */
const SAME_VALUES = new Set([
  'avg_over_time', 'min_over_time', 'max_over_time', 'last_over_time', 'quantile_over_time', 'sort', 'sort_desc',
  'label_replace', 'label_join', 'scalar', 'sort_by_label', 'sort_by_label_desc',
]);
const NEVER_NEGATIVE: Readonly<Record<string, string>> = {
  rate: 'a rate, never negative', irate: 'a rate, never negative', increase: 'an increase of a counter, never negative',
  changes: 'a count of changes', resets: 'a count of resets', count_over_time: 'a count of samples', present_over_time: '1 where present',
  stddev_over_time: 'a standard deviation', stdvar_over_time: 'a variance', abs: 'an absolute value', sqrt: 'a square root',
  time: 'a timestamp', timestamp: 'a timestamp', absent: '1 where absent', absent_over_time: '1 where absent',
  histogram_count: 'a count of observations',
};

/** The range of an expression's values and every comparison in it. */
export function valueRanges(expr: string, ranges: SeriesRanges): { range: Range; comparisons: Comparison[] } {
  const comparisons: Comparison[] = [];
  const text = (node: SyntaxNode) => expr.slice(node.from, node.to).trim();

  const visit = (node: SyntaxNode): Range => {
    switch (node.name) {
      case 'PromQL':
      case 'ParenExpr':
      case 'OffsetExpr':
      case 'StepInvariantExpr':
      case 'SubqueryExpr':
      case 'MatrixSelector': {
        const inner = operands(node)[0];
        return inner ? visit(inner) : ANY;
      }
      case 'UnaryExpr': {
        const inner = operands(node)[0];
        const range = inner ? visit(inner) : ANY;
        return node.getChild('UnaryOp') && text(node).startsWith('-') ? { lo: -range.hi, hi: -range.lo, why: range.why && `minus ${range.why}` } : range;
      }
      case 'NumberDurationLiteral':
      case 'NumberLiteral': {
        const value = numberOf(text(node));
        return value === undefined ? ANY : { lo: value, hi: value, why: '' };
      }
      case 'VectorSelector': {
        const name = nameOf(node, expr);
        return (name && ranges(name)) || ANY;
      }
      case 'FunctionCall':
        return call(node);
      case 'AggregateExpr':
        return aggregate(node);
      case 'BinaryExpr':
        return binary(node);
      default:
        operands(node).forEach(visit);
        return ANY;
    }
  };

  const call = (node: SyntaxNode): Range => {
    const fn = text(node.getChild('FunctionIdentifier')!);
    const body = node.getChild('FunctionCallBody');
    const args = body ? operands(body) : [];
    const values = args.map(visit);
    const first = values.find((_, i) => args[i]!.name !== 'StringLiteral') ?? ANY;
    if (fn === 'absent' || fn === 'absent_over_time') return { lo: 1, hi: 1, why: 'always 1 where absent' };
    if (NEVER_NEGATIVE[fn]) return NON_NEGATIVE(NEVER_NEGATIVE[fn]!);
    if (SAME_VALUES.has(fn)) return first;
    if (fn === 'sum_over_time') return sumOf(first);
    if (fn === 'histogram_quantile' || fn === 'histogram_sum' || fn === 'histogram_avg') return bucketUnit(args[fn === 'histogram_quantile' ? 1 : 0], expr, ranges);
    if (fn === 'vector') return first;
    if (fn === 'clamp_min') return clamp(first, values[1]?.lo, undefined);
    if (fn === 'clamp_max') return clamp(first, undefined, values[1]?.hi);
    if (fn === 'clamp') return clamp(first, values[1]?.lo, values[2]?.hi);
    if (fn === 'ceil' || fn === 'floor' || fn === 'round') return { lo: Math.floor(first.lo), hi: Math.ceil(first.hi), why: first.why };
    return ANY;
  };

  const aggregate = (node: SyntaxNode): Range => {
    const op = text(node.getChild('AggregateOp')!);
    const body = node.getChild('FunctionCallBody');
    const args = body ? operands(body) : [];
    const values = args.map(visit);
    const input = values[values.length - 1] ?? ANY;
    if (op === 'sum') return sumOf(input);
    if (op === 'count' || op === 'count_values') return NON_NEGATIVE('a count of series');
    if (op === 'group') return { lo: 1, hi: 1, why: 'always 1' };
    if (op === 'stddev' || op === 'stdvar') return NON_NEGATIVE('a spread of values');
    if (['avg', 'min', 'max', 'quantile', 'topk', 'bottomk', 'limitk', 'limit_ratio'].includes(op)) return input;
    return ANY;
  };

  const binary = (node: SyntaxNode): Range => {
    const [leftNode, rightNode] = operands(node);
    const left = leftNode ? visit(leftNode) : ANY;
    const right = rightNode ? visit(rightNode) : ANY;
    const operator = operatorOf(node);
    const comparison = COMPARISONS[operator];
    if (comparison) {
      const bool = node.getChild('BoolModifier') !== null;
      comparisons.push({ op: comparison, bool, left: { text: text(leftNode!), range: left }, right: { text: text(rightNode!), range: right } });
      if (bool) return { lo: 0, hi: 1, why: 'a comparison with bool: 0 or 1' };
      // A filter keeps the values of its vector side that pass.
      return left.lo === left.hi ? right : left;
    }
    if (operator === 'And' || operator === 'Unless') return left;
    if (operator === 'Or') return { lo: Math.min(left.lo, right.lo), hi: Math.max(left.hi, right.hi), why: left.why === right.why ? left.why : '' };
    if (operator === 'Add') return combine(left.lo + right.lo, left.hi + right.hi, left, right);
    if (operator === 'Sub') return combine(left.lo - right.hi, left.hi - right.lo, left, right);
    if (operator === 'Mul') return product(left, right);
    if (operator === 'Div') {
      if (left.lo >= 0 && right.lo >= 0 && isPartOf(text(leftNode!), text(rightNode!))) {
        return { lo: 0, hi: 1, why: 'a share: its numerator selects part of the series of its denominator' };
      }
      return quotient(left, right);
    }
    return ANY;
  };

  const tree = parsePromql(expr);
  let broken = false;
  tree.iterate({ enter: (node) => void (node.type.isError && (broken = true)) });
  if (broken) return { range: ANY, comparisons: [] }; // the syntax check reports it
  return { range: visit(tree.topNode), comparisons };
}

function nameOf(node: SyntaxNode, expr: string): string | undefined {
  const identifier = node.getChild('Identifier');
  if (identifier) return expr.slice(identifier.from, identifier.to);
  const match = /__name__\s*=\s*"([^"]+)"/.exec(expr.slice(node.from, node.to));
  return match?.[1];
}

function numberOf(text: string): number | undefined {
  const lower = text.toLowerCase().replace(/^\+/, '');
  if (/^-?inf$/.test(lower)) return lower.startsWith('-') ? -Infinity : Infinity;
  if (lower === 'nan') return undefined;
  const seconds = durationSeconds(text.replace(/^[+-]/, ''));
  if (seconds !== undefined && /[a-z]$/i.test(text)) return text.startsWith('-') ? -seconds : seconds;
  const value = Number(text);
  return Number.isNaN(value) ? undefined : value;
}

/** histogram_quantile and histogram_sum are in the unit of the histogram's buckets. */
function bucketUnit(arg: SyntaxNode | undefined, expr: string, ranges: SeriesRanges): Range {
  if (!arg) return ANY;
  const names = [...expr.slice(arg.from, arg.to).matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)_bucket\b/g)].map((m) => m[1]!);
  const units = names.map((name) => ranges(`${name}_sum`) ?? ANY);
  return units.length > 0 && units.every((range) => range.lo >= 0) ? { ...units[0]!, hi: Math.max(...units.map((r) => r.hi)) } : ANY;
}

function sumOf(range: Range): Range {
  if (range.lo >= 0) return NON_NEGATIVE(range.why && `a sum of ${range.why.replace(/, never negative$/, '')}, never negative`);
  if (range.hi <= 0) return { lo: -Infinity, hi: 0, why: '' };
  return ANY;
}

/**
 * Whether `part` is `whole` with more matchers: `sum(rate(x{code=~"5.."}[5m]))` of
 * `sum(rate(x[5m]))`. The same expression over fewer series of a quantity never negative is at most all of it.
 */
function isPartOf(part: string, whole: string): boolean {
  const matchers = (text: string) => new Set([...text.matchAll(/\{([^}]*)\}/g)].flatMap((m) => m[1]!.split(',').map((x) => x.replace(/\s+/g, ''))).filter(Boolean));
  const skeleton = (text: string) => text.replace(/\{[^}]*\}/g, '').replace(/\s+/g, '');
  if (skeleton(part) !== skeleton(whole)) return false;
  const [own, all] = [matchers(part), matchers(whole)];
  return [...all].every((m) => own.has(m)) && own.size > all.size;
}

function clamp(range: Range, lo: number | undefined, hi: number | undefined): Range {
  return { lo: Math.max(range.lo, lo ?? -Infinity), hi: Math.min(range.hi, hi ?? Infinity), why: range.why };
}

function combine(lo: number, hi: number, a: Range, b: Range): Range {
  return { lo: Number.isNaN(lo) ? -Infinity : lo, hi: Number.isNaN(hi) ? Infinity : hi, why: a.why || b.why };
}

/** 0 × ∞ is 0 here: a bound times an unbounded side that starts at 0. */
const times = (a: number, b: number) => (a === 0 || b === 0 ? 0 : a * b);

function product(a: Range, b: Range): Range {
  const corners = [times(a.lo, b.lo), times(a.lo, b.hi), times(a.hi, b.lo), times(a.hi, b.hi)];
  return combine(Math.min(...corners), Math.max(...corners), a, b);
}

function quotient(a: Range, b: Range): Range {
  // Dividing by a side that can be 0 gives ±Inf or NaN: only the sign survives.
  if (b.lo >= 0 && a.lo >= 0) return b.lo > 0 && b.hi < Infinity ? combine(a.lo / b.hi, a.hi / b.lo, a, b) : NON_NEGATIVE('a quotient of quantities never negative');
  if (b.lo > 0) return combine(Math.min(a.lo / b.lo, a.lo / b.hi), Math.max(a.hi / b.lo, a.hi / b.hi), a, b);
  return ANY;
}
