import { metricCheck } from '../check.ts';

const LEGACY_CHARSET = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const SNAKE_CASE = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;
export const MAX_NAME_LENGTH = 200;

export const metricNameCheck = metricCheck({
  id: 'metric-name',
  summary:
    'Names use the legacy Prometheus charset, are 1–200 characters, do not start with the reserved __ and leave colons to recording rules; application names are snake_case.',
  fix: "Rename the metric with letters, digits and _ only (snake_case for your own metrics), without a leading __; a name with a colon is a recording rule's.",
  inspect(metric, report) {
    const { name } = metric;
    if (name.length > MAX_NAME_LENGTH) report(`name is ${name.length} characters; the limit is ${MAX_NAME_LENGTH}`);
    if (!LEGACY_CHARSET.test(name)) {
      report('name may only contain ASCII letters, digits, underscores and colons, and must not start with a digit');
      return;
    }
    if (name.startsWith('__')) report('names starting with __ are reserved for Prometheus internals');
    if (name.includes(':')) report('colons are reserved for recording rule names (level:metric:operations)');
    else if (metric.appOwned && !SNAKE_CASE.test(name)) {
      report('application metric names are lowercase snake_case, without double or trailing underscores');
    }
  },
});
