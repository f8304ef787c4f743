import { SEVERITIES } from '../../dsl/rules.ts';
import type { Problem } from '../../problems.ts';
import { supersessions } from '../../rules/supersedes.ts';
import type { Check } from '../check.ts';
import { shortestPathBack } from '../cycles.ts';
import { alertProblem, allAlerts } from '../rule-problem.ts';

/**
 * `supersedes` becomes an Alertmanager inhibit rule (rules/supersedes.ts), which fails silently in
 * every way this refuses: a target that does not exist never matches; a warning silencing a page
 * hides the page; alerts silencing each other are both silenced while both fire; with no label in
 * common the source silences the target everywhere, and static labels of different values never let
 * it match. One page for one incident, not none.
 */
export const alertSupersedesCheck: Check = {
  id: 'alert-supersedes',
  summary:
    'An alert supersedes only existing alerts that are not more severe, never itself nor in a cycle, and shares with each a label one of their expressions keeps (so it silences them only where it fires), without static labels that can never be equal.',
  fix: 'Name an existing alert of the same or a lower severity in supersedes; break cycles by choosing which alert is the better one; give both alerts a label in common that one of their expressions keeps (the job they watch, or a label_replace of it), with no static label of different values.',
  run(model) {
    const problems: Problem[] = [];
    const alerts = allAlerts(model.rules);
    const byName = new Map(alerts.map((alert) => [alert.name, alert] as const));
    const rank = (severity: string) => (SEVERITIES as readonly string[]).indexOf(severity);
    const edges = new Map(alerts.map((alert) => [alert.name, alert.supersedes.filter((name) => name !== alert.name)]));
    for (const alert of alerts) {
      const report = (message: string) => problems.push(alertProblem(alert, this.id, message));
      for (const name of alert.supersedes) {
        const target = byName.get(name);
        if (name === alert.name) report('supersedes itself: an alert cannot silence itself; remove it from supersedes');
        else if (!target) report(`supersedes ${name}, which no rules file defines`);
        else if (rank(target.severity) < rank(alert.severity)) report(`supersedes ${name}, which is more severe (${target.severity}, this is ${alert.severity}): a ${alert.severity} alert would hide a ${target.severity} one; let ${name} supersede this one instead`);
      }
      const cycle = shortestPathBack(alert.name, edges);
      if (cycle) report(`supersedes alerts that supersede it back (${cycle.join(' → ')}): while they all fire, Alertmanager silences every one of them; keep supersedes one way, from the better alert`);
    }
    for (const { source, target, equal, conflicts, scoped, unknown } of supersessions(model)) {
      if (source.name === target.name) continue;
      const report = (message: string) => problems.push(alertProblem(source, this.id, message));
      if (unknown.length > 0) report(`supersedes ${target.name}, but which labels ${unknown.join(' and ')} keep${unknown.length === 1 ? 's' : ''} cannot be told from the expression, so neither can where the inhibition silences it; aggregate with by (…) to the labels you mean`);
      else if (equal.length > 0 && !scoped) report(`supersedes ${target.name} on static labels only (${equal.join(', ')}): they are the same wherever either fires, so any ${source.name} would silence every ${target.name}; match on a label one of their expressions keeps (the job they watch, or a label_replace of it)`);
      else if (equal.length === 0) report(`supersedes ${target.name} but shares no label with it: the inhibit rule would silence every ${target.name} anywhere while any ${source.name} fires; give both a label in common that one of their expressions keeps (the job they watch, or a label_replace of it)`);
      for (const { label, source: mine, target: theirs } of conflicts) report(`supersedes ${target.name} but can never silence it: its static label ${label} is '${mine}' and ${target.name}'s is '${theirs}'`);
    }
    return problems;
  },
};
