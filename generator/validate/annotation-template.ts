/**
 * A checker for the Go templates Prometheus renders in alert annotations and labels. Prometheus
 * parses them when it loads the rule file, and one bad template makes the whole file unloadable
 * (every promtool test that loads it fails), so this reads them as Go's text/template does: actions
 * with quoted strings and parentheses, pipelines, blocks, variable scopes. It knows what Prometheus
 * gives a template (rules/alerting.go, template/template.go of Prometheus 2.53, the version the
 * stack runs) and refuses what would fail to parse or fail at every evaluation.
 */
import { editDistance } from '../dsl/unknown-keys.ts';

/** Variables Prometheus declares before every alert template, and what each holds. */
const PREDEFINED: Readonly<Record<string, Kind>> = { $: 'data', $labels: 'map', $externalLabels: 'map', $externalURL: 'string', $value: 'number' };
/** Fields of the data ('.' at the top of a template). */
const DATA_FIELDS: Readonly<Record<string, Kind>> = { Labels: 'map', ExternalLabels: 'map', ExternalURL: 'string', Value: 'number' };
type Kind = 'data' | 'map' | 'string' | 'number' | 'any';

/** Functions and how many arguments each takes ([min, max]): Prometheus's template functions, then Go's builtins. */
const FUNCTIONS: Readonly<Record<string, readonly [number, number]>> = {
  query: [1, 1], first: [1, 1], label: [2, 2], value: [1, 1], strvalue: [1, 1], args: [0, Infinity], reReplaceAll: [3, 3],
  safeHtml: [1, 1], match: [2, 2], title: [1, 1], toUpper: [1, 1], toLower: [1, 1], graphLink: [1, 1], tableLink: [1, 1],
  sortByLabel: [2, 2], stripPort: [1, 1], stripDomain: [1, 1], humanize: [1, 1], humanize1024: [1, 1], humanizeDuration: [1, 1],
  humanizePercentage: [1, 1], humanizeTimestamp: [1, 1], toTime: [1, 1], pathPrefix: [0, 0], externalURL: [0, 0], parseDuration: [1, 1],
  and: [1, Infinity], or: [1, Infinity], not: [1, 1], call: [1, Infinity], html: [0, Infinity], index: [1, Infinity], slice: [1, Infinity],
  js: [0, Infinity], len: [1, 1], print: [0, Infinity], printf: [1, Infinity], println: [0, Infinity], urlquery: [0, Infinity],
  eq: [2, Infinity], ne: [2, 2], lt: [2, 2], le: [2, 2], gt: [2, 2], ge: [2, 2],
};
/** Functions of later Prometheus versions that 2.53 does not know. */
const LATER_FUNCTIONS = new Set(['now', 'toDuration', 'urlQueryEscape']);
const KEYWORDS = new Set(['if', 'else', 'end', 'range', 'with', 'break', 'continue', 'define', 'template', 'block']);

export interface TemplateReport {
  readonly errors: string[];
  /** Label names the template reads: `$labels.name`, `.Labels.name`, `index $labels "name"`. */
  readonly labels: string[];
}

type Token =
  | { kind: 'literal'; text: string }
  | { kind: 'variable'; name: string; fields: string[] }
  | { kind: 'field'; fields: string[] }
  | { kind: 'dot' }
  | { kind: 'word'; text: string }
  | { kind: '|' | '(' | ')' | ':=' | '=' | ',' };

