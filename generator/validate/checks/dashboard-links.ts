import type { Problem } from '../../problems.ts';
import type { Check } from '../check.ts';
import { dashboardProblem } from '../dashboard-problem.ts';

export const dashboardLinksCheck: Check = {
  id: 'dashboard-links',
  summary: 'Header links to other dashboards (/d/<uid>) lead to a dashboard the project generates.',
  fix: "Name a dashboard the project defines in the link's dashboard.",
  run(model) {
    const problems: Problem[] = [];
    for (const dashboard of model.dashboards) {
      for (const link of dashboard.links) {
        if (link.uid !== undefined) continue;
        const known = model.dashboards.map((candidate) => candidate.name).sort().join(', ');
        problems.push(dashboardProblem(dashboard, this.id, `link '${link.title}' names dashboard '${link.dashboard}', which this project does not define: name one it does (${known})`));
      }
    }
    return problems;
  },
};
