import { GLOBAL_VARIABLES, LINK_VARIABLES, variableReferences } from '../../grafana/variables.ts';
import type { GrafanaLinkJson, GrafanaPanelJson } from '../../model/types.ts';
import type { Problem } from '../../problems.ts';
import type { Check } from '../check.ts';
import { dashboardProblem } from '../dashboard-problem.ts';

/** A text Grafana interpolates, where it sits, and whether link-only macros work there. */
interface Interpolated {
  readonly where: string;
  readonly text: unknown;
  readonly link?: boolean;
}

const linkTexts = (links: readonly GrafanaLinkJson[] | undefined): Interpolated[] =>
  (links ?? []).flatMap((link) => [
    { where: `link "${link.title ?? ''}" title`, text: link.title, link: true },
    { where: `link "${link.title ?? ''}" url`, text: link.url, link: true },
  ]);

function panelTexts(panel: GrafanaPanelJson): Interpolated[] {
  return [
    { where: 'title', text: panel.title },
    { where: 'description', text: panel.description },
    ...linkTexts(panel.links),
    ...(panel.targets ?? []).flatMap((target) => [
      { where: `query ${target.refId ?? ''}`, text: target.expr },
      { where: `legend of query ${target.refId ?? ''}`, text: target.legendFormat },
    ]),
  ];
}

export const dashboardVariableRefsCheck: Check = {
  id: 'dashboard-variable-refs',
  summary:
    "Every $variable in a query, legend, title, description, link or variable query is one the dashboard defines or one of Grafana's global variables, written $name or ${name}: Grafana leaves any other as literal text.",
  run(model) {
    const problems: Problem[] = [];
    for (const dashboard of model.dashboards) {
      const defined = new Set((dashboard.json.templating?.list ?? []).map((variable) => variable.name));
      const inspect = (texts: readonly Interpolated[], item?: GrafanaPanelJson) => {
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
        { where: 'the title', text: dashboard.json.title },
        { where: 'the description', text: dashboard.json.description },
        ...linkTexts(dashboard.json.links),
        ...(dashboard.json.templating?.list ?? []).map((variable) => ({ where: `variable '${variable.name ?? ''}' query`, text: variable.query })),
      ]);
      for (const item of dashboard.json.panels ?? []) {
        inspect(panelTexts(item), item);
        for (const panel of item.panels ?? []) inspect(panelTexts(panel), panel);
      }
    }
    return problems;
  },
};
