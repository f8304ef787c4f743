import type { Problem } from '../../problems.ts';
import { thresholdOf, watchesAbsence } from '../../rules/edges.ts';
import type { Check } from '../check.ts';
import { alertProblem, allAlerts } from '../rule-problem.ts';

export const alertBlindSpotsCheck: Check = {
  id: 'alert-blind-spots',
  summary:
    'An alert that fires on a low value (no workers, a target down, too few users) goes blind when its series disappear, and they disappear when the cause is worst (the process gone, the target out of discovery): it pairs with absent()/absent_over_time() (or an `unless on()`/`or on()` form), or says in blindSpot which alert covers the missing series.',
  fix: "Pair the condition with absent(…) of its series (or an unless on()/or on() form), or say which alert covers the missing series: blindSpot: 'TargetDown fires when the job is gone'.",
  run(model) {
    const problems: Problem[] = [];
    for (const alert of allAlerts(model.rules)) {
      const comparison = thresholdOf(model, alert);
      if (!comparison || alert.blindSpot !== undefined || watchesAbsence(alert)) continue;
      const low = comparison.op === '<' || comparison.op === '<=' || (comparison.op === '==' && comparison.threshold === 0);
      if (!low) continue;
      const shown = comparison.quantity.text.replace(/\s+/g, ' ');
      problems.push(
        alertProblem(
          alert,
          this.id,
          `fires when ${shown} ${comparison.op} ${comparison.threshold}, but when its series disappear (the process or target gone) the expression is empty and the alert is silent: add \`or absent(…)\` (or absent_over_time) for the same series, or say in blindSpot which alert covers the missing series`,
        ),
      );
    }
    return problems;
  },
};
