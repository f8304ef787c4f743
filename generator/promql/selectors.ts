/**
 * Reading a vector selector: its metric name (written before the braces or as `__name__="…"`) and
 * its other matchers. `analyze()` adds what the catalogue knows of the name; `selectorsIn()` lists
 * every selector of a text wherever it sits, for questions that must not miss one (which rules a
 * promtool test needs).
 */
import type { SyntaxNode } from '@lezer/common';
import { parsePromql } from './parse.ts';
import { children } from './tree.ts';

export interface Matcher {
  readonly label: string;
  readonly op: '=' | '!=' | '=~' | '!~';
  readonly value: string;
}

export interface SelectorText {
  /** The metric name; '' when the selector does not fix one (`{job="x"}`, `{__name__=~"…"}`). */
  readonly name: string;
  /** The labels its matchers name, __name__ aside, valued or not. */
  readonly matcherLabels: readonly string[];
  /** Matchers on labels other than __name__. */
  readonly matchers: readonly Matcher[];
}

/** The selector at a `VectorSelector` node of `expr`'s tree. */
export function readSelector(node: SyntaxNode, expr: string): SelectorText {
  const text = (at: SyntaxNode) => expr.slice(at.from, at.to);
  const identifier = node.getChild('Identifier');
  const matchersNode = node.getChild('LabelMatchers');
  const matcherLabels: string[] = [];
  const matchers: Matcher[] = [];
  let name = identifier ? text(identifier) : '';
  for (const matcher of matchersNode ? children(matchersNode) : []) {
    const labelNode = matcher.getChild('LabelName') ?? matcher.getChild('QuotedLabelName');
    const label = labelNode ? text(labelNode).replace(/^"|"$/g, '') : '';
    const valueNode = matcher.getChild('StringLiteral');
    const op = (matcher.getChild('MatchOp') ? text(matcher.getChild('MatchOp')!) : '=') as Matcher['op'];
    if (label === '__name__') {
      if (!name && valueNode && op === '=') name = unquote(text(valueNode));
      continue;
    }
    if (label) matcherLabels.push(label);
    if (label && valueNode) matchers.push({ label, op, value: unquote(text(valueNode)) });
  }
  return { name, matcherLabels, matchers };
}

/** Every selector of the text, in any argument, subquery or binary operand; undefined when it does not parse. */
export function selectorsIn(expr: string): SelectorText[] | undefined {
  const found: SelectorText[] = [];
  let broken = false;
  parsePromql(expr).iterate({
    enter(node) {
      if (node.type.isError) broken = true;
      if (node.name === 'VectorSelector') found.push(readSelector(node.node, expr));
    },
  });
  return broken ? undefined : found;
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };

/**
 * The text of a PromQL string literal: "…" and '…' with Go's escapes (\n, \x3a, \072, \u00e9,
 * \U0001f600, \\ and the quotes), `…` raw; so `{__name__="job\x3aa"}` names job:a.
 */
export function unquote(literal: string): string {
  const quote = literal[0];
  const body = literal.slice(1, -1);
  if (quote === '`') return body;
  return body.replace(/\\(x[0-9a-fA-F]{2}|[0-7]{3}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)/g, (_, escape: string) => {
    if (/^[xuU]/.test(escape) && escape.length > 1) return String.fromCodePoint(parseInt(escape.slice(1), 16));
    if (/^[0-7]{3}$/.test(escape)) return String.fromCodePoint(parseInt(escape, 8));
    return SIMPLE_ESCAPES[escape] ?? escape;
  });
}
