import type { Problem } from '../../problems.ts';
import type { Check } from '../check.ts';
import { dashboardProblem } from '../dashboard-problem.ts';

/** The range of every rate(), irate() and increase() call: what follows the call up to its first `[…]`. */
const RANGE_CALL = /\b(rate|irate|increase)\s*\([^[]*\[([^\]]*)\]/g;

export const dashboardRateIntervalCheck: Check = {
  id: 'dashboard-rate-interval',
  summary: 'Panels take rate, irate and increase over $__rate_interval, which Grafana keeps at least four scrapes wide at every zoom.',
  fix: 'Write rate(x[$__rate_interval]) instead of a fixed window on a panel.',
  run(model) {
    const problems: Problem[] = [];
    for (const dashboard of model.dashboards) {
      for (const panel of dashboard.panels) {
        for (const target of panel.targets) {
          for (const [, fn, window] of target.expr.matchAll(RANGE_CALL)) {
            if (window !== '$__rate_interval') {
              problems.push(dashboardProblem(dashboard, this.id, `query ${target.refId}: ${fn}() over [${window}]; use [$__rate_interval]`, panel));
            }
          }
        }
      }
    }
    return problems;
  },
};
