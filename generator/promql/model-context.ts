/** The query context of a model: its catalogue series, its recording rules and its intervals. */
import type { Model, ModelMetric } from '../model/types.ts';
import { analyze, type Analysis } from './analyze.ts';
import { seriesIndex, type LabelValues, type QueryContext, type RecordingInfo } from './context.ts';
import { durationSeconds } from './duration.ts';

const cache = new WeakMap<Model, QueryContext>();

/** Built once per model: every rule check and renderer asks for it. */
export function queryContextOf(model: Model): QueryContext {
  const cached = cache.get(model);
  if (cached) return cached;
  const context = buildContext(model);
  cache.set(model, context);
  return context;
}

function buildContext(model: Model): QueryContext {
  const scrapeIntervalSeconds = durationSeconds(model.config.prometheus.scrapeInterval) || 15;
  const evaluationIntervalSeconds = durationSeconds(model.config.prometheus.evaluationInterval) || scrapeIntervalSeconds;
  const series = seriesIndex(model.metrics, scrapeIntervals(model, scrapeIntervalSeconds));
  const recordings = new Map<string, RecordingInfo>();
  const allRules = model.rules.flatMap((file) => file.recording);
  for (const rule of allRules) {
    recordings.set(rule.record, { labels: undefined, type: 'unknown', values: new Map() });
  }
  const context = { series, recordings, scrapeIntervalSeconds, evaluationIntervalSeconds };
  // Rules may read rules defined after them. In an order where every rule comes after the rules it
  // reads, one pass settles them all; with a cycle (refused by rule-cycles) passes repeat until what
  // each rule keeps stops changing.
  const { ordered, acyclic } = readersAfterInputs(allRules);
  for (let pass = 0, changed = true; changed && pass <= allRules.length; pass++) {
    changed = false;
    if (acyclic && pass === 1) break;
    for (const rule of ordered) {
      const analysis = analyze(rule.expr, { ...context });
      const before = recordings.get(rule.record)!;
      const info: RecordingInfo = { labels: analysis.labels, type: analysis.kind.type, values: keptValues(analysis) };
      if (signature(info) !== signature(before)) changed = true;
      recordings.set(rule.record, info);
    }
  }
  return context;
}

/** The rules ordered so each comes after the rules its expression reads, and whether that was possible. */
function readersAfterInputs<R extends { readonly record: string; readonly expr: string }>(rules: readonly R[]): { ordered: R[]; acyclic: boolean } {
  const reads = new Map(rules.map((rule) => [rule, rules.filter((other) => other !== rule && readsRecord(rule.expr, other.record))]));
  const ordered: R[] = [];
  const state = new Map<R, 'visiting' | 'done'>();
  let acyclic = true;
  const visit = (rule: R) => {
    if (state.get(rule) === 'done') return;
    if (state.get(rule) === 'visiting') {
      acyclic = false;
      return;
    }
    state.set(rule, 'visiting');
    for (const input of reads.get(rule)!) visit(input);
    state.set(rule, 'done');
    ordered.push(rule);
  };
  rules.forEach(visit);
  return { ordered, acyclic };
}

/** Whether an expression names a recording rule: its name not followed or preceded by more name characters. */
function readsRecord(expr: string, record: string): boolean {
  for (let at = expr.indexOf(record); at !== -1; at = expr.indexOf(record, at + 1)) {
    const before = expr[at - 1];
    const after = expr[at + record.length];
    if ((before === undefined || !/[\w:]/.test(before)) && (after === undefined || !/[\w:]/.test(after))) return true;
  }
  return false;
}

/** The interval of each family scraped by jobs that set their own: the slowest of the jobs exposing its domain. */
function scrapeIntervals(model: Model, globalSeconds: number): Map<string, number> {
  const intervals = new Map<string, number>();
  const byDomain = new Map<string, ModelMetric[]>();
  for (const metric of model.metrics) byDomain.set(metric.domain, [...(byDomain.get(metric.domain) ?? []), metric]);
  for (const job of model.scrapeJobs ?? []) {
    const seconds = (job.interval !== undefined ? durationSeconds(job.interval) : undefined) ?? globalSeconds;
    for (const domain of job.exposes) {
      for (const metric of byDomain.get(domain) ?? []) intervals.set(metric.name, Math.max(intervals.get(metric.name) ?? 0, seconds));
    }
  }
  return intervals;
}

/** Values of the kept labels, where every selector carrying the label lists them and no function writes it. */
function keptValues(analysis: Analysis): Map<string, LabelValues> {
  const kept = new Map<string, LabelValues>();
  for (const label of analysis.labels ?? []) {
    if (analysis.writtenLabels.has(label)) continue;
    const sources = analysis.selectors.filter((selector) => selector.labels?.has(label));
    const lists = sources.map((selector) => (selector.series ?? selector.recording)?.values.get(label));
    if (lists.length === 0 || lists.some((list) => list === undefined)) continue;
    kept.set(label, { values: [...new Set(lists.flatMap((list) => list!.values))], numeric: lists.some((list) => list!.numeric) });
  }
  return kept;
}

function signature(info: RecordingInfo): string {
  return JSON.stringify([info.labels ? [...info.labels].sort() : null, info.type, [...info.values].sort()]);
}
