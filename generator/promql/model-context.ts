/** The query context of a model: its catalogue series, its recording rules and its scrape interval. */
import type { Model } from '../model/types.ts';
import { analyze } from './analyze.ts';
import { seriesIndex, type QueryContext, type RecordingInfo } from './context.ts';
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
  const series = seriesIndex(model.metrics);
  const recordings = new Map<string, RecordingInfo>();
  const scrapeIntervalSeconds = durationSeconds(model.config.prometheus.scrapeInterval) || 15;
  const allRules = model.rules.flatMap((file) => file.recording);
  for (const rule of allRules) recordings.set(rule.record, { labels: undefined });
  // Rules may read rules defined after them: a second pass sees every rule's inferred labels.
  for (let pass = 0; pass < 2; pass++) {
    for (const rule of allRules) {
      recordings.set(rule.record, { labels: analyze(rule.expr, { series, recordings, scrapeIntervalSeconds }).labels });
    }
  }
  return { series, recordings, scrapeIntervalSeconds };
}
