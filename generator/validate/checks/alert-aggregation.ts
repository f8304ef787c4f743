import type { Problem } from '../../problems.ts';
import { aggregationOf } from '../../rules/edges.ts';
import type { Check } from '../check.ts';
import { alertProblem, allAlerts } from '../rule-problem.ts';

export const alertAggregationCheck: Check = {
  id: 'alert-aggregation',
  summary:
    "An alert on the application's own series fires per job, not per instance: the application runs replicas, and one replica's trouble (an idle worker while another works) is no alert while the others serve. A resource each process has its own of says so in perInstance.",
  fix: "Aggregate by job (sum by (job) (…)), or say why the resource is per process: perInstance: 'each process has its own heap'.",
  run(model) {
    const problems: Problem[] = [];
    for (const alert of allAlerts(model.rules)) {
      if (alert.perInstance !== undefined) continue;
      const { application, perInstance } = aggregationOf(model, alert);
      if (!application || perInstance !== true) continue;
      problems.push(
        alertProblem(
          alert,
          this.id,
          "fires once per instance (its result keeps the instance label), but the application's jobs run replicas: aggregate by job (sum/max by (job, …)), or say in perInstance why each process matters alone (its own connection pool, its own memory)",
        ),
      );
    }
    return problems;
  },
};
