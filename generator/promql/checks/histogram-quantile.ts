import { listLabels, type QueryCheck } from './query-check.ts';

export const histogramQuantileCheck: QueryCheck = {
  id: 'promql-histogram-quantile',
  summary: 'histogram_quantile reads _bucket series and keeps the le label through any aggregation.',
  fix: 'Give histogram_quantile() the _bucket series, rate()d and aggregated by le: histogram_quantile(0.95, sum by (le) (rate(x_bucket[5m]))).',
  run(analysis) {
    const problems: string[] = [];
    for (const call of analysis.histogramQuantiles) {
      for (const selector of call.selectors) {
        const isBucket = selector.series?.suffix === '_bucket' || (selector.recording && (!selector.labels || selector.labels.has('le')));
        if (!isBucket && (selector.series || selector.recording)) {
          problems.push(`histogram_quantile() over ${selector.name}: it needs the _bucket series of a histogram`);
        }
      }
      if (call.argLabels && !call.argLabels.has('le')) {
        problems.push(`histogram_quantile() input has no 'le' label (it has: ${listLabels(call.argLabels)}); keep it, as in sum by (le, …)`);
      }
    }
    return problems;
  },
};
