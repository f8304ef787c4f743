import type { Problem } from '../../problems.ts';
import { alertCondition } from '../../promql/condition.ts';
import type { Check } from '../check.ts';
import { alertProblem, allAlerts } from '../rule-problem.ts';

export const alertConditionCheck: Check = {
  id: 'alert-condition',
  summary:
    'An alert expression has a condition: a comparison (without bool), absent()/absent_over_time(), or a filter (and, unless); Prometheus fires for every series an expression returns. A lone vector(1) is a heartbeat (Watchdog), firing by design.',
  fix: 'Give the expression a condition: compare it with a threshold (> 0.05), use absent(), or filter it with and/unless.',
  run(model) {
    const problems: Problem[] = [];
    for (const alert of allAlerts(model.rules)) {
      const verdict = alertCondition(alert.expr);
      if (!verdict.ok) problems.push(alertProblem(alert, this.id, verdict.reason));
    }
    return problems;
  },
};
