import type { Problem } from '../../problems.ts';
import type { Check } from '../check.ts';
import { dashboardProblem } from '../dashboard-problem.ts';

/** Grafana serves a dashboard at /d/<uid>: the links between dashboards take that form. */
const DASHBOARD_URL = /^\/d\/([^/?#]*)/;

export const dashboardLinksCheck: Check = {
  id: 'dashboard-links',
  summary: 'Header links to other dashboards (/d/<uid>) lead to a dashboard the project generates.',
  run(model) {
    const problems: Problem[] = [];
    const names = new Map(model.dashboards.map((dashboard) => [dashboard.uid, dashboard.name]));
    for (const dashboard of model.dashboards) {
      for (const link of dashboard.json.links ?? []) {
        const uid = DASHBOARD_URL.exec(link.url ?? '')?.[1];
        if (uid === undefined || names.has(uid)) continue;
        const known = [...names.values()].sort().join(', ');
        problems.push(dashboardProblem(dashboard, this.id, `link '${link.title}' leads to ${link.url}, but no dashboard has uid '${uid}': name a dashboard this project defines (${known})`));
      }
    }
    return problems;
  },
};
