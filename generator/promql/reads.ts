/**
 * What queries read, from the model: the one answer to "which metric families does this query
 * read, through recording rules" (dashboard coverage, the live tests' choice of panels) and "which
 * recording rules does anything read". Taken from what the queries interpolate, resolved when the
 * model was built (model/queries.ts), never parsed back out of their text.
 */
import type { Model, QueryReads } from '../model/types.ts';

/** Full names of the catalogue metrics a query reads, directly or inside the recording rules it names. */
export function familiesRead(reads: QueryReads): Set<string> {
  return new Set(reads.metrics.map((metric) => metric.name));
}

/** Every query of the model: alerts', recording rules' and panel targets'. */
export function everyQueryReads(model: Model): QueryReads[] {
  return [
    ...model.rules.flatMap((file) => [...file.recording, ...file.alerts].map((rule) => rule.reads)),
    ...model.dashboards.flatMap((dashboard) => dashboard.panels.flatMap((panel) => panel.targets.map((target) => target.reads))),
  ];
}

/** Recording rules (full record names) some alert, recording rule or panel names. */
export function recordingsRead(model: Model): Set<string> {
  return new Set(everyQueryReads(model).flatMap((reads) => reads.recordings));
}
