import { metricProblem, type Check } from '../check.ts';
import { exposedNames } from '../../model/series.ts';
import type { ModelMetric } from '../../model/types.ts';
import type { Problem } from '../../problems.ts';

export const seriesCollisionsCheck: Check = {
  id: 'series-collisions',
  summary:
    'No two metrics share a name or a sample name, counting the _bucket, _sum and _count samples of histograms and summaries.',
  fix: 'Rename one of the two metrics; a histogram or summary named x also writes x_bucket, x_sum and x_count.',
  run(model) {
    const problems: Problem[] = [];
    const owners = new Map<string, ModelMetric>();
    for (const metric of model.metrics) {
      for (const sample of exposedNames(metric)) {
        const owner = owners.get(sample);
        if (owner === undefined) {
          owners.set(sample, metric);
          continue;
        }
        if (owner === metric) continue;
        const what = sample === metric.name ? 'its name' : `its sample ${sample}`;
        problems.push(
          metricProblem(metric, this.id, `${what} collides with ${owner.type} ${owner.name} (${owner.domain}.${owner.key}, ${owner.file})`),
        );
        break;
      }
    }
    return problems;
  },
};