export function checkTemplate(text: string): TemplateReport {
  const errors: string[] = [];
  const labels: string[] = [];
  /** Open blocks and what '.' is inside each: with and range rebind it. */
  const blocks: { keyword: string; dot: Kind }[] = [];
  const scopes: Set<string>[] = [new Set(Object.keys(PREDEFINED))];
  const defined = (name: string) => scopes.some((scope) => scope.has(name));
  let position = 0;
  for (;;) {
    const start = text.indexOf('{{', position);
    const stray = text.indexOf('}}', position);
    if (stray !== -1 && (start === -1 || stray < start)) {
      // Go would print it as text; here it is always a typo for an action ('{ $labels.x }}').
      errors.push(`'}}' at character ${stray + 1} closes nothing`);
      position = stray + 2;
      continue;
    }
    if (start === -1) break;
    const lexed = lexAction(text, start);
    if ('error' in lexed) {
      errors.push(lexed.error);
      break;
    }
    position = lexed.end;
    if (lexed.comment) continue;
    const tokens = lexed.tokens;
    const first = tokens[0];
    const keyword = first?.kind === 'word' && KEYWORDS.has(first.text) ? first.text : undefined;
    const dot = blocks.length > 0 ? blocks[blocks.length - 1]!.dot : 'data';
    const context: Context = { errors, labels, defined, declare: (name) => scopes[scopes.length - 1]!.add(name), dot };
    if (keyword === 'if' || keyword === 'with' || keyword === 'range') {
      const subject = kindOf(tokens.slice(1), context);
      blocks.push({ keyword, dot: keyword === 'if' ? dot : keyword === 'with' ? subject : subject === 'map' ? 'string' : 'any' });
      scopes.push(new Set());
      checkPipeline(tokens.slice(1), { ...context, in: keyword });
    } else if (keyword === 'else') {
      if (blocks.length === 0) errors.push('{{ else }} outside an if, with or range');
      const chained = tokens[1];
      // The else branch runs with the dot from outside the block (or a new one, after else with).
      const block = blocks[blocks.length - 1];
      if (block) block.dot = chained?.kind === 'word' && chained.text === 'with' ? 'any' : (blocks[blocks.length - 2]?.dot ?? 'data');
      if (chained?.kind === 'word' && (chained.text === 'if' || chained.text === 'with')) checkPipeline(tokens.slice(2), { ...context, in: chained.text });
      else if (tokens.length > 1) errors.push('{{ else }} takes nothing after it but if or with');
    } else if (keyword === 'end') {
      if (blocks.pop() === undefined) errors.push('{{ end }} closes nothing');
      else scopes.pop();
      if (tokens.length > 1) errors.push('{{ end }} takes nothing after it');
    } else if (keyword === 'break' || keyword === 'continue') {
      if (!blocks.some((b) => b.keyword === 'range')) errors.push(`{{ ${keyword} }} outside a range`);
    } else if (keyword !== undefined) {
      errors.push(`{{ ${keyword} }}: alert templates cannot define or call named templates`);
    } else checkPipeline(tokens, context);
  }
  for (const block of blocks) errors.push(`{{ ${block.keyword} }} is never closed with {{ end }}`);
  return { errors, labels };
}

interface Context {
  readonly errors: string[];
  readonly labels: string[];
  readonly defined: (name: string) => boolean;
  readonly declare: (name: string) => void;
  /** What '.' is here: the alert's data, or what a with or range rebound it to. */
  readonly dot: Kind;
  readonly in?: string;
}

/** `[$a[, $b] :=|=] command | command …`: declarations first, then the commands. */
function checkPipeline(tokens: Token[], context: Context): void {
  const { errors } = context;
  if (tokens.length === 0) {
    errors.push(context.in ? `{{ ${context.in} }} needs a condition` : 'empty action {{ }}');
    return;
  }
  const assign = tokens.findIndex((t) => t.kind === ':=' || t.kind === '=');
  if (assign !== -1) {
    const targets = tokens.slice(0, assign).filter((t) => t.kind !== ',');
    if (targets.length > 1 && context.in !== 'range') errors.push('only range declares two variables at once');
    for (const target of targets) {
      if (target.kind !== 'variable' || target.fields.length > 0) {
        errors.push(`only a $variable can be assigned to`);
        return;
      }
      if (tokens[assign]!.kind === '=' && !context.defined(target.name)) errors.push(`${target.name} is assigned with = but never declared with :=`);
      context.declare(target.name);
    }
    tokens = tokens.slice(assign + 1);
    if (tokens.length === 0) {
      errors.push('an assignment with no value');
      return;
    }
  }
  const stages = splitTop(tokens, '|');
  if ('error' in stages) {
    errors.push(stages.error);
    return;
  }
  stages.parts.forEach((command, stage) => {
    if (command.length === 0) {
      errors.push(stage === 0 ? 'a pipe with nothing before it' : 'a pipe with nothing after it');
      return;
    }
    checkCommand(command, stage, context);
  });
}

