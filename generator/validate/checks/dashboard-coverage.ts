import type { Problem } from '../../problems.ts';
import { familiesRead } from '../../promql/reads.ts';
import { metricProblem, type Check } from '../check.ts';

export const dashboardCoverageCheck: Check = {
  id: 'dashboard-coverage',
  summary: 'Every application metric is on at least one panel (directly or through the recording rules a panel reads), or says why not with notDashboarded.',
  fix: "Put the metric on a panel, or say why not on its definition: notDashboarded: 'read only by the alert X'.",
  run(model) {
    if (model.dashboards.length === 0) return [];
    const shown = new Set(model.dashboards.flatMap((dashboard) => dashboard.panels.flatMap((panel) => panel.targets.flatMap((target) => [...familiesRead(model, target)]))));
    const problems: Problem[] = [];
    for (const metric of model.metrics) {
      if (!metric.appOwned || shown.has(metric.name)) continue;
      if (metric.notDashboarded === undefined) {
        problems.push(metricProblem(metric, this.id, 'no dashboard panel shows this metric; add a panel, or say why with notDashboarded: "reason"'));
      }
    }
    return problems;
  },
};
