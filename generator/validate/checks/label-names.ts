import { metricCheck } from '../check.ts';

const SNAKE_CASE = /^[a-z][a-z0-9_]*$/;

/** Labels Prometheus itself owns: histogram buckets, summary quantiles, and the target labels. */
export const RESERVED_LABELS: Readonly<Record<string, string>> = {
  le: 'histogram buckets use it',
  quantile: 'summaries use it',
  job: 'Prometheus sets it from the scrape job; the exported one would be renamed exported_job',
  instance: 'Prometheus sets it from the target; the exported one would be renamed exported_instance',
};

export const labelNamesCheck = metricCheck({
  id: 'label-names',
  summary: 'Label names are snake_case, do not start with __, and are not le, quantile, job or instance.',
  fix: 'Rename the label in snake_case; job and instance come from the scrape, le and quantile from histograms and summaries, so choose another name.',
  inspect(metric, reportMetric) {
    for (const { name } of metric.labels) {
      const report = (message: string) => reportMetric(`label '${name}': ${message}`);
      if (name.startsWith('__')) report('names starting with __ are reserved for Prometheus internals');
      else if (!SNAKE_CASE.test(name)) report('label names are snake_case: lowercase letters, digits and underscores');
      else if (Object.hasOwn(RESERVED_LABELS, name)) report(`'${name}' is reserved: ${RESERVED_LABELS[name]}`);
    }
  },
});
