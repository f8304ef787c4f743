/** Reading the lezer-promql syntax tree: which children are expressions, and what a wrapper wraps. */
import type { SyntaxNode } from '@lezer/common';
import { durationSeconds } from './duration.ts';

const NON_EXPRESSIONS = new Set([
  'AggregateOp', 'AggregateModifier', 'FunctionIdentifier', 'MatchingModifierClause', 'BoolModifier', 'DurationExpr',
  'OffsetDurationExpr', 'Offset', 'At', 'Identifier', 'LabelMatchers', 'GroupingLabels', 'UnaryOp', '⚠',
]);
const OPERATORS = /^(Add|Sub|Mul|Div|Mod|Pow|Eql|Neq|Lss|Gtr|Lte|Gte|EqlSingle|EqlRegex|NeqRegex|And|Or|Unless|Atan2)$/;

export function children(node: SyntaxNode): SyntaxNode[] {
  const list: SyntaxNode[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) list.push(child);
  return list;
}

export function isExpression(node: SyntaxNode): boolean {
  return !NON_EXPRESSIONS.has(node.name) && !OPERATORS.test(node.name) && !node.type.isError && node.name !== '(' && node.name !== ')' && node.name !== ',';
}

/** The expression arguments of a function call or aggregation. */
export function argumentsOf(node: SyntaxNode): SyntaxNode[] {
  const body = node.getChild('FunctionCallBody');
  return body ? children(body).filter(isExpression) : [];
}

/**
 * What an expression reads once parentheses, `offset` and `@` are looked through: they move or
 * group the same series without changing what they are.
 */
export function unwrap(node: SyntaxNode): SyntaxNode {
  let current = node;
  while (current.name === 'ParenExpr' || current.name === 'OffsetExpr' || current.name === 'StepInvariantExpr') {
    const inner = children(current).find(isExpression);
    if (!inner) break;
    current = inner;
  }
  return current;
}

const ARITHMETIC: Readonly<Record<string, (a: number, b: number) => number>> = {
  Add: (a, b) => a + b,
  Sub: (a, b) => a - b,
  Mul: (a, b) => a * b,
  Div: (a, b) => a / b,
  Mod: (a, b) => a % b,
  Pow: (a, b) => a ** b,
};

/**
 * The value of a number the query fixes: a literal (`-0.5`, `(1.5)`, `1e-3`, `Inf`) or arithmetic
 * on literals (`95 / 100`); undefined for anything the server computes (`scalar(…)`).
 */
export function literalNumber(node: SyntaxNode, text: (node: SyntaxNode) => string): number | undefined {
  const inner = unwrap(node);
  if (inner.name === 'BinaryExpr') {
    const operator = children(inner).find((child) => child.name in ARITHMETIC);
    const [left, right] = children(inner).filter(isExpression).map((operand) => literalNumber(operand, text));
    return operator && left !== undefined && right !== undefined ? ARITHMETIC[operator.name]!(left, right) : undefined;
  }
  if (inner.name === 'UnaryExpr') {
    const operand = children(inner).find(isExpression);
    const value = operand ? literalNumber(operand, text) : undefined;
    return value === undefined ? undefined : text(inner).trimStart().startsWith('-') ? -value : value;
  }
  if (inner.name !== 'NumberLiteral' && inner.name !== 'NumberDurationLiteral') return undefined;
  const written = text(inner).toLowerCase();
  if (written === 'inf' || written === '+inf') return Infinity;
  if (written === 'nan') return NaN;
  // A duration stands for its seconds where a number is expected (`1m` is 60).
  const value = Number(written);
  return Number.isNaN(value) ? durationSeconds(written) : value;
}
