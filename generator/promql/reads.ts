/**
 * What queries read: the one answer to "which metric families does this query read, through
 * recording rules" (scrape and dashboard coverage, the live tests' choice of panels) and "which
 * recording rules does a query select" (recording-rules-read). Mostly taken from what the queries
 * interpolate, resolved when the model was built (model/queries.ts); a name typed into the text by
 * hand (`up`, a recording rule spelt out) is something only the parser sees, so the text's selectors
 * are added to it.
 */
import { substituteVariables } from '../grafana/variables.ts';
import type { Model, QueryReads } from '../model/types.ts';
import { analyze } from './analyze.ts';
import { queryContextOf } from './model-context.ts';

/** A query as the model holds it: its text, and what it interpolates. */
export interface ReadingQuery {
  readonly expr: string;
  readonly reads: QueryReads;
}

/** Full names of the catalogue metrics a query reads, directly or inside the recording rules it reads. */
export function familiesRead(model: Model, query: ReadingQuery): Set<string> {
  const rules = recordingRulesByName(model);
  const families = new Set<string>();
  const visit = (current: ReadingQuery, seen: ReadonlySet<string>) => {
    for (const metric of current.reads.metrics) families.add(metric.name);
    for (const name of namesTyped(model, current.expr)) {
      if (!rules.has(name)) families.add(name);
      else if (!seen.has(name)) visit(rules.get(name)!, new Set([...seen, name]));
    }
  };
  visit(query, new Set());
  // Names typed by hand count only when the catalogue describes them.
  const catalogued = new Set(model.metrics.map((metric) => metric.name));
  return new Set([...families].filter((family) => catalogued.has(family)));
}

/** The recording rules (full record names) a query selects itself, interpolated or typed by hand. */
export function rulesSelected(model: Model, query: ReadingQuery): Set<string> {
  const rules = recordingRulesByName(model);
  return new Set([...query.reads.recordings, ...namesTyped(model, query.expr).filter((name) => rules.has(name))]);
}

/**
 * The names a query's text selects (a histogram's `_bucket` as its family), Grafana's variables
 * replaced so panel queries parse.
 */
function namesTyped(model: Model, expr: string): string[] {
  const context = queryContextOf(model);
  return analyze(substituteVariables(expr, context.scrapeIntervalSeconds), context).selectors.map((selector) => selector.series?.family ?? selector.name);
}

const rulesByModel = new WeakMap<Model, Map<string, ReadingQuery>>();

function recordingRulesByName(model: Model): Map<string, ReadingQuery> {
  let rules = rulesByModel.get(model);
  if (!rules) {
    rules = new Map(model.rules.flatMap((file) => file.recording.map((rule) => [rule.record, rule] as const)));
    rulesByModel.set(model, rules);
  }
  return rules;
}
