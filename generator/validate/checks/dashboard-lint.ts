/**
 * Grafana's dashboard linter, which monitoring mixins run in CI, over every generated dashboard:
 * whatever it would report that the generated `.lint` exclusions do not excuse is refused here,
 * with the linter's rule name and message, so the dashboards pass `dashboard-linter lint --strict`.
 */
import { lintModelDashboard } from '../../grafana/lint/exclusions.ts';
import { queryContextOf } from '../../promql/model-context.ts';
import type { Problem } from '../../problems.ts';
import type { Check } from '../check.ts';
import { dashboardProblem } from '../dashboard-problem.ts';

export const dashboardLintCheck: Check = {
  id: 'dashboard-lint',
  summary: "Every dashboard passes Grafana's dashboard-linter rules, excused only where its definitions say why a rule does not apply.",
  run(model) {
    const problems: Problem[] = [];
    const context = queryContextOf(model);
    for (const dashboard of model.dashboards) {
      for (const finding of lintModelDashboard(dashboard, context).reported) {
        // The query is named by its letter; the linter's echo of its text would bury the cause.
        const target = finding.targetIdx === undefined ? '' : `query ${String.fromCharCode(65 + finding.targetIdx)}: `;
        const message = `${target}${finding.message.replace(/^invalid PromQL query '[^]*?': /, '')} (${finding.rule.name}); ${finding.rule.fix}`;
        problems.push(dashboardProblem(dashboard, this.id, message, finding.panel ? { title: finding.panel.title } : undefined));
      }
    }
    return problems;
  },
};
