import type { Problem } from '../../problems.ts';
import type { Check } from '../check.ts';
import { isBlank } from '../readable-text.ts';
import { alertProblem, allAlerts } from '../rule-problem.ts';

export const alertRunbooksCheck: Check = {
  id: 'alert-runbooks',
  summary:
    'Every runbook says how to fix the problem (fix steps) and whom to escalate to; a runbook panel names a dashboard and one of its panels by title.',
  fix: 'Give the runbook fix steps and an escalation (who to call next), and name a panel by its title on the dashboard the runbook links to.',
  run(model) {
    const problems: Problem[] = [];
    const dashboards = new Map(model.dashboards.map((dashboard) => [dashboard.name, dashboard]));
    for (const alert of allAlerts(model.rules)) {
      const report = (message: string) => problems.push(alertProblem(alert, this.id, message));
      const { fix, escalation, panel } = alert.runbook;
      if (fix.length === 0 || fix.every(isBlank)) report('runbook.fix is empty: list the steps that end the alert, in order (the person paged acts on them)');
      if (isBlank(escalation)) report('runbook.escalation is empty: say whom to call, and when, if the fix steps do not end it');
      if (panel === undefined) continue;
      const dashboard = dashboards.get(String(panel.dashboard));
      if (!dashboard) {
        report(`runbook.panel names dashboard '${panel.dashboard}', which dashboards/ does not define; known: ${[...dashboards.keys()].join(', ') || 'none'}`);
      } else if (!dashboard.panels.some((candidate) => candidate.title === panel.panel)) {
        report(`runbook.panel names panel '${panel.panel}', which dashboard '${dashboard.name}' does not have: use one of its panel titles`);
      }
    }
    return problems;
  },
};
