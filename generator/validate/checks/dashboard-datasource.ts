import type { Problem } from '../../problems.ts';
import { DATASOURCE_VARIABLE } from '../../grafana/build.ts';
import type { Check } from '../check.ts';
import { dashboardProblem, panelsOf } from '../dashboard-problem.ts';

const VARIABLE_UID = `\${${DATASOURCE_VARIABLE}}`;

export const dashboardDatasourceCheck: Check = {
  id: 'dashboard-datasource',
  summary: 'Each dashboard has a datasource variable, and every panel and query uses it rather than a fixed datasource.',
  run(model) {
    const problems: Problem[] = [];
    for (const dashboard of model.dashboards) {
      const variables = dashboard.json.templating?.list ?? [];
      if (!variables.some((v) => v.type === 'datasource' && v.name === DATASOURCE_VARIABLE)) {
        problems.push(dashboardProblem(dashboard, this.id, `has no datasource variable named '${DATASOURCE_VARIABLE}'`));
      }
      for (const panel of panelsOf(dashboard)) {
        const used = [panel.datasource, ...(panel.targets ?? []).map((t) => t.datasource)];
        if (used.some((ds) => ds?.uid !== VARIABLE_UID)) {
          problems.push(dashboardProblem(dashboard, this.id, `uses a fixed datasource; use ${VARIABLE_UID} so one dashboard serves every environment`, panel));
        }
      }
    }
    return problems;
  },
};
