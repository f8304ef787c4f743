/**
 * Whether an alert expression has a condition: Prometheus fires for every series the expression
 * returns, so `rate(x[5m])` alone fires for all of them, always. A condition is a comparison
 * without `bool`, absent()/absent_over_time(), or a filter (`and`, `unless`); it may sit under
 * functions, aggregations and arithmetic that keep only the series it lets through.
 */
import type { SyntaxNode } from '@lezer/common';
import { parsePromql } from './parse.ts';
import { operands as children, operatorOf } from './syntax-nodes.ts';

export type ConditionVerdict = { readonly ok: true } | { readonly ok: false; readonly reason: string };

const COMPARISON = /^(Eql|Neq|Lss|Gtr|Lte|Gte)$/;
const FILTERS = /^(And|Unless)$/;
const ARITHMETIC = /^(Add|Sub|Mul|Div|Mod|Pow|Atan2)$/;
/** Functions that return a series only where their argument has one: a condition inside still filters. */
const PASS_THROUGH_AGGREGATES = new Set(['sum', 'min', 'max', 'avg', 'count', 'group', 'stddev', 'stdvar', 'quantile', 'topk', 'bottomk', 'limitk', 'limit_ratio', 'count_values']);

export function alertCondition(expr: string): ConditionVerdict {
  const tree = parsePromql(expr);
  let hasError = false;
  tree.iterate({ enter: (node) => void (node.type.isError && (hasError = true)) });
  if (hasError) return { ok: true }; // the syntax check reports it
  const top = tree.topNode.firstChild;
  if (!top) return { ok: true };
  if (heartbeat(top, expr)) return { ok: true };
  return verdict(top, expr);
}

/** Whether the whole expression is a heartbeat (`vector(1)`): it reads no series and fires always. */
export function isHeartbeat(expr: string): boolean {
  const top = parsePromql(expr).topNode.firstChild;
  return top !== null && heartbeat(top, expr);
}

/**
 * `vector(1)` as the whole expression: a heartbeat (the mixins' Watchdog) that fires always by
 * design, to prove alerts reach their receiver. Anywhere else a constant is no condition.
 */
function heartbeat(node: SyntaxNode, expr: string): boolean {
  const inner = children(node)[0];
  if (node.name === 'ParenExpr') return inner !== undefined && heartbeat(inner, expr);
  const identifier = node.name === 'FunctionCall' ? node.getChild('FunctionIdentifier') : null;
  const args = node.getChild('FunctionCallBody');
  return identifier !== null && expr.slice(identifier.from, identifier.to) === 'vector' && args !== null && children(args).every((arg) => arg.name === 'NumberDurationLiteral' || arg.name === 'NumberLiteral');
}

function verdict(node: SyntaxNode, expr: string): ConditionVerdict {
  const operands = children(node);
  switch (node.name) {
    case 'ParenExpr':
    case 'OffsetExpr':
    case 'StepInvariantExpr':
    case 'UnaryExpr':
    case 'SubqueryExpr':
      return operands[0] ? verdict(operands[0], expr) : { ok: true };
    case 'BinaryExpr': {
      const operator = operatorOf(node);
      if (COMPARISON.test(operator)) {
        if (node.getChild('BoolModifier')) {
          return { ok: false, reason: '`bool` turns the comparison into 0 or 1 for every series, so every series fires; drop `bool` to keep only the series that pass' };
        }
        return { ok: true };
      }
      if (FILTERS.test(operator)) return { ok: true };
      const [left, right] = operands.map((operand) => verdict(operand, expr));
      // `or` fires where either side does: both need a condition. Arithmetic keeps a side's filtering.
      if (operator === 'Or') return left!.ok ? right! : left!;
      if (ARITHMETIC.test(operator) && (left!.ok || right!.ok)) return { ok: true };
      return none(expr);
    }
    case 'FunctionCall': {
      const fn = expr.slice(node.getChild('FunctionIdentifier')!.from, node.getChild('FunctionIdentifier')!.to);
      if (fn === 'absent' || fn === 'absent_over_time') return { ok: true };
      const body = node.getChild('FunctionCallBody');
      const args = body ? children(body) : [];
      return args.some((arg) => verdict(arg, expr).ok) ? { ok: true } : none(expr);
    }
    case 'AggregateExpr': {
      const op = expr.slice(node.getChild('AggregateOp')!.from, node.getChild('AggregateOp')!.to);
      const body = node.getChild('FunctionCallBody');
      const args = body ? children(body) : [];
      const input = args[args.length - 1];
      return PASS_THROUGH_AGGREGATES.has(op) && input && verdict(input, expr).ok ? { ok: true } : none(expr);
    }
    default:
      return none(expr);
  }
}

function none(expr: string): ConditionVerdict {
  const shown = expr.trim().replace(/\s+/g, ' ');
  return {
    ok: false,
    reason: `'${shown.length > 80 ? `${shown.slice(0, 77)}…` : shown}' has no condition: Prometheus fires for every series an expression returns, so this fires for all of them, all the time. Compare it with a threshold (> …), or filter it (and, unless, absent())`,
  };
}
