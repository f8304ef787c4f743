import type { SextantConfig } from '../../config.ts';
import { DATASOURCE_VARIABLE } from '../../grafana/build.ts';
import { GLOBAL_VARIABLES, LINK_VARIABLES, variableReferences } from '../../grafana/variables.ts';
import type { ModelPanel } from '../../model/types.ts';
import { runbookUrl } from '../../naming.ts';
import type { Problem } from '../../problems.ts';
import type { Check } from '../check.ts';
import { dashboardProblem, rowItem } from '../dashboard-problem.ts';

/** A text Grafana interpolates, where it sits, and whether link-only macros work there. */
interface Interpolated {
  readonly where: string;
  readonly text: unknown;
  readonly link?: boolean;
}

/** A panel's texts, its runbook links as the builder writes them included: the runbook base url may hold a $variable. */
function panelTexts(panel: ModelPanel, config: SextantConfig): Interpolated[] {
  return [
    { where: 'title', text: panel.title },
    { where: 'description', text: panel.description },
    ...panel.alerts.map((alert) => ({ where: `link "Runbook: ${alert}" url`, text: runbookUrl(config, alert), link: true })),
    ...panel.targets.flatMap((target) => [
      { where: `query ${target.refId}`, text: target.expr },
      { where: `legend of query ${target.refId}`, text: target.legend },
    ]),
  ];
}

export const dashboardVariableRefsCheck: Check = {
  id: 'dashboard-variable-refs',
  summary:
    "Every $variable in a query, legend, title, description, link or variable query is one the dashboard defines or one of Grafana's global variables, written $name or ${name}: Grafana leaves any other as literal text.",
  fix: `Define the variable on the dashboard, or correct its name; write $name or \${name}, not [[name]].`,
  run(model) {
    const problems: Problem[] = [];
    for (const dashboard of model.dashboards) {
      const defined = new Set([DATASOURCE_VARIABLE, ...dashboard.variables.map((variable) => variable.name)]);
      const inspect = (texts: readonly Interpolated[], item?: { readonly title: string; readonly type: string }) => {
        for (const { where, text, link } of texts) {
          if (typeof text !== 'string') continue;
          for (const reference of variableReferences(text)) {
            const known = defined.has(reference.name) || GLOBAL_VARIABLES.has(reference.name) || (link === true && LINK_VARIABLES.has(reference.name));
            const message = !known
              ? reference.name.startsWith('__')
                ? `${where} uses ${reference.text}, which is not one of Grafana's global variables${link ? '' : ' usable here'} ($__rate_interval, $__range, $__interval…); Grafana would leave it as text`
                : `${where} uses ${reference.text}, but the dashboard defines no variable '${reference.name}'; add it (variables: [labelVariable(metric, '${reference.name}')]) or remove the reference`
              : reference.legacy
                ? `${where} writes ${reference.text}, the [[name]] form Grafana has deprecated; write \${${reference.name}}`
                : undefined;
            if (message) problems.push(dashboardProblem(dashboard, this.id, message, item));
          }
        }
      };
      inspect([
        { where: 'the title', text: dashboard.title },
        { where: 'the description', text: dashboard.description },
        ...dashboard.links.map((link) => ({ where: `link "${link.title}" title`, text: link.title, link: true })),
        ...dashboard.variables.map((variable) => ({ where: `variable '${variable.name}' query`, text: variable.query })),
      ]);
      for (const row of dashboard.rows) {
        inspect([{ where: 'title', text: row.title }], rowItem(row));
        for (const panel of row.panels) inspect(panelTexts(panel, model.config), panel);
      }
    }
    return problems;
  },
};
