import type { Model } from '../../model/types.ts';
import { rulesSelected, type ReadingQuery } from '../../promql/reads.ts';
import type { Problem } from '../../problems.ts';
import type { Check } from '../check.ts';
import { isBlank, unreadable } from '../readable-text.ts';
import { allRecordings, recordingProblem } from '../rule-problem.ts';

/**
 * A recording rule costs an evaluation every interval and a series in storage for as long as it is
 * kept; one nothing reads is that cost for nothing, and usually a leftover of an alert or panel that
 * moved on. A rule is read when an alert, a panel query or a dashboard variable selects it, or a rule
 * that is itself read does: a rule read only by unread rules is unread too, and `exported` roots a
 * chain (what an exported rule reads is read). Readers outside the project (a federating Prometheus,
 * a remote-write receiver, queries people run by hand) are invisible here: the rendered remote_write
 * ships every series and names none, so `exported: 'who reads it'` is how a rule says so.
 */
export const recordingRulesReadCheck: Check = {
  id: 'recording-rules-read',
  summary:
    "Every recording rule is read by an alert, a dashboard panel or variable, or a recording rule that is itself read, or says who reads it outside the project with exported: 'reason'.",
  fix: "Delete the recording rule, read it from an alert, panel or rule, or say who reads it outside the project: exported: 'federated to the global Prometheus'.",
  run(model) {
    const rules = allRecordings(model.rules);
    const readsOf = (query: ReadingQuery) => rulesSelected(model, query);

    const problems: Problem[] = [];
    const roots = new Set(readerQueries(model).flatMap((query) => [...readsOf(query)]));
    for (const rule of rules) {
      if (rule.exported === undefined) continue;
      const why = isBlank(rule.exported) ? 'has no visible characters' : unreadable(rule.exported, { multiline: true });
      if (why !== undefined) problems.push(recordingProblem(rule, this.id, `exported ${why}; say who reads the rule outside the project, in words`));
      roots.add(rule.record);
    }

    const ruleReads = new Map(rules.map((rule) => [rule.record, readsOf(rule)]));
    const read = new Set<string>();
    const pending = [...roots];
    while (pending.length > 0) {
      const record = pending.pop()!;
      if (read.has(record)) continue;
      read.add(record);
      pending.push(...(ruleReads.get(record) ?? []));
    }

    for (const rule of rules) {
      if (read.has(rule.record)) continue;
      const readers = rules.filter((other) => other !== rule && ruleReads.get(other.record)!.has(rule.record)).map((other) => other.written);
      const cause =
        readers.length === 0
          ? 'no alert, recording rule, dashboard panel or variable reads it'
          : `only ${readers.join(', ')} read${readers.length === 1 ? 's' : ''} it, and nothing reads ${readers.length === 1 ? 'that rule' : 'those rules'}`;
      problems.push(
        recordingProblem(rule, this.id, `${cause}: Prometheus evaluates and stores it for no one; delete it, or say who reads it outside the project with exported: 'federated to the global Prometheus'`),
      );
    }
    return problems;
  },
};

/** Grafana's query variables: `label_values(<selector>, label)` and `query_result(<query>)` read PromQL. */
const VARIABLE_QUERY = /^(?:label_values\((.+),\s*\w+\)|query_result\((.+)\))$/s;

/** Every query of the project that is not a recording rule: alert conditions, panel targets, variable queries. */
function readerQueries(model: Model): ReadingQuery[] {
  const nothing = { metrics: [], recordings: [] };
  const variables = model.dashboards.flatMap((dashboard) =>
    dashboard.variables.flatMap((variable) => {
      const match = VARIABLE_QUERY.exec(variable.query.trim());
      return match ? [{ expr: match[1] ?? match[2]!, reads: nothing }] : [];
    }),
  );
  return [...model.rules.flatMap((file) => file.alerts), ...model.dashboards.flatMap((dashboard) => dashboard.panels.flatMap((panel) => panel.targets)), ...variables];
}
