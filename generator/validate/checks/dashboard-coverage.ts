import type { Problem } from '../../problems.ts';
import { substituteVariables } from '../../grafana/variables.ts';
import { familiesRead } from '../../promql/families.ts';
import { queryContextOf } from '../../promql/model-context.ts';
import { metricProblem, type Check } from '../check.ts';

export const dashboardCoverageCheck: Check = {
  id: 'dashboard-coverage',
  summary: 'Every application metric is on at least one panel (directly or through the recording rules a panel reads), or says why not with notDashboarded.',
  run(model) {
    if (model.dashboards.length === 0) return [];
    const scrapeSeconds = queryContextOf(model).scrapeIntervalSeconds;
    const shown = new Set<string>();
    for (const dashboard of model.dashboards) {
      for (const panel of dashboard.panels) {
        for (const target of panel.targets) for (const family of familiesRead(model, substituteVariables(target.expr, scrapeSeconds))) shown.add(family);
      }
    }
    const problems: Problem[] = [];
    for (const metric of model.metrics) {
      if (!metric.strict || shown.has(metric.name)) continue;
      if (metric.notDashboarded === undefined) {
        problems.push(metricProblem(metric, this.id, 'no dashboard panel shows this metric; add a panel, or say why with notDashboarded: "reason"'));
      }
    }
    return problems;
  },
};
