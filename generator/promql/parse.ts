/**
 * The one way the engine parses PromQL: every check that reads the syntax tree of an expression
 * (analysis, conditions, value ranges, test timing, the dashboard linter) asks here, so each text
 * is parsed once per run. lezer trees are immutable, so sharing them is safe.
 */
import type { Tree } from '@lezer/common';
import { parser } from '@prometheus-io/lezer-promql';

const trees = new Map<string, Tree>();

export function parsePromql(expr: string): Tree {
  let tree = trees.get(expr);
  if (!tree) trees.set(expr, (tree = parser.parse(expr)));
  return tree;
}
