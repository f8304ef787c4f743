import { DATASOURCE_VARIABLE } from '../../grafana/build.ts';
import { GLOBAL_VARIABLES, isGrafanaOwnName, LINK_VARIABLES, substituteVariables } from '../../grafana/variables.ts';
import { analyze } from '../../promql/analyze.ts';
import { listLabels } from '../../promql/checks/query-check.ts';
import { checkQuery } from '../../promql/index.ts';
import { queryContextOf } from '../../promql/model-context.ts';
import type { Problem } from '../../problems.ts';
import type { Check } from '../check.ts';
import { dashboardProblem } from '../dashboard-problem.ts';
import { shown } from '../readable-text.ts';

/** What `$name` can refer to: Grafana reads a reference as `$` and the longest run of word characters after it. */
const NAME = /^[A-Za-z_]\w*$/;
/** Grafana's query variable that lists one label's values over a selector. */
const LABEL_VALUES = /^label_values\((.+),\s*(\w+)\)$/s;

export const dashboardVariablesCheck: Check = {
  id: 'dashboard-variables',
  summary:
    "Each dashboard variable has a name of its own that $name can reach (a letter or _, then letters, digits or _), not one Grafana keeps for its own (starting with __, or timeFilter), and lists the values of a label its catalogue series carries.",
  fix: 'Give each variable a name of its own (letters, digits, _), not one Grafana keeps (__*, timeFilter), over a label its series carries.',
  run(model) {
    const context = queryContextOf(model);
    const problems: Problem[] = [];
    for (const dashboard of model.dashboards) {
      const report = (message: string) => problems.push(dashboardProblem(dashboard, this.id, message));
      const counted = new Map<string, number>([[DATASOURCE_VARIABLE, 1]]);
      for (const variable of dashboard.variables) {
        const name: unknown = variable.name;
        if (typeof name !== 'string' || !NAME.test(name)) {
          report(`variable ${shown(name)} cannot be referred to: a variable name is a letter or _, then letters, digits or _ (Grafana reads $my-var as $my); rename it`);
          continue;
        }
        if (isGrafanaOwnName(name)) {
          const what = GLOBAL_VARIABLES.has(name) || LINK_VARIABLES.has(name) ? `is Grafana's global $${name}` : 'is a name Grafana keeps for its own variables (any starting with __, and timeFilter)';
          report(`variable '${name}' ${what}, so every $${name} would mean Grafana's, not this one; rename it`);
        }
        counted.set(name, (counted.get(name) ?? 0) + 1);
        const query = LABEL_VALUES.exec(variable.query);
        if (query) {
          // The values Grafana lists are those of the label over the selector: Prometheus must know both.
          const [, selector, label] = query;
          const expr = substituteVariables(selector!, context.scrapeIntervalSeconds);
          const found = checkQuery(expr, context);
          for (const { message } of found) report(`variable '${name}' lists values over ${selector}: ${message}`);
          const series = found.length === 0 ? analyze(expr, context).selectors[0] : undefined;
          if (series?.labels && !series.labels.has(label!)) {
            report(`variable '${name}' lists the values of label '${label}', which ${series.name} does not carry (its labels: ${listLabels(series.labels)}); name one of those`);
          }
        }
      }
      for (const [name, count] of counted) {
        if (count > 1) report(`variable '${name}' is defined ${count} times, and Grafana keeps only the first; give each variable a name of its own (datasource, job and instance come with every dashboard)`);
      }
    }
    return problems;
  },
};
