import type { Problem } from '../../problems.ts';
import { isHeartbeat } from '../../promql/condition.ts';
import { durationSeconds } from '../../promql/duration.ts';
import { checkQuery } from '../../promql/index.ts';
import { queryContextOf } from '../../promql/model-context.ts';
import type { ModelSeriesInput } from '../../model/types.ts';
import { watchesAbsence } from '../../rules/edges.ts';
import type { Check } from '../check.ts';
import { alertProblem, allAlerts, allRecordings, recordingProblem } from '../rule-problem.ts';

export const ruleTestsCheck: Check = {
  id: 'rule-tests',
  summary:
    'Every alert has a test where it fires (with the alerts expected), one where it stays silent (but a vector(1) heartbeat), and, when it has a `for`, one where it is still pending; every recording rule has an expression test; test inputs carry only declared labels and values.',
  fix: 'Add the missing test: fires() with the alerts expected, silent(), and pending() when the alert has a for; evaluates() for a recording rule; write input series only with labels and values the catalogue declares.',
  run(model) {
    const problems: Problem[] = [];
    const context = queryContextOf(model);
    /**
     * An input series is a selector of what the catalogue declares: a label value it never lists
     * (route="/zzz") or a label the metric lacks makes the test prove something about a series that
     * cannot exist. The query checks say which, under their own rule.
     */
    const inputProblems = (name: string, series: readonly ModelSeriesInput[]) =>
      series.flatMap((input) =>
        checkQuery(input.series, context)
          .filter(({ check }) => check === 'promql-label-value' || check === 'promql-unknown-label')
          .map(({ check, message }) => ({ check, message: `test '${name}': input series ${message}` })),
      );
    for (const alert of allAlerts(model.rules)) {
      const report = (message: string) => problems.push(alertProblem(alert, this.id, message));
      for (const test of alert.tests) for (const { check, message } of inputProblems(test.name, test.series)) problems.push(alertProblem(alert, check, message));
      const kinds = new Set(alert.tests.map((test) => test.kind));
      // A heartbeat (vector(1)) reads no series and is never silent: its one test is that it fires.
      const heartbeat = isHeartbeat(alert.expr);
      if (!kinds.has('fires')) report('needs a test where it fires: fires(name, { at, series, alerts })');
      if (!kinds.has('silent') && !heartbeat) report('needs a test where it stays silent, just under the threshold: silent(name, { at, series })');
      if ((durationSeconds(alert.for) ?? 0) > 0 && !kinds.has('pending')) {
        report(`needs a test inside its for (${alert.for}) where it is still pending: pending(name, { at, series })`);
      }
      for (const test of alert.tests) {
        if (test.kind === 'fires' && test.alerts.length === 0) report(`test '${test.name}' fires but expects no alert`);
        if (durationSeconds(test.at) === undefined) report(`test '${test.name}': at '${test.at}' is not a duration`);
        // With no series at all, only an alert that watches for missing series (absent()) fires.
        if (test.series.length === 0 && !heartbeat && !(test.kind === 'fires' && watchesAbsence(alert))) report(`test '${test.name}' has no input series`);
      }
    }
    for (const rule of allRecordings(model.rules)) {
      if (rule.tests.length === 0) problems.push(recordingProblem(rule, this.id, 'needs an expression test: evaluates(name, { at, series, samples })'));
      for (const test of rule.tests) {
        for (const problem of inputProblems(test.name, test.series)) problems.push(recordingProblem(rule, problem.check, problem.message));
        if (durationSeconds(test.at) === undefined) problems.push(recordingProblem(rule, this.id, `test '${test.name}': at '${test.at}' is not a duration`));
      }
    }
    return problems;
  },
};
