/**
 * An SLI as PromQL and as promtool input: its error ratio over a window, the events it counts, and
 * the input series that make that ratio any chosen value. One module, so the rules and the tests
 * they are proven with read the same selectors.
 */
import type { EventsDef, SliDef } from '../dsl/slos.ts';
import { input, type SeriesInput } from '../dsl/rules.ts';
import type { MetricDef } from '../dsl/metrics.ts';
import { bucketOf, countOf, formatNumber, promql, type Query, type SeriesRef } from '../promql/query.ts';

type Selector = Readonly<Record<string, string | readonly string[]>>;

/** `{status_code=~"500|503", route="/x"}`: one value is an equality, several an alternation. */
export function matchers(selector: Selector, extra: Record<string, string> = {}): string {
  const escape = (value: string) => value.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
  const regexEscape = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const parts = Object.entries(selector).map(([label, value]) =>
    typeof value === 'string' ? `${label}="${escape(value)}"` : value.length === 1 ? `${label}="${escape(value[0]!)}"` : `${label}=~"${value.map(regexEscape).map(escape).join('|')}"`,
  );
  for (const [label, value] of Object.entries(extra)) parts.push(`${label}="${escape(value)}"`);
  return parts.length === 0 ? '' : `{${parts.join(', ')}}`;
}

const eventsRate = (events: EventsDef, window: string): Query => promql`sum(rate(${events.metric}${matchers(events.selector)}[${window}]))`;

/** The share of bad events over `window`; 0 (not empty) while nothing bad happened. */
export function errorRatio(sli: SliDef, window: string): Query {
  if (sli.kind === 'latency') {
    const total = promql`sum(rate(${countOf(sli.histogram)}${matchers(sli.selector)}[${window}]))`;
    const fast = promql`sum(rate(${bucketOf(sli.histogram)}${matchers(sli.selector, { le: formatNumber(sli.threshold) })}[${window}]))`;
    return promql`(${total} - ${fast}) / ${total}`;
  }
  const total = eventsRate(sli.total, window);
  if (sli.bad) return promql`(${eventsRate(sli.bad, window)} or 0 * ${total}) / ${total}`;
  return promql`1 - (${eventsRate(sli.good!, window)} or 0 * ${total}) / ${total}`;
}

/** Every event the SLI counts over `window`: what the low-traffic guard compares with its minimum. */
export function eventCount(sli: SliDef, window: string): Query {
  if (sli.kind === 'latency') return promql`sum(increase(${countOf(sli.histogram)}${matchers(sli.selector)}[${window}]))`;
  return promql`sum(increase(${sli.total.metric}${matchers(sli.total.selector)}[${window}]))`;
}

/** A series the SLI reads that carries job and instance: what the dashboard's variables list. */
export function scopeOf(sli: SliDef): MetricDef | SeriesRef {
  return sli.kind === 'latency' ? countOf(sli.histogram) : sli.total.metric;
}

/** The first allowed value of each selected label: a series the selector matches. */
function matching(selector: Selector): Record<string, string> {
  return Object.fromEntries(Object.entries(selector).map(([label, value]) => [label, typeof value === 'string' ? value : value[0]!]));
}

/** Labels of a series `total` counts but `subset` does not, or undefined when every total event is in the subset. */
function outside(total: EventsDef, subset: EventsDef): Record<string, string> | undefined {
  const labels = matching(total.selector);
  for (const [label, value] of Object.entries(subset.selector)) {
    const taken = typeof value === 'string' ? [value] : value;
    const declared = total.metric.labels[label];
    const allowed = total.selector[label] ?? (Array.isArray(declared) ? declared : undefined);
    const candidates: readonly string[] = typeof allowed === 'string' ? [allowed] : allowed ?? [`not_${taken[0]}`];
    const other = candidates.find((candidate) => !taken.includes(candidate));
    if (other !== undefined) return { ...labels, [label]: other };
  }
  return undefined;
}

/** Why an SLI cannot tell good events from bad ones, if it cannot (the bad or good events are every event). */
export function indistinct(sli: SliDef): string | undefined {
  if (sli.kind === 'latency') return undefined;
  const subset = sli.bad ?? sli.good!;
  if (subset.metric !== sli.total.metric) return undefined;
  return outside(sli.total, subset) === undefined ? `its ${sli.bad ? 'bad' : 'good'} events select every event of the total: name a label value that tells them apart` : undefined;
}

/**
 * Counter series, one sample a minute from 0, on which the SLI's error ratio is `ratio` and `perMinute`
 * events happen each minute. Both grow linearly from 0, so the ratio is the same over every window.
 */
export function seriesAt(sli: SliDef, ratio: number, perMinute: number, minutes: number): SeriesInput[] {
  const counter = (per: number) => `0+${formatNumber(per)}x${minutes}`;
  const bad = perMinute * ratio;
  const good = perMinute - bad;
  if (sli.kind === 'latency') {
    const labels = matching(sli.selector);
    return [
      input(bucketOf(sli.histogram), { ...labels, le: formatNumber(sli.threshold) }, counter(good)),
      input(bucketOf(sli.histogram), { ...labels, le: '+Inf' }, counter(perMinute)),
      input(countOf(sli.histogram), labels, counter(perMinute)),
    ];
  }
  const subset = sli.bad ?? sli.good!;
  const inSubset = sli.bad ? bad : good;
  if (subset.metric !== sli.total.metric) {
    return [input(subset.metric, matching(subset.selector), counter(inSubset)), input(sli.total.metric, matching(sli.total.selector), counter(perMinute))];
  }
  const subsetLabels = { ...matching(sli.total.selector), ...matching(subset.selector) };
  return [input(subset.metric, subsetLabels, counter(inSubset)), input(sli.total.metric, outside(sli.total, subset)!, counter(perMinute - inSubset))];
}
