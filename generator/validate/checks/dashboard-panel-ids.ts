import type { Problem } from '../../problems.ts';
import type { Check } from '../check.ts';
import { dashboardProblem, gridItemsOf } from '../dashboard-problem.ts';

export const dashboardPanelIdsCheck: Check = {
  id: 'dashboard-panel-ids',
  summary: 'Panel and row ids are set and unique within a dashboard: Grafana links and edits panels by id.',
  run(model) {
    const problems: Problem[] = [];
    for (const dashboard of model.dashboards) {
      const seen = new Set<number>();
      for (const panel of gridItemsOf(dashboard)) {
        if (panel.id === undefined) problems.push(dashboardProblem(dashboard, this.id, 'has no id', panel));
        else if (seen.has(panel.id)) problems.push(dashboardProblem(dashboard, this.id, `id ${panel.id} is used twice`, panel));
        else seen.add(panel.id);
      }
    }
    return problems;
  },
};
