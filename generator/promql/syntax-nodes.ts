/** Binary expressions in lezer-promql's tree: their operands and their operator. */
import type { SyntaxNode } from '@lezer/common';
import { children, isExpression } from './tree.ts';

const OPERATOR = /^(Add|Sub|Mul|Div|Mod|Pow|Eql|Neq|Lss|Gtr|Lte|Gte|And|Or|Unless|Atan2)$/;

/** The child nodes that are expressions: arguments, operands, the inside of parentheses. */
export const operands = (node: SyntaxNode): SyntaxNode[] => children(node).filter(isExpression);

/** The operator of a BinaryExpr by node name (`Gtr`, `And`, `Div`…); '' when there is none. */
export function operatorOf(node: SyntaxNode): string {
  for (let child = node.firstChild; child; child = child.nextSibling) if (OPERATOR.test(child.name)) return child.name;
  return '';
}
