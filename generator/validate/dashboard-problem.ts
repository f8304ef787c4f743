import type { ModelDashboard, ModelGridPos, ModelRow } from '../model/types.ts';
import type { Problem } from '../problems.ts';
import { printable } from './readable-text.ts';

/** Located at the dashboard, or at one of its panels or rows (named by title, unreadable characters escaped). */
export function dashboardProblem(dashboard: ModelDashboard, check: string, message: string, panel?: { readonly title?: string; readonly type?: string }): Problem {
  const where = panel ? `dashboard ${dashboard.uid} ${panel.type === 'row' ? 'row' : 'panel'} "${printable(String(panel.title ?? ''))}"` : `dashboard ${dashboard.uid}`;
  return { file: dashboard.file, definition: where, check, message };
}

/** A row or a panel: what takes a place on the grid. */
export interface GridItem {
  readonly type: string;
  readonly title: string;
  readonly gridPos: ModelGridPos;
}

/** Rows and panels alike, in the order Grafana lays them out: each row, then its panels. */
export function gridItemsOf(dashboard: ModelDashboard): GridItem[] {
  return dashboard.rows.flatMap((row) => [rowItem(row), ...row.panels]);
}

/** A row as a grid item, so problems name it as a row. */
export const rowItem = (row: ModelRow): GridItem => ({ type: 'row', title: row.title, gridPos: row.gridPos });
