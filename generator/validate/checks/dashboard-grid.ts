import type { Problem } from '../../problems.ts';
import { GRID_COLUMNS } from '../../grafana/build.ts';
import type { GrafanaPanelJson } from '../../model/types.ts';
import type { Check } from '../check.ts';
import { dashboardProblem, gridItemsOf } from '../dashboard-problem.ts';

type Box = NonNullable<GrafanaPanelJson['gridPos']>;

const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

export const dashboardGridCheck: Check = {
  id: 'dashboard-grid',
  summary: `Panels sit inside the ${GRID_COLUMNS}-column grid with a positive size, and no two overlap.`,
  run(model) {
    const problems: Problem[] = [];
    for (const dashboard of model.dashboards) {
      const placed: GrafanaPanelJson[] = [];
      for (const panel of gridItemsOf(dashboard)) {
        const box = panel.gridPos;
        if (!box) {
          problems.push(dashboardProblem(dashboard, this.id, 'has no place on the grid', panel));
          continue;
        }
        if (box.w < 1 || box.h < 1 || box.x < 0 || box.y < 0 || box.x + box.w > GRID_COLUMNS) {
          problems.push(dashboardProblem(dashboard, this.id, `gridPos x=${box.x} w=${box.w} h=${box.h} does not fit the ${GRID_COLUMNS}-column grid`, panel));
        }
        const other = placed.find((earlier) => overlaps(earlier.gridPos!, box));
        if (other) problems.push(dashboardProblem(dashboard, this.id, `overlaps panel "${other.title ?? ''}"`, panel));
        placed.push(panel);
      }
    }
    return problems;
  },
};
