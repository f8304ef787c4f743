import type { Problem } from '../../problems.ts';
import type { Check } from '../check.ts';
import { isBlank } from '../readable-text.ts';
import { alertProblem, allAlerts } from '../rule-problem.ts';

export const alertSeverityCheck: Check = {
  id: 'alert-severity',
  summary:
    'A critical alert wakes someone: it states the user-visible symptom or the imminent data loss it pages on (impact). A cause users do not yet feel (a breaker open, one pod restarting) is a warning.',
  fix: "State what users feel or the data that will be lost (impact: 'checkout fails for every user'), or make the alert a warning if users do not feel it yet.",
  run(model) {
    const problems: Problem[] = [];
    for (const alert of allAlerts(model.rules)) {
      if (alert.severity === 'critical' && (alert.impact === undefined || isBlank(alert.impact))) {
        problems.push(
          alertProblem(
            alert,
            this.id,
            'is critical but does not say what users feel or what data is lost when it fires: state it in impact, or make it a warning (a cause users do not feel yet)',
          ),
        );
      }
    }
    return problems;
  },
};
