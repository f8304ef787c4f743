import type { Problem } from '../../problems.ts';
import type { Check } from '../check.ts';
import { dashboardProblem } from '../dashboard-problem.ts';

/** Grafana's limit and charset for dashboard uids. */
const UID = /^[a-zA-Z0-9_-]{1,40}$/;

export const dashboardUidsCheck: Check = {
  id: 'dashboard-uids',
  summary: 'Dashboard uids are unique, at most 40 characters of letters, digits, - and _: links and provisioning rely on them.',
  fix: 'Give the dashboard a uid of its own, at most 40 letters, digits, - or _.',
  run(model) {
    const problems: Problem[] = [];
    const seen = new Map<string, string>();
    for (const dashboard of model.dashboards) {
      const uid = dashboard.uid;
      if (!UID.test(uid)) problems.push(dashboardProblem(dashboard, this.id, `uid '${uid}' must be 1–40 letters, digits, - or _`));
      const earlier = seen.get(uid);
      if (earlier) problems.push(dashboardProblem(dashboard, this.id, `uid '${uid}' is also the uid of the dashboard in ${earlier}`));
      else seen.set(uid, dashboard.file);
    }
    return problems;
  },
};
