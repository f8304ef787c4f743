import { metricProblem, type Check } from '../check.ts';
import { samplesPerLabelSet, worstCaseSeries } from '../../model/series.ts';
import type { Problem } from '../../problems.ts';
import { isBlank, unreadable } from '../readable-text.ts';

export const seriesBudgetCheck: Check = {
  id: 'series-budget',
  summary:
    'The worst-case series of each metric (product of label cardinalities or its declared labelSets cap, times samples per histogram or summary) and of the whole catalogue stay within limits.seriesPerMetric and limits.seriesTotal.',
  fix: "Bound the labels more tightly (list fewer values, or cap the combinations that occur with labelSets: bounded(n, 'why')), or raise limits.seriesPerMetric or limits.seriesTotal in sextant.config.ts if the series are worth it.",
  run(model) {
    const problems: Problem[] = [];
    const { seriesPerMetric, seriesTotal } = model.config.limits;
    let total = 0;
    for (const metric of model.metrics) {
      const cap = metric.labelSets;
      if (cap !== undefined) {
        if (!Number.isInteger(cap.bound) || (cap.bound as number) < 1) {
          problems.push(metricProblem(metric, this.id, `labelSets bound must be a positive integer, got ${String(cap.bound)}`));
        }
        if (isBlank(cap.reason)) {
          problems.push(metricProblem(metric, this.id, 'labelSets needs a reason saying why the labels move together'));
        } else if (unreadable(cap.reason as string)) {
          problems.push(metricProblem(metric, this.id, `labelSets' reason ${unreadable(cap.reason as string)}; write it in plain text`));
        }
      }
      const series = worstCaseSeries(metric);
      total += series;
      if (series > seriesPerMetric) {
        const samples = samplesPerLabelSet(metric);
        const factors = [
          ...(cap ? [`${String(cap.bound)} label sets`] : metric.labels.map((label) => `${label.name}=${label.cardinality}`)),
          ...(samples > 1 ? [`${samples} samples per label set`] : []),
        ].join(' × ');
        problems.push(
          metricProblem(
            metric,
            this.id,
            `can create ${series} series (${factors}), over limits.seriesPerMetric (${seriesPerMetric}); drop a label or narrow its values`,
          ),
        );
      }
    }
    if (total > seriesTotal) {
      problems.push({
        file: 'catalog/',
        definition: 'catalogue',
        check: this.id,
        message: `the catalogue can create ${total} series, over limits.seriesTotal (${seriesTotal})`,
      });
    }
    return problems;
  },
};
