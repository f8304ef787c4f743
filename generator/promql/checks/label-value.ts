import type { Matcher, Selector } from '../analyze.ts';
import type { LabelValues } from '../context.ts';
import type { QueryCheck } from './query-check.ts';

/**
 * A matcher on a label whose values the catalogue lists must be able to match one of them, or the
 * query is silently empty (`status_code="600"`, `method=~"FETCH|GET"`'s FETCH). A negative matcher
 * that excludes nothing is refused too: it is a typo that keeps what it meant to drop
 * (`result!="sucess"`). Bounded labels and target labels list no values and are not judged.
 */
export const labelValueCheck: QueryCheck = {
  id: 'promql-label-value',
  summary: 'Matchers on labels with listed values (in the catalogue, or kept by a recording rule) match a declared value; negative matchers exclude one.',
  fix: 'Match one of the values the catalogue lists for the label, or add the value to the catalogue.',
  run(analysis) {
    if (analysis.syntaxErrors.length > 0) return [];
    return analysis.selectors.flatMap((selector) =>
      selector.matchers.flatMap((matcher) => {
        const declared = (selector.series ?? selector.recording)?.values.get(matcher.label);
        return declared ? judge(selector, matcher, declared) : [];
      }),
    );
  },
};

function judge(selector: Selector, matcher: Matcher, declared: LabelValues): string[] {
  const { label, op, value } = matcher;
  // What a dashboard variable is replaced with before checking (grafana/variables.ts): its values are Grafana's.
  if (value === '.*') return [];
  const written = `${label}${op}"${value}" in ${selector.text}`;
  const list = `${selector.name} declares ${label}: ${shortList(declared.values)}`;
  const test = tester(op, value, declared.numeric);
  if (!test) return [];
  const hits = declared.values.filter(test);
  if (op === '=' || op === '=~') {
    if (hits.length === 0) return [`${written} matches nothing: no declared value fits (${list}); use one of them, or declare the value in the catalogue`];
    if (op === '=~') {
      const dead = alternatives(value).filter((part) => !declared.values.some(tester('=~', part, false) ?? (() => true)));
      return dead.map((part) => `${written}: the alternative '${part}' matches no declared value (${list}); remove it, or declare the value in the catalogue`);
    }
    return [];
  }
  // `!=""` and `!~".+"`-like tests ask whether the label is there at all: harmless, and meant.
  if (test('')) return [];
  if (hits.length === 0) return [`${written} excludes nothing: no declared value fits (${list}); a typo here keeps what it meant to drop`];
  if (hits.length === declared.values.length) return [`${written} matches nothing: it excludes every declared value (${list})`];
  return [];
}

/** Whether a declared value passes the matcher's test (for `!=`/`!~`: is excluded by it); undefined when it cannot be judged. */
function tester(op: Matcher['op'], value: string, numeric: boolean): ((declared: string) => boolean) | undefined {
  if (op === '=' || op === '!=') return numeric ? (declared) => numberOf(declared) === numberOf(value) : (declared) => declared === value;
  // Numeric labels are written `1` or `1.0` depending on the client: a pattern on their text cannot be judged.
  if (numeric) return undefined;
  const pattern = fullMatch(value);
  return pattern ? (declared) => pattern.test(declared) : undefined;
}

/** Prometheus anchors regex matchers at both ends; RE2's leading (?i) becomes a flag. Undefined when JavaScript cannot read the RE2 pattern. */
function fullMatch(regex: string): RegExp | undefined {
  const insensitive = regex.startsWith('(?i)');
  try {
    return new RegExp(`^(?:${insensitive ? regex.slice(4) : regex})$`, insensitive ? 'i' : '');
  } catch {
    return undefined;
  }
}

/** The top-level alternatives of a pattern (`GET|FETCH`); one when it has none. */
function alternatives(regex: string): string[] {
  if (regex.startsWith('(?i)')) return [];
  const parts: string[] = [];
  let depth = 0;
  let inClass = false;
  let start = 0;
  for (let i = 0; i < regex.length; i++) {
    const char = regex[i];
    if (char === '\\') i++;
    else if (inClass) inClass = char !== ']';
    else if (char === '[') inClass = true;
    else if (char === '(') depth++;
    else if (char === ')') depth--;
    else if (char === '|' && depth === 0) {
      parts.push(regex.slice(start, i));
      start = i + 1;
    }
  }
  return parts.length === 0 ? [] : [...parts, regex.slice(start)];
}

function numberOf(text: string): number {
  const lower = text.trim().toLowerCase();
  return lower === '+inf' || lower === 'inf' ? Infinity : lower === '-inf' ? -Infinity : Number(text);
}

function shortList(values: readonly string[]): string {
  const shown = values.slice(0, 12).map((value) => `'${value}'`);
  return values.length > shown.length ? `${shown.join(', ')}, … (${values.length} in all)` : shown.join(', ');
}
