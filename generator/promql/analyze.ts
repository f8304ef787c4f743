/**
 * Walks a PromQL expression parsed by @prometheus-io/lezer-promql and records the facts the query
 * checks judge: the selectors, the labels each grouping clause names and the labels available to
 * it, the range functions and what kind of values they read, histogram_quantile calls, quantile
 * arguments, label matchers with their values, and range windows with the series they cover.
 * Label sets are inferred bottom-up, so `sum by (route) (...)` is checked against what its input
 * really carries, not against the whole catalogue.
 */
import type { SyntaxNode } from '@lezer/common';
import { parsePromql } from './parse.ts';
import type { QueryContext, RecordingInfo, SeriesInfo } from './context.ts';
import { durationSeconds } from './duration.ts';
import { readSelector, unquote, type SelectorText } from './selectors.ts';
import { argumentsOf, children, isExpression, literalNumber } from './tree.ts';
import { valueKind, type ValueKind } from './value-kind.ts';

/** undefined: not known (a recording rule whose labels could not be inferred, a function we do not model). */
export type Labels = ReadonlySet<string> | undefined;

export type { Matcher } from './selectors.ts';

export interface Selector extends SelectorText {
  /** The selector as written, for messages. */
  readonly text: string;
  readonly series: SeriesInfo | undefined;
  readonly recording: RecordingInfo | undefined;
  readonly labels: Labels;
}

export interface Grouping {
  readonly clause: string;
  readonly labels: readonly string[];
  /** Labels of the input(s) the clause applies to. */
  readonly available: Labels;
}

/** A call of a function over a range vector: rate(), deriv(), predict_linear()… */
export interface RangeCall {
  readonly fn: string;
  /** The call as written. */
  readonly text: string;
  /** What the range argument's values are (a counter, a gauge), seen through offset, @, parentheses and subqueries. */
  readonly argument: ValueKind;
}

/** A quantile argument φ of histogram_quantile, quantile_over_time or quantile. */
export interface QuantileArgument {
  readonly fn: string;
  readonly text: string;
  /** The argument as written. */
  readonly argument: string;
  /** Its value when it is a literal number; undefined when only the server can know it (scalar(…), a variable). */
  readonly value: number | undefined;
}

export interface HistogramQuantileCall {
  readonly argLabels: Labels;
  readonly selectors: readonly Selector[];
}

export interface RangeWindow {
  readonly text: string;
  readonly seconds: number | undefined;
  /** A selector's `[5m]`, or a subquery's `[1h:1m]` (whose step is `resolution`, the evaluation interval when left out). */
  readonly kind: 'range' | 'subquery';
  readonly resolution: { readonly text: string; readonly seconds: number | undefined } | undefined;
  /** What the window is taken over, as written: a selector, or a subquery's expression. */
  readonly over: string;
  /** The selectors whose samples the window gathers. */
  readonly reads: readonly Selector[];
}

export interface Analysis {
  readonly expr: string;
  readonly syntaxErrors: readonly string[];
  readonly selectors: readonly Selector[];
  readonly groupings: readonly Grouping[];
  readonly rangeCalls: readonly RangeCall[];
  readonly histogramQuantiles: readonly HistogramQuantileCall[];
  readonly quantileArguments: readonly QuantileArgument[];
  readonly windows: readonly RangeWindow[];
  /** Labels of the expression's result. */
  readonly labels: Labels;
  /** Labels whose values the expression writes (label_replace, label_join, count_values): not the catalogue's. */
  readonly writtenLabels: ReadonlySet<string>;
  /** What the result's values are: a counter's running total, a gauge's level, or unknown. */
  readonly kind: ValueKind;
}

/** Functions over a range vector whose argument's kind matters (the rate-type check judges them). */
const RANGE_FUNCTIONS = new Set(['rate', 'irate', 'increase', 'resets', 'delta', 'idelta', 'deriv', 'predict_linear', 'holt_winters', 'double_exponential_smoothing']);
/** Where φ is in each call that takes one. */
const QUANTILE_FUNCTIONS = new Set(['histogram_quantile', 'quantile_over_time']);
/** Functions whose result keeps the labels of their (first vector) argument. */
const LABEL_KEEPING = new Set([
  'abs', 'ceil', 'floor', 'round', 'exp', 'ln', 'log2', 'log10', 'sqrt', 'sgn', 'clamp', 'clamp_max', 'clamp_min',
  'sort', 'sort_desc', 'rate', 'irate', 'increase', 'delta', 'idelta', 'deriv', 'predict_linear', 'changes', 'resets',
  'avg_over_time', 'min_over_time', 'max_over_time', 'sum_over_time', 'count_over_time', 'last_over_time',
  'stddev_over_time', 'stdvar_over_time', 'quantile_over_time', 'present_over_time', 'holt_winters', 'timestamp',
  'histogram_count', 'histogram_sum', 'histogram_fraction', 'day_of_month', 'day_of_week', 'hour', 'minute', 'month', 'year',
]);

