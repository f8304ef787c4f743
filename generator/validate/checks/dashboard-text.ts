import type { ModelPanel } from '../../model/types.ts';
import type { Problem } from '../../problems.ts';
import type { Check } from '../check.ts';
import { dashboardProblem, rowItem } from '../dashboard-problem.ts';
import { isBlank, unreadable } from '../readable-text.ts';

/** A text a reader sees on the dashboard: whether it must say something, and whether it may run over lines. */
interface Shown {
  readonly what: string;
  readonly text: unknown;
  /** Titles, descriptions and labels must show something; a legend left empty is Grafana's automatic one. */
  readonly required: boolean;
  readonly multiline?: boolean;
  /** How to fix it when it is blank. */
  readonly fix?: string;
}

function panelTexts(panel: ModelPanel): Shown[] {
  return [
    { what: 'title', text: panel.title, required: true, fix: 'say what the panel shows' },
    // Left out, a panel's description is the help text of the metrics its queries read; a panel with
    // no query has none, and dashboard-empty names that cause.
    {
      what: 'description',
      text: panel.description,
      required: panel.targets.length > 0,
      multiline: true,
      fix: 'describe what the panel shows, or leave description out to use the help texts of the metrics its queries read',
    },
    ...panel.targets.map((target) => ({ what: `legend of query ${target.refId}`, text: target.legend, required: false })),
  ];
}

export const dashboardTextCheck: Check = {
  id: 'dashboard-text',
  summary:
    'Dashboard, row and panel titles, descriptions, tags, variable labels and link titles show something, and hold no control or invisible characters (zero-width spaces, bidi overrides…); descriptions may run over lines.',
  fix: 'Write visible text without control or invisible characters; leave a legend out rather than blank.',
  run(model) {
    const problems: Problem[] = [];
    for (const dashboard of model.dashboards) {
      const inspect = (texts: readonly Shown[], item?: { readonly title: string; readonly type: string }) => {
        for (const { what, text, required, multiline, fix } of texts) {
          let message: string | undefined;
          if (text !== undefined && typeof text !== 'string') {
            message = `${what} must be text, not a ${typeof text}`;
          } else if (isBlank(text)) {
            // Left out, an optional text takes Grafana's default; written as spaces or zero-width characters, it shows nothing.
            const written = typeof text === 'string' && text !== '';
            if (required || written) message = `${what} is ${written ? 'blank' : 'empty'}, so nothing names it on the dashboard; ${fix ?? (required ? 'write one' : 'write one, or leave it out for the default')}`;
          } else if (typeof text === 'string') {
            const why = unreadable(text, { multiline });
            if (why) message = `${what} ${why}, which a reader cannot see; remove it or write the text plainly`;
          }
          if (message) problems.push(dashboardProblem(dashboard, this.id, message, item));
        }
      };
      inspect([
        { what: 'dashboard title', text: dashboard.title, required: true, fix: 'say what the dashboard is about' },
        { what: 'dashboard description', text: dashboard.description, required: true, multiline: true, fix: 'say what the dashboard is for' },
        ...dashboard.tags.map((tag) => ({ what: 'tag', text: tag, required: true, fix: 'remove the empty tag' })),
        ...dashboard.variables.map((variable) => ({
          what: `label of variable '${variable.name}'`,
          text: variable.label,
          required: true,
          fix: 'give the variable a label, or leave the title of labelVariable() out to derive one',
        })),
        ...dashboard.links.map((link) => ({ what: 'dashboard link title', text: link.title, required: true })),
      ]);
      for (const row of dashboard.rows) {
        inspect([{ what: 'row title', text: row.title, required: true, fix: "name what the row's panels have in common" }], rowItem(row));
        for (const panel of row.panels) inspect(panelTexts(panel), panel);
      }
    }
    return problems;
  },
};
