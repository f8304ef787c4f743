import { metricCheck } from '../check.ts';

export const quantilesCheck = metricCheck({
  id: 'quantiles',
  summary: 'Summaries declare strictly increasing quantiles between 0 and 1; other types declare none.',
  fix: 'Give the summary quantiles strictly increasing between 0 and 1 (0.5, 0.9, 0.99); drop quantiles from other types.',
  inspect(metric, report) {
    const { quantiles } = metric;
    if (metric.type !== 'summary') {
      if (quantiles !== undefined) report(`only summaries take quantiles; this is a ${metric.type}`);
      return;
    }
    if (!Array.isArray(quantiles) || quantiles.length === 0) {
      report('a summary needs quantiles, for example [0.5, 0.9, 0.99]');
      return;
    }
    const outside = quantiles.find((q) => typeof q !== 'number' || !(q >= 0 && q <= 1));
    if (outside !== undefined) report(`quantile ${String(outside)} is outside 0–1`);
    const firstOutOfOrder = quantiles.findIndex((q, i) => i > 0 && q <= quantiles[i - 1]!);
    if (firstOutOfOrder > 0) report(`quantiles must be strictly increasing: ${quantiles[firstOutOfOrder]} follows ${quantiles[firstOutOfOrder - 1]}`);
  },
});
