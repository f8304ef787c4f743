/**
 * What an alert's `supersedes` becomes in Alertmanager: an inhibit rule that silences the superseded
 * alert while the superseding one fires, matched on every label both carry, so that it silences only
 * the same job, instance or file system. A label comes from the expression (what its result keeps)
 * or is a static label; one the expression aggregates away is not there to match.
 */
import type { Model, ModelAlert } from '../model/types.ts';
import { analyze } from '../promql/analyze.ts';
import { queryContextOf } from '../promql/model-context.ts';

export interface Supersession {
  readonly source: ModelAlert;
  readonly target: ModelAlert;
  /** The labels whose values must be equal in both: Alertmanager's `equal`. */
  readonly equal: readonly string[];
  /** Static labels both set to different values: the inhibition can never match. */
  readonly conflicts: readonly { readonly label: string; readonly source: string; readonly target: string }[];
  /**
   * Whether `equal` narrows where it silences: a label of it comes from one of the expressions.
   * Labels both alerts set statically are the same wherever either fires.
   */
  readonly scoped: boolean;
  /** The alerts of the two whose expression's labels the analysis cannot tell. */
  readonly unknown: readonly string[];
}

/** Every `supersedes` of the model whose target exists, in the alerts' order. */
export function supersessions(model: Model): Supersession[] {
  const context = queryContextOf(model);
  const alerts = model.rules.flatMap((file) => file.alerts);
  const byName = new Map(alerts.map((alert) => [alert.name, alert] as const));
  const expressionLabels = (alert: ModelAlert) => analyze(alert.expr, context).labels;
  const labelsOf = (alert: ModelAlert) => new Set([...(expressionLabels(alert) ?? []), ...Object.keys(alert.labels)]);
  return alerts.flatMap((source) =>
    source.supersedes.flatMap((name) => {
      const target = byName.get(name);
      if (!target) return [];
      const targetLabels = labelsOf(target);
      const equal = [...labelsOf(source)].filter((label) => targetLabels.has(label)).sort();
      const conflicts = equal
        .filter((label) => label in source.labels && label in target.labels && source.labels[label] !== target.labels[label])
        .map((label) => ({ label, source: source.labels[label]!, target: target.labels[label]! }));
      const scoped = equal.some((label) => [source, target].some((alert) => expressionLabels(alert)?.has(label) === true && !(label in alert.labels)));
      const unknown = [source, target].filter((alert) => expressionLabels(alert) === undefined).map((alert) => alert.name);
      return [{ source, target, equal, conflicts, scoped, unknown }];
    }),
  );
}
