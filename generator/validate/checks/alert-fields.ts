import { SEVERITIES } from '../../dsl/rules.ts';
import type { Problem } from '../../problems.ts';
import { durationSeconds } from '../../promql/duration.ts';
import type { Check } from '../check.ts';
import { isBlank, unreadable } from '../readable-text.ts';
import { alertProblem, allAlerts } from '../rule-problem.ts';

const LABEL_NAME = /^[a-z_][a-z0-9_]*$/;

export const alertFieldsCheck: Check = {
  id: 'alert-fields',
  summary:
    'Alerts have a severity of critical, warning or info, a valid `for` duration, a summary, a description and a runbook (meaning, causes, first checks).',
  fix: "Give the alert severity critical, warning or info, a duration such as '5m' for for, and a summary, description and runbook (meaning, causes, checks) with visible text.",
  run(model) {
    const problems: Problem[] = [];
    for (const alert of allAlerts(model.rules)) {
      const report = (message: string) => problems.push(alertProblem(alert, this.id, message));
      if (!(SEVERITIES as readonly string[]).includes(alert.severity)) report(`severity '${alert.severity}' is not one of ${SEVERITIES.join(', ')}`);
      if (durationSeconds(alert.for) === undefined) report(`for '${alert.for}' is not a Prometheus duration such as 5m`);
      // What the person paged reads: each text must show something, and nothing that prints otherwise.
      const readable = (field: string, text: string, fix: string, multiline = false) => {
        if (isBlank(text)) return report(`${field} is empty or has no visible characters: ${fix}`);
        const why = unreadable(text, { multiline });
        if (why) report(`${field} ${why}, which does not print as written; write plain text`);
      };
      readable('summary', alert.summary, 'say in one line what is wrong');
      readable('description', alert.description, 'say what is happening and its impact', true);
      readable('runbook.meaning', alert.runbook.meaning, 'say what the alert means', true);
      if (alert.runbook.causes.length === 0) report('runbook.causes is empty: list the likely causes');
      if (alert.runbook.checks.length === 0) report('runbook.checks is empty: list what to look at first');
      alert.runbook.causes.forEach((cause, i) => readable(`runbook.causes[${i}]`, cause, 'name a likely cause, or remove the entry', true));
      alert.runbook.checks.forEach((check, i) => readable(`runbook.checks[${i}]`, check, 'say what to look at, or remove the entry', true));
      for (const name of Object.keys(alert.labels)) {
        if (name === 'severity' || name === 'alertname') report(`label '${name}' is set by Sextant; use the ${name === 'severity' ? 'severity field' : 'alert name'}`);
        else if (!LABEL_NAME.test(name)) report(`label '${name}' is not a snake_case label name`);
        else if (typeof alert.labels[name] === 'string' && alert.labels[name] !== '') readable(`label '${name}'`, alert.labels[name]!, 'give it a value, or remove the label');
      }
    }
    return problems;
  },
};
