import type { Problem } from '../../problems.ts';
import { cannotFire, edgePlan } from '../../rules/edges.ts';
import type { Check } from '../check.ts';
import { alertProblem, allAlerts } from '../rule-problem.ts';

export const alertScenariosCheck: Check = {
  id: 'alert-scenarios',
  summary:
    'Every alert gives a scenario (how to make its compared quantity take a value) for the generated edge-case tests, or says why it has none; and the value its firing cases need is one the quantity can take (a gauge may declare its range or capacity): otherwise the alert cannot fire.',
  run(model) {
    const problems: Problem[] = [];
    for (const alert of allAlerts(model.rules)) {
      const verdict = edgePlan(model, alert);
      if (verdict.kind === 'problem') problems.push(alertProblem(alert, this.id, verdict.message));
      if (verdict.kind !== 'plan') continue;
      const impossible = cannotFire(verdict.plan);
      if (impossible) problems.push(alertProblem(alert, this.id, impossible));
    }
    return problems;
  },
};
