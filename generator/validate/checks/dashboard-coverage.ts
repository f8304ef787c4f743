import type { Problem } from '../../problems.ts';
import { substituteVariables } from '../../grafana/variables.ts';
import { analyze } from '../../promql/analyze.ts';
import { queryContextOf } from '../../promql/model-context.ts';
import { metricProblem, type Check } from '../check.ts';
import { panelsOf } from '../dashboard-problem.ts';

export const dashboardCoverageCheck: Check = {
  id: 'dashboard-coverage',
  summary: 'Every application metric is on at least one panel (directly or through the recording rules a panel reads), or says why not with notDashboarded.',
  run(model) {
    if (model.dashboards.length === 0) return [];
    const context = queryContextOf(model);
    const recordingExprs = new Map(model.rules.flatMap((file) => file.recording.map((rule) => [rule.record, rule.expr] as const)));
    const shown = new Set<string>();
    const visit = (expr: string, seen: Set<string>) => {
      for (const selector of analyze(expr, context).selectors) {
        if (selector.series) shown.add(selector.series.family);
        const inner = recordingExprs.get(selector.name);
        if (inner !== undefined && !seen.has(selector.name)) visit(inner, new Set([...seen, selector.name]));
      }
    };
    for (const dashboard of model.dashboards) {
      for (const panel of panelsOf(dashboard)) {
        for (const target of panel.targets ?? []) visit(substituteVariables(target.expr ?? '', context.scrapeIntervalSeconds), new Set());
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
