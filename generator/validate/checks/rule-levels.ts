import type { Problem } from '../../problems.ts';
import { analyze } from '../../promql/analyze.ts';
import { listLabels } from '../../promql/checks/query-check.ts';
import { TARGET_LABELS } from '../../promql/context.ts';
import { queryContextOf } from '../../promql/model-context.ts';
import type { Check } from '../check.ts';
import { allRecordings, recordingProblem } from '../rule-problem.ts';

/**
 * In `level:metric:operations` the level is the labels the rule's result keeps, joined by `_`
 * (`job_route:http_requests:rate5m` keeps job and route). A level naming a label the expression
 * aggregates away promises a breakdown that is not there; one leaving out a kept label hides it.
 */
export const ruleLevelsCheck: Check = {
  id: 'rule-levels',
  summary: "A recording rule's level (the part before the first colon, labels joined by _) names exactly the labels its result keeps.",
  fix: 'Make the level name exactly the labels the result keeps, joined by _ (job_route: for sum by (job, route)); leave it empty (:http_requests:rate5m) when the rule aggregates every label away.',
  run(model) {
    const context = queryContextOf(model);
    const problems: Problem[] = [];
    for (const rule of allRecordings(model.rules)) {
      const parts = rule.written.split(':');
      const kept = context.recordings.get(rule.record)?.labels;
      // Names off the level:metric:operations shape are the rule-names check's; unknown labels cannot be judged.
      if (parts.length !== 3 || !kept) continue;
      const [level, metric, operations] = parts as [string, string, string];
      const fix = `name it ${[...kept].join('_')}:${metric}:${operations}`;
      const vocabulary = new Set([...kept, ...TARGET_LABELS, ...analyze(rule.expr, context).selectors.flatMap((selector) => [...(selector.labels ?? [])])]);
      const named = labelsOf(level, vocabulary, kept);
      const twice = named.filter((label, i) => named.indexOf(label) !== i);
      if (twice.length > 0) problems.push(recordingProblem(rule, this.id, `level '${level}' names '${twice[0]}' twice; ${fix}`));
      const dropped = named.filter((label) => !kept.has(label));
      const unnamed = [...kept].filter((label) => !named.includes(label));
      if (dropped.length > 0) {
        const what = dropped.map((label) => `'${label}'`).join(' and ');
        const keepable = dropped.filter((label) => vocabulary.has(label));
        const orKeep = keepable.length > 0 ? `, or keep ${keepable.join(', ')} in the aggregation` : '';
        problems.push(recordingProblem(rule, this.id, `level '${level}' names ${what}, which the expression does not keep (its result keeps: ${listLabels(kept)}); ${fix}${orKeep}`));
      } else if (unnamed.length > 0) {
        const what = unnamed.map((label) => `'${label}'`).join(' and ');
        problems.push(recordingProblem(rule, this.id, `the result keeps ${what}, which level '${level}' does not name; ${fix}, or aggregate ${unnamed.join(', ')} away`));
      }
    }
    return problems;
  },
};

/**
 * Reads a level as label names joined by `_`. Labels hold `_` themselves (`event_type`), so of
 * every reading the one with the fewest labels the result lacks wins; a word that is no label of
 * the expression at all is read as one label on its own.
 */
function labelsOf(level: string, vocabulary: ReadonlySet<string>, kept: ReadonlySet<string>): string[] {
  if (level === '') return [];
  const tokens = level.split('_');
  // best[i]: the best reading of tokens[i…].
  const best: (string[] | undefined)[] = new Array(tokens.length + 1).fill(undefined);
  best[tokens.length] = [];
  const cost = (labels: readonly string[]) =>
    labels.reduce((sum, label) => sum + (kept.has(label) ? 1 : vocabulary.has(label) ? 100 : 10_000), 0);
  for (let i = tokens.length - 1; i >= 0; i--) {
    for (let j = i + 1; j <= tokens.length; j++) {
      const word = tokens.slice(i, j).join('_');
      const rest = best[j];
      if (!rest || (!vocabulary.has(word) && j > i + 1)) continue;
      const reading = [word, ...rest];
      if (!best[i] || cost(reading) < cost(best[i]!)) best[i] = reading;
    }
  }
  return best[0]!;
}