/** One command: a function and its arguments, or a single operand. */
function checkCommand(command: Token[][], stage: number, context: Context): void {
  const { errors } = context;
  const [head, ...args] = command;
  const headToken = head!.length === 1 ? head![0]! : undefined;
  if (headToken?.kind === 'word' && !['true', 'false', 'nil'].includes(headToken.text)) {
    const name = headToken.text;
    const arity = FUNCTIONS[name];
    if (KEYWORDS.has(name)) errors.push(`'${name}' cannot be used inside a pipeline`);
    else if (LATER_FUNCTIONS.has(name)) errors.push(`function '${name}' is not defined in Prometheus 2.53 (it came with Prometheus 3)`);
    else if (!arity) errors.push(`function '${name}' is not defined${suggest(name, Object.keys(FUNCTIONS))}`);
    else {
      const given = args.length + (stage > 0 ? 1 : 0);
      if (given < arity[0] || given > arity[1]) {
        const wanted = arity[0] === arity[1] ? `${arity[0]}` : arity[1] === Infinity ? `at least ${arity[0]}` : `${arity[0]}–${arity[1]}`;
        errors.push(`${name} takes ${wanted} argument(s), given ${given}${stage > 0 ? ' (the piped value included)' : ''}`);
      }
    }
    if (name === 'index' && args[0]?.length === 1 && args[1]?.length === 1) {
      const [map, key] = [args[0][0]!, args[1][0]!];
      if (map.kind === 'variable' && map.name === '$labels' && map.fields.length === 0 && key.kind === 'literal' && key.text.startsWith('"')) context.labels.push(key.text.slice(1, -1));
    }
  } else if (stage > 0) {
    errors.push(`after a pipe comes a function, not '${describe(head!)}'`);
  } else if (args.length > 0) {
    errors.push(`'${describe(head!)}' is not a function: it cannot take arguments (to pass values to a function, write the function first)`);
  }
  for (const operand of command) checkOperand(operand, context);
}

function checkOperand(operand: Token[], context: Context): void {
  const { errors } = context;
  if (operand[0]?.kind === '(') {
    checkPipeline(operand.slice(1, -1), { ...context, in: undefined });
    return;
  }
  const token = operand[0]!;
  if (token.kind === 'variable') {
    if (!context.defined(token.name)) {
      errors.push(`undefined variable '${token.name}'${suggest(token.name, Object.keys(PREDEFINED))}`);
      return;
    }
    const kind = PREDEFINED[token.name];
    if (kind === 'data') readData(token.fields, context);
    else if (kind) readFields(token.name, kind, token.fields, context);
  } else if (token.kind === 'field') {
    if (context.dot === 'data') readData(token.fields, context);
    else readFields('.', context.dot, token.fields, context);
  } else if (token.kind === ',' || token.kind === ':=' || token.kind === '=') {
    errors.push(`unexpected '${token.kind}'`);
  }
}

/** What a block's subject is, when it is one known operand (`with $labels`, `range .Labels`); 'any' otherwise. */
function kindOf(tokens: Token[], context: { dot: Kind }): Kind {
  if (tokens.length !== 1) return 'any';
  const token = tokens[0]!;
  const path = token.kind === 'variable' ? PREDEFINED[token.name] && [PREDEFINED[token.name]!, ...token.fields] : token.kind === 'field' ? [context.dot, ...token.fields] : undefined;
  if (!path) return 'any';
  let kind = path[0] as Kind;
  for (const field of path.slice(1)) kind = kind === 'data' ? (DATA_FIELDS[field] ?? 'any') : kind === 'map' ? 'string' : 'any';
  return kind;
}

/** `.Labels.job`, `$.Value`: the fields of the alert's data. */
function readData(fields: string[], context: Context): void {
  const [field, ...rest] = fields;
  if (field === undefined) return;
  const kind = DATA_FIELDS[field];
  if (!kind) {
    context.errors.push(`the alert's data has no field '${field}': it has ${Object.keys(DATA_FIELDS).map((f) => `.${f}`).join(', ')} ($labels, $value, … for short)`);
    return;
  }
  readFields(`.${field}`, kind, rest, context);
}

function readFields(name: string, kind: Kind, fields: string[], context: Context): void {
  if (fields.length === 0) return;
  if (kind === 'map') {
    if (name === '$labels' || name === '.Labels') context.labels.push(fields[0]!);
    if (fields.length > 1) context.errors.push(`${name === '.' ? '' : name}.${fields[0]} is a string: it has no field '${fields[1]}'`);
  } else if (kind === 'string' || kind === 'number') {
    context.errors.push(`${name === '.' ? "'.' (rebound by with or range)" : name} is a ${kind}: it has no field '${fields[0]}'`);
  }
}

