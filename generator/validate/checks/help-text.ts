import { metricCheck } from '../check.ts';
import { isBlank, unreadable } from '../readable-text.ts';

export const helpTextCheck = metricCheck({
  id: 'help-text',
  summary:
    'Every metric has a readable, single-line help text (something visible, no control or invisible characters): it is the description users see in /metrics, Grafana and the reference.',
  fix: 'Write one line of plain text that says what the metric measures.',
  inspect(metric, report) {
    if (isBlank(metric.help)) report('help text is empty or has no visible characters; say what the metric counts or measures');
    else if (/[\r\n\u2028\u2029]/.test(metric.help)) report('help text must be a single line');
    else {
      const why = unreadable(metric.help);
      if (why) report(`help text ${why}, which does not print as written; write plain text`);
    }
  },
});
