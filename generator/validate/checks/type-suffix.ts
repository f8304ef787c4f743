import { metricCheck } from '../check.ts';

/** Suffixes the text format adds to histogram and summary samples. */
const SAMPLE_SUFFIXES = ['_bucket', '_count', '_sum'];

export const typeSuffixCheck = metricCheck({
  id: 'type-suffix',
  summary:
    'Counters end in _total and nothing else does; no metric ends like a histogram sample (_bucket, _count, _sum); untyped is for upstream exporters only.',
  fix: 'Name counters …_total and nothing else; give gauges and histograms names that do not end in _total, _bucket, _count or _sum; declare upstream metrics with their real type.',
  inspect(metric, report) {
    if (metric.type === 'untyped' && metric.appOwned) {
      report('untyped metrics are only for describing upstream exporters; choose counter, gauge, histogram or summary');
    }
    if (!metric.appOwned) return;
    const endsInTotal = metric.name.endsWith('_total');
    if (metric.type === 'counter' && !endsInTotal) report(`counters must end in _total: rename to ${metric.name}_total`);
    if (metric.type !== 'counter' && endsInTotal) {
      report(`only counters end in _total; a ${metric.type} named like a counter misleads every query written against it`);
    }
    const sampleSuffix = SAMPLE_SUFFIXES.find((suffix) => metric.name.endsWith(suffix));
    if (sampleSuffix) {
      report(`names ending in ${sampleSuffix} read as histogram or summary samples; choose another word (for example _active, _entries)`);
    }
  },
});
