/** `docs/dashboards.md`: each dashboard, its variables, its panels and their queries. */
import type { Model, ModelDashboard } from '../model/types.ts';
import { dashboardPath } from './grafana.ts';
import { cell, code, GENERATED_NOTICE, table } from './markdown.ts';
import type { Stage } from './stage.ts';

export const dashboardsDocStage: Stage = {
  name: 'dashboard reference',
  render: (model) => (model.dashboards.length === 0 ? [] : [{ path: 'docs/dashboards.md', content: renderDashboardsDoc(model) }]),
};

function renderDashboardsDoc(model: Model): string {
  const parts = [
    GENERATED_NOTICE,
    '# Dashboard reference',
    `${model.dashboards.length} dashboards, ${model.dashboards.reduce((n, d) => n + d.panels.length, 0)} panels. Every query passes the ` +
      'offline query checker; dashboards are provisioned read-only from `generated/grafana/`.',
    table(
      ['Dashboard', 'Folder', 'Uid', 'Panels'],
      model.dashboards.map((dashboard) => [`[${cell(dashboard.title)}](#${dashboard.uid})`, dashboard.folder, code(dashboard.uid), String(dashboard.panels.length)]),
    ),
    ...model.dashboards.map(renderDashboard),
  ];
  return `${parts.join('\n\n')}\n`;
}

function renderDashboard(dashboard: ModelDashboard): string {
  return [
    `## <a id="${dashboard.uid}"></a>${dashboard.title}`,
    dashboard.description,
    `Folder ${dashboard.folder}; file ${code(`generated/${dashboardPath(dashboard)}`)}; defined in ${code(dashboard.file)}.`,
    `Variables: ${dashboard.variables.map((variable) => `${code(`$${variable.name}`)} (${cell(code(variable.query))})`).join(', ')}.`,
    table(
      ['Panel', 'Type', 'Queries'],
      dashboard.panels.map((panel) => [
        cell(panel.title) + (panel.quietWhenHealthy ? ` (empty when healthy: ${cell(panel.quietWhenHealthy)})` : ''),
        panel.type,
        panel.targets.map((target) => cell(code(target.expr.replace(/\s*\n\s*/g, ' ')))).join('<br>'),
      ]),
    ),
  ].join('\n\n');
}
