/**
 * A checker for the Go templates Prometheus renders in alert annotations. It knows the subset
 * alerts use (variables, pipelines, Prometheus's template functions, if/with/range blocks) and
 * reports what would make Prometheus refuse the rule file, before promtool ever sees it.
 */

/** Template functions Prometheus defines for alert templates, plus Go's builtins. */
const FUNCTIONS = new Set([
  'humanize', 'humanize1024', 'humanizeDuration', 'humanizePercentage', 'humanizeTimestamp', 'title', 'toUpper', 'toLower',
  'reReplaceAll', 'match', 'safeHtml', 'stripPort', 'stripDomain', 'label', 'value', 'first', 'query', 'sortByLabel',
  'args', 'tmpl', 'graphLink', 'tableLink', 'pathPrefix', 'externalURL', 'parseDuration', 'toTime',
  'printf', 'print', 'println', 'len', 'index', 'and', 'or', 'not', 'eq', 'ne', 'lt', 'le', 'gt', 'ge', 'html', 'js', 'urlquery',
]);
const BLOCK_OPENERS = new Set(['if', 'with', 'range']);
const VARIABLE = /^\$(?:value|labels|externalLabels|externalURL|[a-zA-Z_][a-zA-Z0-9_]*)?(?:\.[a-zA-Z_][a-zA-Z0-9_]*)*$|^\.(?:[a-zA-Z_][a-zA-Z0-9_]*(?:\.[a-zA-Z_][a-zA-Z0-9_]*)*)?$/;
const LITERAL = /^(?:"(?:[^"\\]|\\.)*"|`[^`]*`|-?\d+(?:\.\d+)?(?:e-?\d+)?|true|false|nil)$/;

export interface TemplateReport {
  readonly errors: string[];
  /** Label names read through $labels.name. */
  readonly labels: string[];
}

export function checkTemplate(text: string): TemplateReport {
  const errors: string[] = [];
  const labels: string[] = [];
  const open: string[] = [];
  let position = 0;
  for (;;) {
    const start = text.indexOf('{{', position);
    const stray = text.indexOf('}}', position);
    if (stray !== -1 && (start === -1 || stray < start)) {
      errors.push(`'}}' at character ${stray + 1} closes nothing`);
      position = stray + 2;
      continue;
    }
    if (start === -1) break;
    const end = text.indexOf('}}', start + 2);
    if (end === -1) {
      errors.push(`'{{' at character ${start + 1} is never closed`);
      break;
    }
    const action = text.slice(start + 2, end).replace(/^-\s|\s-$/g, '').trim();
    position = end + 2;
    if (action.startsWith('/*')) continue;
    const words = tokens(action);
    const keyword = words[0] ?? '';
    if (BLOCK_OPENERS.has(keyword)) {
      open.push(keyword);
      checkPipeline(words.slice(1), errors, labels);
    } else if (keyword === 'else') {
      if (open.length === 0) errors.push('{{ else }} outside an if, with or range');
    } else if (keyword === 'end') {
      if (open.pop() === undefined) errors.push('{{ end }} closes nothing');
    } else checkPipeline(words, errors, labels);
  }
  for (const block of open) errors.push(`{{ ${block} }} is never closed with {{ end }}`);
  return { errors, labels };
}

function checkPipeline(words: string[], errors: string[], labels: string[]): void {
  if (words.length === 0) {
    errors.push('empty action {{ }}');
    return;
  }
  const commands: string[][] = [[]];
  for (const word of words) {
    if (word === '|') commands.push([]);
    else commands[commands.length - 1]!.push(word);
  }
  for (const command of commands) {
    if (command.length === 0) {
      errors.push('a pipe with nothing after it');
      continue;
    }
    for (const word of command) {
      const label = /^\$labels\.([a-zA-Z_][a-zA-Z0-9_]*)$/.exec(word);
      if (label) labels.push(label[1]!);
      if (VARIABLE.test(word) || LITERAL.test(word) || word === '(' || word === ')') continue;
      if (FUNCTIONS.has(word)) continue;
      errors.push(/^[a-zA-Z_]\w*$/.test(word) ? `function '${word}' is not defined` : `cannot read '${word}'`);
    }
  }
}

/** Splits an action into words, keeping quoted strings whole and pipes and parentheses apart. */
function tokens(action: string): string[] {
  return action.match(/"(?:[^"\\]|\\.)*"|`[^`]*`|\||\(|\)|[^\s|()]+/g) ?? [];
}
