import type { Problem } from '../../problems.ts';
import { analyze } from '../../promql/analyze.ts';
import { queryContextOf } from '../../promql/model-context.ts';
import { checkTemplate } from '../annotation-template.ts';
import type { Check } from '../check.ts';
import { alertProblem, allAlerts } from '../rule-problem.ts';

export const annotationTemplatesCheck: Check = {
  id: 'annotation-templates',
  summary:
    "Summaries, descriptions and label values are alert templates Prometheus 2.53 parses and can render (its variables, functions and their arguments, closed actions, parentheses and blocks), and every label they read is a label of the alert's result.",
  fix: "Write the template as Prometheus reads it: {{ $labels.job }} (not $label), {{ $value | humanize }}, every action closed; read only labels the expression's result keeps (aggregate by the label, or leave it out of the text).",
  run(model) {
    const context = queryContextOf(model);
    const problems: Problem[] = [];
    for (const alert of allAlerts(model.rules)) {
      const resultLabels = analyze(alert.expr, context).labels;
      // Prometheus expands static label values as templates too.
      const templates = [['summary', alert.summary], ['description', alert.description], ...Object.entries(alert.labels).map(([name, value]) => [`label '${name}'`, value])];
      for (const [field, text] of templates) {
        const { errors, labels } = checkTemplate(String(text));
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
