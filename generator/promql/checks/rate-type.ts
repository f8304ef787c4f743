import type { QueryCheck } from './query-check.ts';

export const rateTypeCheck: QueryCheck = {
  id: 'promql-rate-type',
  summary: 'rate, irate and increase only read counters or the _bucket, _sum and _count series of histograms and summaries.',
  run(analysis) {
    const problems: string[] = [];
    for (const { fn, selector } of analysis.rangeCalls) {
      if (!selector) continue;
      if (selector.recording) {
        problems.push(`${fn}() over recording rule ${selector.name}: take the ${fn} of the raw counter first, then aggregate`);
        continue;
      }
      const series = selector.series;
      if (!series || series.type === 'counter' || series.type === 'untyped' || series.suffix !== '') continue;
      problems.push(`${fn}() over ${series.type} ${selector.name}: ${fn} only makes sense for counters; use deriv() or delta() for a gauge`);
    }
    return problems;
  },
};
