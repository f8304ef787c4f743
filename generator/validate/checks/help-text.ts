import { metricCheck } from '../check.ts';

export const helpTextCheck = metricCheck({
  id: 'help-text',
  summary: 'Every metric has a non-empty, single-line help text: it is the description users see in /metrics, Grafana and the reference.',
  inspect(metric, report) {
    if (metric.help.trim() === '') report('help text is empty; say what the metric counts or measures');
    else if (/[\r\n]/.test(metric.help)) report('help text must be a single line');
  },
});
