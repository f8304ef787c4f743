import type { QueryCheck } from './query-check.ts';

export const unknownMetricCheck: QueryCheck = {
  id: 'promql-unknown-metric',
  summary: "Every selector names a catalogue metric (a histogram's _bucket, _sum or _count included) or a recording rule of the project.",
  fix: `Interpolate the catalogue's metric or recording rule (\${http.metrics.requests}) instead of writing its name, or add the metric to the catalogue.`,
  run(analysis) {
    if (analysis.syntaxErrors.length > 0) return [];
    return analysis.selectors
      .filter((selector) => !selector.series && !selector.recording)
      .map((selector) =>
        selector.name === ''
          ? 'a selector without a metric name matches every metric; name one'
          : `unknown metric '${selector.name}': not in the catalogue and no recording rule of the project records it`,
      );
  },
};
