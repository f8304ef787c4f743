import { CONFIG_FILE } from '../../model/load.ts';
import type { Problem } from '../../problems.ts';
import type { Check } from '../check.ts';
import { dashboardProblem } from '../dashboard-problem.ts';
import { isBlank, shown } from '../readable-text.ts';
import { nearestKey } from '../../dsl/unknown-keys.ts';

/**
 * The fault switches are the monitored system's, not the engine's: the project lists their names in
 * sextant.config.ts (faultSwitches), and a panel that is quiet when healthy names the one under
 * which the live tests expect it to show data.
 */
export const dashboardFaultSwitchesCheck: Check = {
  id: 'dashboard-fault-switches',
  summary:
    "A panel's shownUnder names one of the config's faultSwitches and goes with quietWhenHealthy; when the project declares fault switches, every quiet panel names the one it shows data under.",
  fix: "Name one of the config's faultSwitches in shownUnder, and mark the panel quietWhenHealthy.",
  run(model) {
    const problems: Problem[] = [];
    const declared: unknown = model.config.faultSwitches;
    const switches = Array.isArray(declared) ? declared.filter((name): name is string => typeof name === 'string' && !isBlank(name)) : [];
    if (declared !== undefined && (!Array.isArray(declared) || switches.length !== declared.length || new Set(switches).size !== switches.length)) {
      problems.push({ file: CONFIG_FILE, definition: 'faultSwitches', check: this.id, message: "is not a list of distinct, non-empty fault switch names; write it like faultSwitches: ['errors', 'latency']" });
    }
    for (const dashboard of model.dashboards) {
      for (const panel of dashboard.panels) {
        const report = (message: string) => problems.push(dashboardProblem(dashboard, this.id, message, panel));
        const { shownUnder, quietWhenHealthy } = panel;
        if (quietWhenHealthy !== undefined && isBlank(quietWhenHealthy)) report('quietWhenHealthy is empty; say why the panel shows nothing in a healthy system');
        if (shownUnder === undefined) {
          if (quietWhenHealthy !== undefined && switches.length > 0) {
            report(`is quiet when healthy but names no fault switch to show it under; add shownUnder: one of ${switches.join(', ')}`);
          }
          continue;
        }
        if (typeof shownUnder !== 'string' || !switches.includes(shownUnder)) {
          const nearest = typeof shownUnder === 'string' ? nearestKey(shownUnder, switches) : undefined;
          const known = switches.length > 0 ? `the config's faultSwitches are ${switches.join(', ')}` : 'sextant.config.ts declares no faultSwitches';
          report(`shownUnder ${shown(shownUnder)} is not a fault switch (${known})${nearest ? `: did you mean '${nearest}'?` : '; name one, or declare it in faultSwitches'}`);
        }
        if (quietWhenHealthy === undefined) {
          report('names a fault switch in shownUnder but is not quiet when healthy; say why it is empty with quietWhenHealthy, or remove shownUnder');
        }
      }
    }
    return problems;
  },
};
