import type { Model, ModelMetric } from '../model/types.ts';
import type { Problem } from '../problems.ts';

/** One rule of the model, in a module of its own, with its own table of test cases. */
export interface Check {
  /** Shown in every message as `[id]`. */
  readonly id: string;
  /** What the rule requires, for docs/checks.md and `--help`. */
  readonly summary: string;
  /** What the user does about a refusal, for docs/checks.md. */
  readonly fix: string;
  run(model: Model): Problem[];
}

/** A problem located at a metric definition. */
export function metricProblem(metric: ModelMetric, check: string, message: string): Problem {
  return { file: metric.file, definition: metric.name, check, message };
}

/** A check that looks at one metric at a time; `report` locates each message at that metric. */
export function metricCheck(spec: {
  readonly id: string;
  readonly summary: string;
  readonly fix: string;
  inspect(metric: ModelMetric, report: (message: string) => void, model: Model): void;
}): Check {
  return {
    id: spec.id,
    summary: spec.summary,
    fix: spec.fix,
    run(model) {
      const problems: Problem[] = [];
      for (const metric of model.metrics) {
        spec.inspect(metric, (message) => problems.push(metricProblem(metric, spec.id, message)), model);
      }
      return problems;
    },
  };
}
