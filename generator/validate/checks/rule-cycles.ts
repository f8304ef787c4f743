import type { Problem } from '../../problems.ts';
import { analyze } from '../../promql/analyze.ts';
import { queryContextOf } from '../../promql/model-context.ts';
import type { Check } from '../check.ts';
import { shortestPathBack } from '../cycles.ts';
import { allRecordings, recordingProblem } from '../rule-problem.ts';

/**
 * A recording rule that reads its own output, directly or through other rules, computes each value
 * from its previous one: what it records drifts away from the series it is meant to summarise, and
 * it never starts in a fresh Prometheus. Every rule on such a cycle is refused, with the cycle.
 */
export const ruleCyclesCheck: Check = {
  id: 'rule-cycles',
  summary: 'No recording rule reads its own output, directly or through other recording rules.',
  fix: 'Make the rule read the series it derives from, not its own output or a rule that reads it.',
  run(model) {
    const context = queryContextOf(model);
    const rules = allRecordings(model.rules);
    const byRecord = new Map(rules.map((rule) => [rule.record, rule]));
    const reads = new Map(
      rules.map((rule) => [rule.record, [...new Set(analyze(rule.expr, context).selectors.filter((s) => byRecord.has(s.name)).map((s) => s.name))]]),
    );
    const problems: Problem[] = [];
    for (const rule of rules) {
      const cycle = shortestPathBack(rule.record, reads);
      if (!cycle) continue;
      const chain = cycle.map((record) => byRecord.get(record)!.written).join(' → ');
      const message =
        cycle.length === 2
          ? `it reads its own output (${chain}): each value is computed from the previous one; read the series it summarises instead`
          : `it reads its own output through other recording rules (${chain}): each value is computed from the previous one; break the cycle by reading the series they summarise`;
      problems.push(recordingProblem(rule, this.id, message));
    }
    return problems;
  },
};
