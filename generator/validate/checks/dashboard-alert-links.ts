import type { Problem } from '../../problems.ts';
import type { Check } from '../check.ts';
import { dashboardProblem } from '../dashboard-problem.ts';

export const dashboardAlertLinksCheck: Check = {
  id: 'dashboard-alert-links',
  summary: 'Panels link only to alerts that exist, so every runbook link lands on a section of docs/alerts.md.',
  fix: 'Name an alert the project defines, spelt as its name is.',
  run(model) {
    const alerts = new Set(model.rules.flatMap((file) => file.alerts.map((alert) => alert.name)));
    const problems: Problem[] = [];
    for (const dashboard of model.dashboards) {
      for (const panel of dashboard.panels) {
        for (const name of panel.alerts) {
          if (!alerts.has(name)) problems.push(dashboardProblem(dashboard, this.id, `links to alert ${name}, which no rules file defines`, panel));
        }
      }
    }
    return problems;
  },
};
