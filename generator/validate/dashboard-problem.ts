import type { GrafanaPanelJson, ModelDashboard } from '../model/types.ts';
import type { Problem } from '../problems.ts';
import { printable } from './readable-text.ts';

/** Located at the dashboard, or at one of its panels or rows (named by title, unreadable characters escaped). */
export function dashboardProblem(dashboard: ModelDashboard, rule: string, message: string, panel?: { readonly title?: string; readonly type?: string }): Problem {
  const where = panel ? `dashboard ${dashboard.uid} ${panel.type === 'row' ? 'row' : 'panel'} "${printable(String(panel.title ?? ''))}"` : `dashboard ${dashboard.uid}`;
  return { file: dashboard.file, definition: where, rule, message };
}

/** Every panel of the dashboard JSON, those inside collapsed rows included; rows themselves excluded. */
export function panelsOf(dashboard: ModelDashboard): GrafanaPanelJson[] {
  const panels: GrafanaPanelJson[] = [];
  for (const panel of dashboard.json.panels ?? []) {
    if (panel.type === 'row') panels.push(...(panel.panels ?? []));
    else panels.push(panel);
  }
  return panels;
}

/** Rows and panels alike: everything that takes an id and a place on the grid. */
export function gridItemsOf(dashboard: ModelDashboard): GrafanaPanelJson[] {
  return (dashboard.json.panels ?? []).flatMap((panel) => [panel, ...(panel.panels ?? [])]);
}
