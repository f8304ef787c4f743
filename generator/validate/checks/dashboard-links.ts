import { dashboardUid, dashboardUrl } from '../../model/dashboards.ts';
import type { Problem } from '../../problems.ts';
import type { Check } from '../check.ts';
import { dashboardProblem } from '../dashboard-problem.ts';

export const dashboardLinksCheck: Check = {
  id: 'dashboard-links',
  summary: 'Header links to other dashboards (/d/<uid>) lead to a dashboard the project generates.',
  run(model) {
    const problems: Problem[] = [];
    const { namespace } = model.config;
    const names = new Map(model.dashboards.map((dashboard) => [dashboard.uid, dashboard.name]));
    for (const dashboard of model.dashboards) {
      for (const link of dashboard.links) {
        const uid = dashboardUid(namespace, link.dashboard);
        if (names.has(uid)) continue;
        const known = [...names.values()].sort().join(', ');
        problems.push(dashboardProblem(dashboard, this.id, `link '${link.title}' leads to ${dashboardUrl(namespace, link.dashboard)}, but no dashboard has uid '${uid}': name a dashboard this project defines (${known})`));
      }
    }
    return problems;
  },
};
