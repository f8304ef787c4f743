import { countOf, defineDashboard, PANEL_UNITS, promql, rate, row, sel, sumOf, target, timeseries } from 'sextant';
import runtime from '../catalog/runtime.ts';

const r = runtime.metrics;

export default defineDashboard({
  name: 'runtime',
  title: 'Node.js runtime',
  folder: 'Infrastructure',
  description: "Event loop, heap, garbage collection and process resources of both exporter roles (prom-client's default metrics).",
  tags: ['nodejs'],
  scope: r.versionInfo,
  rows: [
    row('Event loop', [
      timeseries({
        title: 'Event loop lag',
        unit: PANEL_UNITS.seconds,
        alerts: ['EventLoopLagHigh'],
        targets: [target(promql`max by (job, instance) (${sel(r.eventLoopLagP99)})`, 'p99 {{job}} {{instance}}'), target(promql`max by (job, instance) (${sel(r.eventLoopLagMean)})`, 'mean {{job}} {{instance}}')],
      }),
      timeseries({
        title: 'Active handles and requests',
        unit: PANEL_UNITS.count,
        targets: [target(promql`sum by (job, instance) (${sel(r.activeHandlesTotal)})`, 'handles {{job}}'), target(promql`sum by (job, instance) (${sel(r.activeRequestsTotal)})`, 'requests {{job}}')],
      }),
    ]),
    row('Memory and GC', [
      timeseries({
        title: 'Heap',
        unit: PANEL_UNITS.bytes,
        alerts: ['ProcessMemoryHigh'],
        targets: [
          target(promql`sum by (job, instance) (${sel(r.heapSizeUsed)})`, 'heap used {{job}}'),
          target(promql`sum by (job, instance) (${sel(r.heapSizeTotal)})`, 'heap total {{job}}'),
          target(promql`sum by (job, instance) (${sel(r.residentMemory)})`, 'resident {{job}}'),
        ],
      }),
      timeseries({ title: 'GC time by kind', unit: PANEL_UNITS.ratio, targets: [target(promql`sum by (job, kind) (${rate(sumOf(r.gcDuration))})`, '{{job}} {{kind}}')] }),
      timeseries({
        title: 'GC runs by kind',
        description: 'Garbage collections per second, by kind (major, minor, incremental or weakcb): the count of the GC duration histogram.',
        unit: PANEL_UNITS.perSecond,
        targets: [target(promql`sum by (job, kind) (${rate(countOf(r.gcDuration))})`, '{{job}} {{kind}}')],
      }),
    ]),
    row('Process', [
      timeseries({ title: 'CPU', unit: PANEL_UNITS.ratio, alerts: ['ProcessCpuHigh'], targets: [target(promql`sum by (job, instance) (${rate(r.cpu)})`, '{{job}} {{instance}}')] }),
      timeseries({
        title: 'File descriptors',
        unit: PANEL_UNITS.count,
        targets: [target(promql`sum by (job, instance) (${sel(r.openFds)})`, 'open {{job}}'), target(promql`sum by (job, instance) (${sel(r.maxFds)})`, 'max {{job}}')],
      }),
    ]),
  ],
});
