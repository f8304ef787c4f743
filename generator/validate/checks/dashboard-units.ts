import type { Problem } from '../../problems.ts';
import type { Check } from '../check.ts';
import { dashboardProblem, panelsOf } from '../dashboard-problem.ts';

export const dashboardUnitsCheck: Check = {
  id: 'dashboard-units',
  summary: 'Every panel sets a unit, so values read as 250 ms or 3 req/s, not 0.25 or 3.',
  run(model) {
    const problems: Problem[] = [];
    for (const dashboard of model.dashboards) {
      for (const panel of panelsOf(dashboard)) {
        if (!panel.fieldConfig?.defaults?.unit) problems.push(dashboardProblem(dashboard, this.id, 'has no unit (reqps, s, bytes, percentunit, short…)', panel));
      }
    }
    return problems;
  },
};
