import { defineDashboard, labelVariable, PANEL_UNITS, promql, rate, rec, row, sel, target, timeseries } from 'sextant';
import { hitRatio, operationLatency } from '../alerts/cache.ts';
import cache from '../catalog/cache.ts';

const { operations, hitRatio: reportedHitRatio, entries, evictions } = cache.metrics;
const c = 'cache=~"$cache"';

export default defineDashboard({
  name: 'cache',
  title: 'Cache',
  folder: 'Service',
  description: 'Hit ratio, size, evictions and latency of the application caches.',
  tags: ['cache'],
  scope: entries,
  variables: [labelVariable(entries, 'cache')],
  rows: [
    row('Effectiveness', [
      timeseries({
        title: 'Hit ratio',
        unit: PANEL_UNITS.ratio,
        min: 0,
        max: 1,
        alerts: ['CacheHitRatioLow'],
        targets: [target(promql`${rec(hitRatio, c)}`, 'measured {{cache}}'), target(promql`avg by (cache) (${sel(reportedHitRatio, c)})`, 'reported {{cache}}')],
      }),
      timeseries({ title: 'Operations by result', unit: PANEL_UNITS.perSecond, targets: [target(promql`sum by (cache, operation, result) (${rate(operations, c)})`, '{{cache}} {{operation}} {{result}}')] }),
    ]),
    row('Size and latency', [
      timeseries({ title: 'Entries', unit: PANEL_UNITS.count, targets: [target(promql`sum by (cache) (${sel(entries, c)})`, '{{cache}}')] }),
      timeseries({ title: 'Evictions by reason', unit: PANEL_UNITS.perSecond, targets: [target(promql`sum by (cache, reason) (${rate(evictions, c)})`, '{{cache}} {{reason}}')] }),
      timeseries({ title: 'Operation latency p95', unit: PANEL_UNITS.seconds, targets: [target(promql`${rec(operationLatency.p95, c)}`, '{{cache}} {{operation}}')] }),
    ]),
  ],
});
