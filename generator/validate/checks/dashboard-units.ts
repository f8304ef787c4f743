import type { Problem } from '../../problems.ts';
import type { Check } from '../check.ts';
import { dashboardProblem } from '../dashboard-problem.ts';

export const dashboardUnitsCheck: Check = {
  id: 'dashboard-units',
  summary:
    'Every panel sets a unit, so values read as 250 ms or 3 req/s, not 0.25 or 3; and its scale can show them: min below max, threshold steps in ascending order.',
  fix: "Set the panel's unit (s, bytes, reqps, percentunit…), with min below max and threshold steps in ascending order.",
  run(model) {
    const problems: Problem[] = [];
    for (const dashboard of model.dashboards) {
      for (const panel of dashboard.panels) {
        const report = (message: string) => problems.push(dashboardProblem(dashboard, this.id, message, panel));
        const { unit, min, max, thresholds } = panel;
        if (!unit) report('has no unit (reqps, s, bytes, percentunit, short…)');
        // An axis from 10 to 1 draws nothing; Grafana keeps the range as written.
        if (typeof min === 'number' && typeof max === 'number' && !(min < max)) {
          report(`min ${min} is not below max ${max}, so the scale can show no value; swap them or drop one`);
        }
        // Grafana colours a value by the last step at or below it, reading the steps in order.
        const steps = (thresholds ?? []).map((step) => step.value).filter((value): value is number => typeof value === 'number');
        const fall = steps.findIndex((value, i) => i > 0 && !(value > steps[i - 1]!));
        if (fall > 0) report(`threshold ${steps[fall]} follows ${steps[fall - 1]}: steps must ascend, or a value takes the wrong colour; order them from low to high`);
      }
    }
    return problems;
  },
};
