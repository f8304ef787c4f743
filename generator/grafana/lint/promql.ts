/**
 * The parts of a PromQL query the linter's rules look at, read with lezer-promql and reported the way
 * Prometheus' own parser shapes them (dashboard-linter uses that parser): an offset or `@` belongs to
 * its selector, and a call's arguments are its direct children.
 */
import type { SyntaxNode } from '@lezer/common';
import { parsePromql } from '../../promql/parse.ts';

export interface Matcher {
  readonly name: string;
  readonly op: string;
  readonly value: string;
}

export interface LintSelector {
  /** As Prometheus prints it without modifiers: `name{matchers}`, or the bare name. */
  readonly text: string;
  /** Has an offset or `@`, which Prometheus prints after the selector. */
  readonly modified: boolean;
  readonly name: string;
  readonly matchers: readonly Matcher[];
  /** The range selector it sits in, if any. */
  readonly range: LintRange | undefined;
}

export interface LintRange {
  readonly window: string;
  /** The function the range is a direct argument of; null at the top level; undefined inside anything else. */
  readonly call: string | null | undefined;
}

export interface ParsedQuery {
  readonly syntaxError: string | undefined;
  readonly selectors: readonly LintSelector[];
  readonly ranges: readonly LintRange[];
}

/** Wrappers lezer adds where Prometheus has none: call bodies, and modifiers it keeps on the selector. */
const TRANSPARENT = new Set(['FunctionCallBody', 'OffsetExpr', 'StepInvariantExpr']);

export function parseQuery(expr: string): ParsedQuery {
  const tree = parsePromql(expr);
  let syntaxError: string | undefined;
  const selectors: LintSelector[] = [];
  const ranges: LintRange[] = [];
  tree.iterate({
    enter(ref) {
      if (ref.type.isError && syntaxError === undefined) syntaxError = `syntax error at character ${ref.from + 1}`;
      if (ref.name === 'MatrixSelector') ranges.push(rangeOf(ref.node, expr));
      if (ref.name === 'VectorSelector') selectors.push(selectorOf(ref.node, expr));
    },
  });
  if (expr.trim() === '') syntaxError = 'empty query';
  return { syntaxError, selectors, ranges };
}

function selectorOf(node: SyntaxNode, expr: string): LintSelector {
  const name = text(node.getChild('Identifier'), expr);
  const matchers: Matcher[] = [];
  for (const matcher of node.getChild('LabelMatchers')?.getChildren('UnquotedLabelMatcher') ?? []) {
    matchers.push({ name: text(matcher.getChild('LabelName'), expr), op: text(matcher.getChild('MatchOp'), expr), value: unquote(text(matcher.getChild('StringLiteral'), expr)) });
  }
  const shown = matchers.length > 0 ? `${name}{${matchers.map((m) => `${m.name}${m.op}${JSON.stringify(m.value)}`).join(', ')}}` : name;
  const modified = node.parent?.name === 'OffsetExpr' || node.parent?.name === 'StepInvariantExpr';
  const range = node.parent?.name === 'MatrixSelector' ? rangeOf(node.parent, expr) : undefined;
  return { text: shown, modified, name, matchers, range };
}

function rangeOf(node: SyntaxNode, expr: string): LintRange {
  const window = text(node.lastChild, expr);
  let parent = node.parent;
  while (parent && TRANSPARENT.has(parent.name)) parent = parent.parent;
  if (!parent || parent.name === 'PromQL') return { window, call: null };
  if (parent.name !== 'FunctionCall') return { window, call: undefined };
  return { window, call: text(parent.getChild('FunctionIdentifier'), expr) };
}

const text = (node: SyntaxNode | null | undefined, expr: string): string => (node ? expr.slice(node.from, node.to) : '');

function unquote(literal: string): string {
  if (literal.startsWith('"')) {
    try {
      return JSON.parse(literal) as string;
    } catch {
      return literal.slice(1, -1);
    }
  }
  return literal.slice(1, -1);
}
