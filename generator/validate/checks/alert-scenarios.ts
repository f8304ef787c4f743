import type { Problem } from '../../problems.ts';
import { cannotFire, edgePlan } from '../../rules/edges.ts';
import { seriesValueBounds } from '../test-series.ts';
import type { Check } from '../check.ts';
import { alertProblem, allAlerts } from '../rule-problem.ts';

export const alertScenariosCheck: Check = {
  id: 'alert-scenarios',
  summary:
    'Every alert gives a scenario (how to make its compared quantity take a value) for the generated edge-case tests, or says why it has none; and the value its firing cases need is one the quantity can take (a gauge may declare its range or capacity): otherwise the alert cannot fire. Hand-written tests give a gauge only values within its declared range: a test on a value the system never produces proves nothing.',
  fix: "Give the alert a scenario (how to produce the compared value on one target), or noScenario: 'why'; choose a threshold within the gauge's declared range, and test inputs inside it.",
  run(model) {
    const problems: Problem[] = [];
    const ranged = new Map(model.metrics.filter((metric) => metric.range).map((metric) => [metric.name, metric.range!]));
    for (const alert of allAlerts(model.rules)) {
      for (const test of alert.tests) {
        for (const input of test.series) {
          const range = ranged.get(input.series.slice(0, input.series.indexOf('{')));
          const bounds = range && seriesValueBounds(input.values);
          if (!range || !bounds) continue;
          const outside = bounds.max > (range.max ?? Infinity) ? bounds.max : bounds.min < (range.min ?? -Infinity) ? bounds.min : undefined;
          if (outside === undefined) continue;
          problems.push(
            alertProblem(alert, this.id, `test '${test.name}': input series ${input.series} takes ${outside}, which the system never produces: it is ${range.why} (${range.min ?? '-∞'}–${range.max ?? '∞'}). Test with values it can take`),
          );
        }
      }
      const verdict = edgePlan(model, alert);
      if (verdict.kind === 'problem') problems.push(alertProblem(alert, this.id, verdict.message));
      if (verdict.kind !== 'plan') continue;
      const impossible = cannotFire(verdict.plan);
      if (impossible) problems.push(alertProblem(alert, this.id, impossible));
    }
    return problems;
  },
};
