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
import { isBlank } from '../readable-text.ts';

export const dashboardLintCheck: Check = {
  id: 'dashboard-lint',
  summary: "Every dashboard passes Grafana's dashboard-linter rules, excused only where its definitions say why a rule does not apply (a spansJobs reason must be visible).",
  fix: `Do as the linter rule says (for example narrow the query with job=~"$job", instance=~"$instance"); where the rule does not apply, say why on the panel or dashboard: spansJobs: 'why'.`,
  run(model) {
    const problems: Problem[] = [];
    const context = queryContextOf(model);
    for (const dashboard of model.dashboards) {
      // spansJobs is the reason written into the .lint exclusions: one of spaces excuses without saying why.
      for (const panel of dashboard.panels) {
        if (panel.spansJobs !== undefined && isBlank(panel.spansJobs)) {
          problems.push(dashboardProblem(dashboard, this.id, 'spansJobs has no visible characters; say why the panel spans jobs (it is the reason given in the .lint exclusions)', { title: panel.title }));
        }
      }
      for (const finding of lintModelDashboard(dashboard, context, model.config).reported) {
        // The query is named by its letter; the linter's echo of its text would bury the cause.
        const target = finding.targetIdx === undefined ? '' : `query ${String.fromCharCode(65 + finding.targetIdx)}: `;
        const message = `${target}${finding.message.replace(/^invalid PromQL query '[^]*?': /, '')} (${finding.rule.name}); ${finding.rule.fix}`;
        problems.push(dashboardProblem(dashboard, this.id, message, finding.panel ? { title: finding.panel.title } : undefined));
      }
    }
    return problems;
  },
};
