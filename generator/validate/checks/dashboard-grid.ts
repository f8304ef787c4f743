import type { Problem } from '../../problems.ts';
import { GRID_COLUMNS } from '../../model/dashboards.ts';
import type { ModelGridPos as Box } from '../../model/types.ts';
import type { Check } from '../check.ts';
import { dashboardProblem, gridItemsOf, type GridItem } from '../dashboard-problem.ts';
import { printable } from '../readable-text.ts';

const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
const isWhole = (value: unknown, min: number): value is number => Number.isInteger(value) && (value as number) >= min;

/** What is wrong with a grid box, one phrase per fault; none when it fits. Grafana's grid has whole cells only. */
function boxFaults(box: Box): string[] {
  const faults: string[] = [];
  if (!isWhole(box.x, 0)) faults.push(`x=${String(box.x)} is not a whole number of columns from 0`);
  if (!isWhole(box.y, 0)) faults.push(`y=${String(box.y)} is not a whole number of rows from 0`);
  if (!isWhole(box.w, 1) || box.w > GRID_COLUMNS) faults.push(`w=${String(box.w)} is not a whole number of columns from 1 to ${GRID_COLUMNS}`);
  if (!isWhole(box.h, 1)) faults.push(`h=${String(box.h)} is not a whole number of rows from 1`);
  if (faults.length === 0 && box.x + box.w > GRID_COLUMNS) faults.push(`x+w=${box.x + box.w} runs past column ${GRID_COLUMNS}`);
  return faults;
}

export const dashboardGridCheck: Check = {
  id: 'dashboard-grid',
  summary: `Panels sit inside the ${GRID_COLUMNS}-column grid at whole-cell positions and sizes (w 1–${GRID_COLUMNS}, h at least 1), and no two overlap.`,
  fix: 'Place the panel at whole positions inside the 24 columns (w 1–24, x + w at most 24, h at least 1) where no other panel is.',
  run(model) {
    const problems: Problem[] = [];
    for (const dashboard of model.dashboards) {
      const placed: GridItem[] = [];
      for (const panel of gridItemsOf(dashboard)) {
        const box = panel.gridPos;
        const faults = boxFaults(box);
        if (faults.length > 0) {
          const fix = panel.type === 'row' ? '' : '; set width and height (or gridPos) to whole numbers that fit';
          problems.push(dashboardProblem(dashboard, this.id, `gridPos does not fit the ${GRID_COLUMNS}-column grid: ${faults.join(', ')}${fix}`, panel));
          continue;
        }
        const other = placed.find((earlier) => overlaps(earlier.gridPos, box));
        if (other) problems.push(dashboardProblem(dashboard, this.id, `overlaps panel "${printable(String(other.title))}"`, panel));
        placed.push(panel);
      }
    }
    return problems;
  },
};
