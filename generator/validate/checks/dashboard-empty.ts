import type { Problem } from '../../problems.ts';
import type { Check } from '../check.ts';
import { dashboardProblem, rowItem } from '../dashboard-problem.ts';

/**
 * Every panel kind the DSL offers (timeseries, stat, heatmap, table, bar gauge, state timeline)
 * draws query results; there is no text or list panel that needs none, so a panel without a query
 * always shows "No data". Rows take no query: they hold the panels that follow them.
 */
export const dashboardEmptyCheck: Check = {
  id: 'dashboard-empty',
  summary: 'Every dashboard has panels, every row holds at least one, and every panel has at least one query: an empty one only ever shows "No data".',
  fix: 'Give the dashboard rows with panels, and each panel at least one query; delete what stays empty.',
  run(model) {
    const problems: Problem[] = [];
    for (const dashboard of model.dashboards) {
      if (dashboard.panels.length === 0) {
        problems.push(dashboardProblem(dashboard, this.id, 'has no panels; add a row(title, [panels…]) with at least one panel'));
        continue;
      }
      for (const row of dashboard.rows) {
        if (row.panels.length === 0) problems.push(dashboardProblem(dashboard, this.id, 'holds no panels; add panels to it or remove it', rowItem(row)));
        for (const panel of row.panels) {
          if (panel.targets.length === 0) {
            problems.push(dashboardProblem(dashboard, this.id, 'has no queries, so it can only show "No data"; give it targets: [target(promql`…`)]', panel));
          }
        }
      }
    }
    return problems;
  },
};
