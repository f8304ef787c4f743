import type { Problem } from '../../problems.ts';
import { substituteVariables } from '../../grafana/variables.ts';
import { checkQuery } from '../../promql/index.ts';
import { queryContextOf } from '../../promql/model-context.ts';
import type { Check } from '../check.ts';
import { dashboardProblem } from '../dashboard-problem.ts';

export const dashboardQueriesCheck: Check = {
  id: 'dashboard-queries',
  summary: 'Every panel query, with Grafana variables substituted, passes the query checker (see the promql-* rules).',
  fix: 'Correct the panel query as the promql-* problem says.',
  run(model) {
    const context = queryContextOf(model);
    const problems: Problem[] = [];
    for (const dashboard of model.dashboards) {
      for (const panel of dashboard.panels) {
        for (const target of panel.targets) {
          const expr = substituteVariables(target.expr, context.scrapeIntervalSeconds);
          for (const { check, message } of checkQuery(expr, context)) problems.push(dashboardProblem(dashboard, check, `query ${target.refId}: ${message}`, panel));
        }
      }
    }
    return problems;
  },
};
