/** The dashboard JSON as the linter reads it (dashboard-linter lint/lint.go): only what its rules look at. */
import type { LintVariable } from './expand.ts';

export interface LintTemplate extends LintVariable {
  readonly type?: string;
  readonly label?: string;
  readonly query?: unknown;
  readonly datasource?: unknown;
  readonly multi?: boolean;
  readonly allValue?: string;
  readonly refresh?: number;
}

export interface LintTarget {
  readonly expr?: string;
  readonly panelId?: number;
  readonly datasource?: unknown;
}

export interface LintPanel {
  readonly id?: number;
  readonly type?: string;
  readonly title?: string;
  readonly description?: string;
  readonly datasource?: unknown;
  readonly targets?: readonly LintTarget[] | null;
  readonly panels?: readonly LintPanel[];
  readonly options?: { readonly reduceOptions?: { readonly fields?: string } };
  readonly fieldConfig?: {
    readonly defaults?: { readonly unit?: string; readonly mappings?: unknown };
    readonly overrides?: readonly { readonly properties?: readonly { readonly id?: string; readonly value?: unknown }[] }[];
  };
}

export interface LintDashboard {
  readonly title?: string;
  readonly editable?: boolean;
  readonly templating?: { readonly list?: readonly LintTemplate[] };
  readonly panels?: readonly LintPanel[];
}

/** Every panel, nested ones after their parent, rows included (the linter's GetPanels). */
export function lintPanels(dashboard: LintDashboard): LintPanel[] {
  const flatten = (panel: LintPanel): LintPanel[] => [panel, ...(panel.panels ?? []).flatMap(flatten)];
  return (dashboard.panels ?? []).flatMap(flatten);
}

export const templatesOf = (dashboard: LintDashboard): readonly LintTemplate[] => dashboard.templating?.list ?? [];

/** A template's query text: a string, or the `query` field of an object (the linter's Template.Query). */
export function templateQuery(template: LintTemplate): string {
  const query = template.query;
  if (typeof query === 'string') return query;
  if (query && typeof query === 'object' && typeof (query as { query?: unknown }).query === 'string') return (query as { query: string }).query;
  return '';
}

/** The uid of a datasource reference, a string or `{ uid }`. */
export function datasourceUid(datasource: unknown): string {
  if (typeof datasource === 'string') return datasource;
  if (datasource && typeof datasource === 'object' && typeof (datasource as { uid?: unknown }).uid === 'string') return (datasource as { uid: string }).uid;
  return '';
}

/** The first datasource variable decides whether the Prometheus rules apply (the linter's getTemplateDatasource). */
export function isPrometheusDashboard(dashboard: LintDashboard): boolean {
  return templateQuery(templatesOf(dashboard).find((t) => t.type === 'datasource') ?? {}) === 'prometheus';
}
