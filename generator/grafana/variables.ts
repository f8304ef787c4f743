/**
 * Grafana's variable syntax in one place: how a text refers to a variable, which names Grafana itself
 * defines, and the values that stand in for them so panel queries can be checked offline and sent to
 * a real Prometheus in the live tests.
 */
import { MIN_SCRAPES_PER_WINDOW } from '../promql/checks/range-window.ts';

/**
 * Grafana's own pattern for a reference (public/app/features/variables/utils.ts): `$name`,
 * `[[name]]` or `[[name:format]]`, and `${name}`, `${name.field}`, `${name:format}`.
 */
const REFERENCE = /\$(\w+)|\[\[(\w+?)(?::(\w+))?\]\]|\$\{(\w+)(?:\.[^:^}]+)?(?::[^}]+)?\}/g;

export interface VariableReference {
  /** As written: `$job`, `${job:regex}`, `[[job]]`. */
  readonly text: string;
  readonly name: string;
  /** The `[[name]]` form, which Grafana's docs deprecate. */
  readonly legacy: boolean;
}

/**
 * The variable references in a text, in order. `$1` and `${1}` are left out: they are regex group
 * references (label_replace), which Grafana leaves alone as no variable name starts with a digit.
 */
export function variableReferences(text: string): VariableReference[] {
  const found: VariableReference[] = [];
  for (const match of text.matchAll(REFERENCE)) {
    const name = match[1] ?? match[2] ?? match[4] ?? '';
    if (/^\d/.test(name)) continue;
    found.push({ text: match[0], name, legacy: match[2] !== undefined });
  }
  return found;
}

/**
 * Grafana's global variables (the "Global variables" section of its docs), which every dashboard has.
 * Left out on purpose: `$__name` (the Singlestat panel's, gone since Grafana 8) and `$timeFilter` /
 * `$__timeFilter` (SQL and InfluxDB macros the Prometheus data source never expands); `$__all` and
 * `$__auto` are the values of the All and Auto options, not variables.
 */
export const GLOBAL_VARIABLES: ReadonlySet<string> = new Set([
  '__dashboard',
  '__from',
  '__to',
  '__interval',
  '__interval_ms',
  '__org',
  '__user',
  '__range',
  '__range_s',
  '__range_ms',
  '__rate_interval',
  '__rate_interval_ms',
  '__timezone',
]);

/** Macros that only links expand: the time range and every variable's value as URL parameters. */
export const LINK_VARIABLES: ReadonlySet<string> = new Set(['__url_time_range', '__all_variables']);

/** Names Grafana keeps for its own variables: every name starting with __, and $timeFilter, a global written without. */
export const isGrafanaOwnName = (name: string) => name.startsWith('__') || name === 'timeFilter';

/** A panel query with every variable replaced by a value Prometheus accepts. */
export function substituteVariables(expr: string, scrapeIntervalSeconds: number): string {
  // Grafana's $__rate_interval is at least four scrape intervals; $__range is the dashboard's hour.
  const rateSeconds = MIN_SCRAPES_PER_WINDOW * scrapeIntervalSeconds;
  const values: Readonly<Record<string, string>> = {
    __rate_interval: `${rateSeconds}s`,
    __rate_interval_ms: String(rateSeconds * 1000),
    __interval: `${rateSeconds}s`,
    __interval_ms: String(rateSeconds * 1000),
    __range: '1h',
    __range_s: '3600',
    __range_ms: '3600000',
  };
  return expr.replace(REFERENCE, (text: string, bare?: string, legacy?: string, _format?: string, braced?: string) => {
    const name = bare ?? legacy ?? braced ?? '';
    if (/^\d/.test(name)) return text;
    // Label variables select every value: the dashboards' All option is `.*`.
    return values[name] ?? '.*';
  });
}