/** Splits tokens at a separator outside parentheses; each part is a list of operands (a parenthesised group is one). */
function splitTop(tokens: Token[], separator: '|'): { parts: Token[][][] } | { error: string } {
  const parts: Token[][][] = [[]];
  let depth = 0;
  let group: Token[] = [];
  for (const token of tokens) {
    if (token.kind === '(') depth++;
    if (token.kind === ')' && --depth < 0) return { error: "unexpected ')': it closes no '('" };
    if (depth === 0 && token.kind === separator) {
      parts.push([]);
      continue;
    }
    group.push(token);
    if (depth === 0) {
      parts[parts.length - 1]!.push(group);
      group = [];
    }
  }
  if (depth > 0) return { error: "unclosed '(': a ')' is missing" };
  return { parts };
}

/** The tokens of the action starting at `start` (its `{{`), and where it ends. */
function lexAction(text: string, start: number): { tokens: Token[]; comment: boolean; end: number } | { error: string } {
  let i = start + 2;
  // A left trim marker is a dash and one space; a comment must follow the delimiter (or marker) directly.
  if (/^-\s/.test(text.slice(i, i + 2))) i += 2;
  const unclosed = { error: `'{{' at character ${start + 1} is never closed` };
  if (text.startsWith('/*', i)) {
    const close = text.indexOf('*/', i + 2);
    if (close === -1) return { error: `comment at character ${start + 1} is never closed with */` };
    const after = /^(?:\s-)?\}\}/.exec(text.slice(close + 2));
    if (!after) return { error: `a comment must end the action: write */}} (character ${close + 1})` };
    return { tokens: [], comment: true, end: close + 2 + after[0].length };
  }
  const tokens: Token[] = [];
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      if (text.startsWith('-}}', i + 1)) return { tokens, comment: false, end: i + 4 };
      i++;
      continue;
    }
    if (text.startsWith('}}', i)) return { tokens, comment: false, end: i + 2 };
    const rest = text.slice(i);
    const match =
      /^"(?:[^"\\\n]|\\.)*"/.exec(rest) ?? /^`[^`]*`/.exec(rest) ?? /^'(?:[^'\\\n]|\\.)+'/.exec(rest) ??
      /^[+-]?(?:0[xX][0-9a-fA-F_]+|(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)i?/.exec(rest);
    if (match) {
      tokens.push({ kind: 'literal', text: match[0] });
      i += match[0].length;
      continue;
    }
    if (c === '"' || c === '`' || c === "'") return { error: `a string at character ${i + 1} is never closed` };
    const variable = /^\$([A-Za-z_]\w*)?((?:\.[A-Za-z_]\w*)*)/.exec(rest);
    if (c === '$' && variable) {
      tokens.push({ kind: 'variable', name: `$${variable[1] ?? ''}`, fields: fieldsOf(variable[2]!) });
      i += variable[0].length;
      continue;
    }
    const field = /^(?:\.[A-Za-z_]\w*)+/.exec(rest);
    if (field) {
      tokens.push({ kind: 'field', fields: fieldsOf(field[0]) });
      i += field[0].length;
      continue;
    }
    if (c === '.') {
      tokens.push({ kind: 'dot' });
      i++;
      continue;
    }
    const word = /^[A-Za-z_]\w*/.exec(rest);
    if (word) {
      tokens.push({ kind: 'word', text: word[0] });
      i += word[0].length;
      continue;
    }
    const symbol = /^(?::=|[|(),=])/.exec(rest);
    if (symbol) {
      tokens.push({ kind: symbol[0] as '|' });
      i += symbol[0].length;
      continue;
    }
    if (c === '}') return { error: `'{{' at character ${start + 1} is never closed: the '}' at character ${i + 1} needs a second one` };
    return { error: `unexpected '${c}' at character ${i + 1} inside an action` };
  }
  return unclosed;
}

const fieldsOf = (chain: string) => chain.split('.').filter(Boolean);

function describe(operand: Token[]): string {
  return operand
    .map((t) => (t.kind === 'literal' || t.kind === 'word' ? t.text : t.kind === 'variable' ? [t.name, ...t.fields].join('.') : t.kind === 'field' ? `.${t.fields.join('.')}` : t.kind === 'dot' ? '.' : t.kind))
    .join(' ');
}

/** ", did you mean $labels?" when a known name is one or two edits away. */
function suggest(name: string, known: readonly string[]): string {
  const allowed = Math.max(1, Math.floor(name.length / 3));
  const close = known.find((candidate) => candidate.length > 1 && candidate !== name && editDistance(candidate.toLowerCase(), name.toLowerCase()) <= allowed);
  return close ? `; did you mean ${close}?` : '';
}
