import type { Problem } from '../../problems.ts';
import { analyze } from '../../promql/analyze.ts';
import { queryContextOf } from '../../promql/model-context.ts';
import { checkTemplate } from '../annotation-template.ts';
import type { Check } from '../check.ts';
import { alertProblem, allAlerts } from '../rule-problem.ts';

export const annotationTemplatesCheck: Check = {
  id: 'annotation-templates',
  summary: "Summaries and descriptions are valid alert templates, and every $labels.name they read is a label of the alert's result.",
  run(model) {
    const context = queryContextOf(model);
    const problems: Problem[] = [];
    for (const alert of allAlerts(model.rules)) {
      const resultLabels = analyze(alert.expr, context).labels;
      for (const [field, text] of [['summary', alert.summary], ['description', alert.description]] as const) {
        const { errors, labels } = checkTemplate(text);
        for (const error of errors) problems.push(alertProblem(alert, this.id, `${field} template: ${error}`));
        if (!resultLabels) continue;
        for (const label of new Set(labels)) {
          if (!resultLabels.has(label) && !Object.hasOwn(alert.labels, label)) {
            problems.push(
              alertProblem(alert, this.id, `${field} reads $labels.${label}, but the alert's result has only: ${[...resultLabels].sort().join(', ') || 'no labels'}`),
            );
          }
        }
      }
    }
    return problems;
  },
};