/** Analyses by context and text: several checks ask about the same expression. */
const cache = new WeakMap<QueryContext, Map<string, Analysis>>();

export function analyze(expr: string, context: QueryContext): Analysis {
  let byText = cache.get(context);
  if (!byText) cache.set(context, (byText = new Map()));
  let analysis = byText.get(expr);
  if (!analysis) byText.set(expr, (analysis = analyzeUncached(expr, context)));
  return analysis;
}

function analyzeUncached(expr: string, context: QueryContext): Analysis {
  const tree = parsePromql(expr);
  const syntaxErrors: string[] = [];
  tree.iterate({
    enter(node) {
      // Report the first error only: the ones after it are usually its echo.
      if (node.type.isError && syntaxErrors.length === 0) syntaxErrors.push(`syntax error at character ${node.from + 1}: ${describeAt(expr, node.from)}`);
    },
  });
  const facts = {
    selectors: [] as Selector[],
    groupings: [] as Grouping[],
    rangeCalls: [] as RangeCall[],
    histogramQuantiles: [] as HistogramQuantileCall[],
    quantileArguments: [] as QuantileArgument[],
    windows: [] as RangeWindow[],
  };
  const writtenLabels = new Set<string>();
  const text = (node: SyntaxNode) => expr.slice(node.from, node.to);
  const kindOf = (node: SyntaxNode) => valueKind(node, text, (vector) => selectorNodes.get(vector.from));
  const quantileArgument = (fn: string, node: SyntaxNode, arg: SyntaxNode | undefined) => {
    if (arg) facts.quantileArguments.push({ fn, text: text(node), argument: text(arg), value: literalNumber(arg, text) });
  };

  /** Selectors by the position of their node, to find the ones inside a function argument. */
  const selectorNodes = new Map<number, Selector>();
  const selectorsWithin = (arg: SyntaxNode | undefined): Selector[] =>
    arg ? [...selectorNodes].filter(([from]) => from >= arg.from && from < arg.to).map(([, found]) => found) : [];

  const selector = (node: SyntaxNode): Selector => {
    const read = readSelector(node, expr);
    const series = context.series.get(read.name);
    const recording = context.recordings.get(read.name);
    const labels = series ? series.labels : recording ? recording.labels : undefined;
    const result: Selector = { ...read, text: text(node), series, recording, labels };
    facts.selectors.push(result);
    selectorNodes.set(node.from, result);
    return result;
  };

  const duration = (node: SyntaxNode) => ({ text: text(node), seconds: durationSeconds(text(node)) });

  const groupingLabels = (node: SyntaxNode | null): string[] =>
    node ? node.getChildren('LabelName').map((label) => text(label)) : [];

  /** Infers the labels of an expression node, recording facts on the way. */
  const visit = (node: SyntaxNode): Labels => {
    switch (node.name) {
      case 'PromQL':
      case 'ParenExpr':
      case 'FunctionCallBody': {
        const inner = children(node).filter(isExpression);
        return inner.length > 0 ? visit(inner[0]!) : undefined;
      }
      case 'VectorSelector':
        return selector(node).labels;
      case 'MatrixSelector': {
        const vector = node.getChild('VectorSelector');
        const found = vector ? selector(vector) : undefined;
        const range = node.getChild('DurationExpr');
        if (range) facts.windows.push({ ...duration(range), kind: 'range', resolution: undefined, over: found?.text ?? '', reads: found ? [found] : [] });
        return found?.labels;
      }
      case 'SubqueryExpr': {
        const [range, resolution] = node.getChildren('DurationExpr');
        const inner = children(node).find(isExpression);
        const labels = inner ? visit(inner) : undefined;
        if (range) {
          facts.windows.push({ ...duration(range), kind: 'subquery', resolution: resolution ? duration(resolution) : undefined, over: inner ? text(inner) : '', reads: selectorsWithin(inner) });
        }
        return labels;
      }
      case 'OffsetExpr':
      case 'StepInvariantExpr':
      case 'UnaryExpr': {
        const inner = children(node).find(isExpression);
        return inner ? visit(inner) : undefined;
      }
      case 'NumberDurationLiteral':
      case 'NumberLiteral':
      case 'StringLiteral':
        return new Set();
      case 'AggregateExpr':
        return aggregate(node);
      case 'FunctionCall':
        return call(node);
      case 'BinaryExpr':
        return binary(node);
      default:
        children(node).filter(isExpression).forEach(visit);
        return undefined;
    }
  };

  const aggregate = (node: SyntaxNode): Labels => {
    const op = text(node.getChild('AggregateOp')!);
    const args = argumentsOf(node);
    // topk, bottomk, quantile, count_values and limitk take a parameter before the vector.
    const vectorArg = args.length > 1 ? args[args.length - 1]! : args[0];
    args.slice(0, -1).forEach(visit);
    const input = vectorArg ? visit(vectorArg) : undefined;
    if (op === 'quantile') quantileArgument(op, node, args[0]);
    const modifier = node.getChild('AggregateModifier');
    const labels = groupingLabels(modifier?.getChild('GroupingLabels') ?? null);
    const extra = op === 'count_values' && args[0] ? new Set([unquote(text(args[0]))]) : new Set<string>();
    extra.forEach((label) => writtenLabels.add(label));
    if (modifier?.getChild('By')) {
      facts.groupings.push({ clause: `${op} by`, labels, available: input });
      return new Set([...labels, ...extra]);
    }
    if (modifier?.getChild('Without')) {
      facts.groupings.push({ clause: `${op} without`, labels, available: input });
      return input ? new Set([...[...input].filter((l) => !labels.includes(l)), ...extra]) : undefined;
    }
    if (['topk', 'bottomk', 'limitk', 'limit_ratio'].includes(op)) return input;
    return extra;
  };

  const call = (node: SyntaxNode): Labels => {
    const fn = text(node.getChild('FunctionIdentifier')!);
    const args = argumentsOf(node);
    const argLabels = args.map(visit);
    if (RANGE_FUNCTIONS.has(fn) && args[0]) facts.rangeCalls.push({ fn, text: text(node), argument: kindOf(args[0]) });
    if (QUANTILE_FUNCTIONS.has(fn)) quantileArgument(fn, node, args[0]);
    if (fn === 'histogram_quantile') {
      const input = argLabels[1];
      facts.histogramQuantiles.push({ argLabels: input, selectors: selectorsWithin(args[1]) });
      return input ? new Set([...input].filter((l) => l !== 'le')) : undefined;
    }
    if (fn === 'label_replace' || fn === 'label_join') {
      const destination = args[1] ? unquote(text(args[1])) : '';
      writtenLabels.add(destination);
      return argLabels[0] ? new Set([...argLabels[0], destination]) : undefined;
    }
    if (fn === 'absent' || fn === 'absent_over_time' || fn === 'scalar' || fn === 'time' || fn === 'vector' || fn === 'pi') return new Set();
    if (LABEL_KEEPING.has(fn)) return argLabels.find((labels) => labels !== undefined && labels.size > 0) ?? argLabels[0];
    return undefined;
  };

  const binary = (node: SyntaxNode): Labels => {
    const operands = children(node).filter(isExpression);
    const left = operands[0] ? visit(operands[0]) : undefined;
    const right = operands[1] ? visit(operands[1]) : undefined;
    const matching = node.getChild('MatchingModifierClause');
    const bothSides = union(left, right);
    let extra: string[] = [];
    if (matching) {
      const groupingNodes = matching.getChildren('GroupingLabels');
      const keyword = matching.getChild('On') ? 'on' : 'ignoring';
      facts.groupings.push({ clause: keyword, labels: groupingLabels(groupingNodes[0] ?? null), available: intersection(left, right) ?? bothSides });
      const group = matching.getChild('GroupLeft') ? 'group_left' : matching.getChild('GroupRight') ? 'group_right' : undefined;
      if (group && groupingNodes[1]) {
        extra = groupingLabels(groupingNodes[1]);
        facts.groupings.push({ clause: group, labels: extra, available: group === 'group_left' ? right : left });
      }
    }
    const isScalar = (labels: Labels) => labels !== undefined && labels.size === 0;
    if (node.getChild('Or')) return bothSides;
    if (isScalar(left)) return right;
    if (matching?.getChild('GroupRight')) return right ? new Set([...right, ...extra]) : undefined;
    return left ? new Set([...left, ...extra]) : undefined;
  };

  const labels = visit(tree.topNode);
  return { expr, syntaxErrors, ...facts, labels, writtenLabels, kind: kindOf(tree.topNode) };
}

function union(a: Labels, b: Labels): Labels {
  return a && b ? new Set([...a, ...b]) : undefined;
}

function intersection(a: Labels, b: Labels): Labels {
  if (!a || !b) return undefined;
  if (a.size === 0) return b;
  if (b.size === 0) return a;
  return new Set([...a].filter((label) => b.has(label)));
}

function describeAt(expr: string, position: number): string {
  const rest = expr.slice(position, position + 20);
  return rest === '' ? 'unexpected end of expression' : `near '${rest}'`;
}
