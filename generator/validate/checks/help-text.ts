import { metricProblem, type Check } from '../check.ts';
import type { Problem } from '../../problems.ts';

export const helpTextCheck: Check = {
  id: 'help-text',
  summary: 'Every metric has a non-empty, single-line help text: it is the description users see in /metrics, Grafana and the reference.',
  run(model) {
    const problems: Problem[] = [];
    for (const metric of model.metrics) {
      if (metric.help.trim() === '') problems.push(metricProblem(metric, this.id, 'help text is empty; say what the metric counts or measures'));
      else if (/[\r\n]/.test(metric.help)) problems.push(metricProblem(metric, this.id, 'help text must be a single line'));
    }
    return problems;
  },
};
