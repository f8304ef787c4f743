/** The metric families a query reads, directly or through the recording rules it selects. */
import type { Model } from '../model/types.ts';
import { analyze } from './analyze.ts';
import { queryContextOf } from './model-context.ts';

export function familiesRead(model: Model, expr: string): Set<string> {
  const context = queryContextOf(model);
  const recordings = new Map(model.rules.flatMap((file) => file.recording.map((rule) => [rule.record, rule.expr] as const)));
  const families = new Set<string>();
  const visit = (query: string, seen: ReadonlySet<string>) => {
    for (const selector of analyze(query, context).selectors) {
      if (selector.series) families.add(selector.series.family);
      const inner = recordings.get(selector.name);
      if (inner !== undefined && !seen.has(selector.name)) visit(inner, new Set([...seen, selector.name]));
    }
  };
  visit(expr, new Set());
  return families;
}
