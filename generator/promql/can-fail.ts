/**
 * Whether evaluating an expression can fail on some data, as opposed to always answering (possibly
 * with nothing). PromQL refuses a vector match with several series per key on a side that must have
 * one (many-to-many, one-to-one duplicates) and a result holding one label set twice. A selector
 * with a fixed name yields unique label sets, and arithmetic, functions and aggregations over such
 * series keep them unique; so only three things let data make an evaluation fail: a match narrowed
 * by `on()`/`ignoring()` (with or without group_left/right) between two vectors, a label_replace or
 * label_join, and a selector whose name is not fixed (the names dropped could merge series). A text
 * that does not parse can fail.
 */
import { parsePromql } from './parse.ts';
import { selectorsIn } from './selectors.ts';

const RELABELLING = new Set(['label_replace', 'label_join']);
const SET_OPERATORS = new Set(['And', 'Or', 'Unless']);

export function canFailOnData(expr: string): boolean {
  const selectors = selectorsIn(expr);
  if (!selectors || selectors.some((selector) => selector.name === '')) return true;
  let found = false;
  parsePromql(expr).iterate({
    enter(node) {
      if (found) return false;
      if (node.name === 'FunctionIdentifier' && RELABELLING.has(expr.slice(node.from, node.to))) found = true;
      if (node.name === 'BinaryExpr') {
        const parts: string[] = [];
        for (let child = node.node.firstChild; child; child = child.nextSibling) parts.push(child.name);
        if (parts.includes('MatchingModifierClause') && !parts.some((part) => SET_OPERATORS.has(part))) found = true;
      }
      return undefined;
    },
  });
  return found;
}
