import { listLabels, type QueryCheck } from './query-check.ts';

export const unknownLabelCheck: QueryCheck = {
  id: 'promql-unknown-label',
  summary:
    'Every label in a matcher exists on its metric (or is a target label); every label in by/without, on/ignoring and group_left/group_right exists on the input it applies to.',
  fix: 'Use a label the metric declares (or a target label such as job), or aggregate by a label the input keeps.',
  run(analysis) {
    if (analysis.syntaxErrors.length > 0) return [];
    const problems: string[] = [];
    for (const selector of analysis.selectors) {
      if (!selector.labels) continue;
      for (const label of selector.matcherLabels) {
        if (!selector.labels.has(label)) problems.push(`label '${label}' is not on ${selector.name} (its labels: ${listLabels(selector.labels)})`);
      }
    }
    for (const grouping of analysis.groupings) {
      if (!grouping.available) continue;
      for (const label of grouping.labels) {
        if (!grouping.available.has(label)) {
          problems.push(`'${grouping.clause}' names label '${label}', which its input does not have (input labels: ${listLabels(grouping.available)})`);
        }
      }
    }
    return problems;
  },
};
