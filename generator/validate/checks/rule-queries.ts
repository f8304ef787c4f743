import type { Problem } from '../../problems.ts';
import { checkQuery } from '../../promql/index.ts';
import { queryContextOf } from '../../promql/model-context.ts';
import type { Check } from '../check.ts';
import { alertProblem, allAlerts, allRecordings, recordingProblem } from '../rule-problem.ts';

/** Runs the offline query checker over every rule expression; each problem carries the query check's id. */
export const ruleQueriesCheck: Check = {
  id: 'rule-queries',
  summary: 'Every alert and recording rule expression passes the query checker (see the promql-* rules).',
  fix: 'Correct the expression as the promql-* problem says.',
  run(model) {
    const context = queryContextOf(model);
    const problems: Problem[] = [];
    for (const alert of allAlerts(model.rules)) {
      for (const { check, message } of checkQuery(alert.expr, context)) problems.push(alertProblem(alert, check, message));
    }
    for (const recording of allRecordings(model.rules)) {
      for (const { check, message } of checkQuery(recording.expr, context)) problems.push(recordingProblem(recording, check, message));
    }
    return problems;
  },
};
