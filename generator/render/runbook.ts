/** Where each alert's runbook section lives: one place (`naming.ts`), so rule files, docs and dashboards agree. */
import { dashboardUrl } from '../model/dashboards.ts';
import type { Model, ModelAlert } from '../model/types.ts';

export { runbookAnchor, runbookUrl } from '../naming.ts';

/** The runbook's dashboard panel, as Grafana serves it alone (`/d/<uid>?viewPanel=<id>`); checked to exist by alert-runbooks. */
export function runbookPanel(model: Model, alert: ModelAlert): { readonly title: string; readonly url: string } | undefined {
  const ref = alert.runbook.panel;
  const dashboard = ref && model.dashboards.find((candidate) => candidate.name === ref.dashboard);
  const panel = dashboard?.panels.find((candidate) => candidate.title === ref?.panel);
  if (!dashboard || !panel) return undefined;
  return { title: `${dashboard.title} › ${panel.title}`, url: `${dashboardUrl(dashboard.uid)}?viewPanel=${panel.id}` };
}
