import type { Problem } from '../../problems.ts';
import { analyze } from '../../promql/analyze.ts';
import { queryContextOf } from '../../promql/model-context.ts';
import type { Check } from '../check.ts';
import { alertProblem, allAlerts } from '../rule-problem.ts';

export const alertLabelsCheck: Check = {
  id: 'alert-labels',
  summary:
    "An alert's static labels add labels its expression's result does not carry (one that overwrites a result label merges distinct series into one label set, which Prometheus refuses), have a value, and avoid Prometheus's reserved __ prefix.",
  fix: "Rename the static label, or drop it: the expression's result already carries that label.",
  run(model) {
    const context = queryContextOf(model);
    const problems: Problem[] = [];
    for (const alert of allAlerts(model.rules)) {
      const result = analyze(alert.expr, context).labels;
      for (const [name, value] of Object.entries(alert.labels)) {
        if (name.startsWith('__')) problems.push(alertProblem(alert, this.id, `static label '${name}': names starting with __ are reserved for Prometheus's internal use; drop the underscores`));
        if (String(value).trim() === '') problems.push(alertProblem(alert, this.id, `static label '${name}' is empty: Prometheus drops labels with an empty value, so it would never reach Alertmanager; give it a value or remove it`));
        if (!result?.has(name)) continue;
        problems.push(
          alertProblem(
            alert,
            this.id,
            `static label '${name}' overwrites the '${name}' label each series of the result carries (${[...result].sort().join(', ')}): series that differ only in ${name} collapse into one label set, and Prometheus fails the rule ("vector contains metrics with the same labelset after applying alert labels"). Give the static label another name, or aggregate ${name} away (sum without (${name}) …)`,
          ),
        );
      }
    }
    return problems;
  },
};
