import type { Problem } from '../../problems.ts';
import { durationSeconds } from '../../promql/duration.ts';
import type { Check } from '../check.ts';
import { alertProblem, allAlerts, allRecordings, recordingProblem } from '../rule-problem.ts';

export const ruleTestsCheck: Check = {
  id: 'rule-tests',
  summary:
    'Every alert has a test where it fires (with the alerts expected), one where it stays silent, and, when it has a `for`, one where it is still pending; every recording rule has an expression test.',
  run(model) {
    const problems: Problem[] = [];
    for (const alert of allAlerts(model.rules)) {
      const report = (message: string) => problems.push(alertProblem(alert, this.id, message));
      const kinds = new Set(alert.tests.map((test) => test.kind));
      if (!kinds.has('fires')) report('needs a test where it fires: fires(name, { at, series, alerts })');
      if (!kinds.has('silent')) report('needs a test where it stays silent, just under the threshold: silent(name, { at, series })');
      if ((durationSeconds(alert.for) ?? 0) > 0 && !kinds.has('pending')) {
        report(`needs a test inside its for (${alert.for}) where it is still pending: pending(name, { at, series })`);
      }
      for (const test of alert.tests) {
        if (test.kind === 'fires' && test.alerts.length === 0) report(`test '${test.name}' fires but expects no alert`);
        if (durationSeconds(test.at) === undefined) report(`test '${test.name}': at '${test.at}' is not a duration`);
        if (test.series.length === 0) report(`test '${test.name}' has no input series`);
      }
    }
    for (const rule of allRecordings(model.rules)) {
      if (rule.tests.length === 0) problems.push(recordingProblem(rule, this.id, 'needs an expression test: evaluates(name, { at, series, samples })'));
      for (const test of rule.tests) {
        if (durationSeconds(test.at) === undefined) problems.push(recordingProblem(rule, this.id, `test '${test.name}': at '${test.at}' is not a duration`));
      }
    }
    return problems;
  },
};
