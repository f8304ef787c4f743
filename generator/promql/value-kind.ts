/**
 * Whether an expression's values are a counter's running total or a gauge's level, so that rate()
 * of a gauge, or deriv() of a counter, is found however it is written: through parentheses,
 * `offset`, `@`, a subquery, a recording rule, or an aggregation.
 */
import type { SyntaxNode } from '@lezer/common';
import type { Selector } from './analyze.ts';
import type { SeriesInfo } from './context.ts';
import { argumentsOf, children, isExpression, unwrap } from './tree.ts';

export type ValueType = 'counter' | 'gauge' | 'unknown';

export interface ValueKind {
  readonly type: ValueType;
  /** The selector whose samples reach the result unchanged, when there is one (not an aggregation or arithmetic). */
  readonly selector: Selector | undefined;
}

const UNKNOWN: ValueKind = { type: 'unknown', selector: undefined };
/** Functions that reorder or relabel series without touching their values. */
const VALUE_KEEPING = new Set(['label_replace', 'label_join', 'sort', 'sort_desc', 'sort_by_label', 'sort_by_label_desc']);
/** Aggregations that pick whole series out of their input. */
const SELECTING = new Set(['topk', 'bottomk', 'limitk', 'limit_ratio']);
/** Aggregations whose result is still a sum of running totals when their input is one. */
const COMBINING = new Set(['sum', 'min', 'max', 'avg']);
/** Operators that let samples through or not, unchanged. */
const FILTERS = new Set(['Eql', 'Neq', 'Gtr', 'Lss', 'Gte', 'Lte', 'And', 'Unless']);

/** A catalogue series: histogram and summary _bucket, _sum and _count series are counters; a summary's quantiles are gauges. */
export function seriesType(series: SeriesInfo): ValueType {
  if (series.type === 'untyped') return 'unknown';
  if (series.suffix !== '') return 'counter';
  return series.type === 'counter' ? 'counter' : 'gauge';
}

export function valueKind(node: SyntaxNode, text: (node: SyntaxNode) => string, selectorAt: (node: SyntaxNode) => Selector | undefined): ValueKind {
  const kind = (of: SyntaxNode | undefined): ValueKind => (of ? valueKind(of, text, selectorAt) : UNKNOWN);
  const computed = (type: ValueType): ValueKind => ({ type, selector: undefined });
  const inner = unwrap(node);
  switch (inner.name) {
    case 'PromQL':
    case 'SubqueryExpr':
      return kind(children(inner).find(isExpression));
    case 'MatrixSelector':
      return kind(inner.getChild('VectorSelector') ?? undefined);
    case 'VectorSelector': {
      const selector = selectorAt(inner);
      const type = selector?.series ? seriesType(selector.series) : (selector?.recording?.type ?? 'unknown');
      return { type, selector };
    }
    case 'FunctionCall': {
      const fn = text(inner.getChild('FunctionIdentifier')!);
      // Everything else a function computes (a rate, a derivative, a rounded value) is a level, not a running total.
      return VALUE_KEEPING.has(fn) ? kind(argumentsOf(inner)[0]) : computed('gauge');
    }
    case 'AggregateExpr': {
      const op = text(inner.getChild('AggregateOp')!);
      const args = argumentsOf(inner);
      const input = kind(args[args.length - 1]);
      if (SELECTING.has(op)) return input;
      return computed(COMBINING.has(op) ? input.type : 'gauge');
    }
    case 'BinaryExpr': {
      const [left, right] = children(inner).filter(isExpression).map(kind);
      if (!left || !right) return UNKNOWN;
      if (inner.getChild('BoolModifier')) return computed('gauge');
      // A filter keeps the samples it lets through (`5 < x` keeps x's).
      if (children(inner).some((child) => FILTERS.has(child.name))) return left.selector || left.type !== 'unknown' ? left : right;
      const types = [left.type, right.type].filter((type) => type !== 'unknown');
      return computed(types.includes('gauge') ? 'gauge' : types.includes('counter') ? 'counter' : 'unknown');
    }
    case 'UnaryExpr':
      return computed('gauge');
    default:
      return UNKNOWN;
  }
}
