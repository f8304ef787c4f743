import { alert, defineRules, fires, input, pending, promql, silent } from '#sextant';
import runtime from '../catalog/runtime.ts';
import config from '../sextant.config.ts';
import { API } from './shared/targets.ts';

const t = config.alerts.thresholds;
const { cpu, residentMemory, eventLoopLagP99 } = runtime.metrics;
const MiB = 1024 * 1024;

export default defineRules({
  name: 'runtime',
  title: 'Processes (Node.js runtime)',
  alerts: [
    alert({
      name: 'ProcessCpuHigh',
      severity: 'warning',
      expr: promql`rate(${cpu}[5m]) > ${t.processCpuRatio}`,
      for: '5m',
      summary: '{{ $labels.job }} is CPU-bound on {{ $labels.instance }}',
      description: '{{ $labels.job }} on {{ $labels.instance }} uses {{ $value | humanizePercentage }} of a CPU core.',
      runbook: {
        meaning: 'The process spends nearly all of a core: Node.js runs JavaScript on one thread, so requests and jobs queue behind it.',
        causes: ['A traffic increase.', 'An expensive code path (serialisation, regular expressions, a hot loop).', 'Garbage collection under memory pressure.'],
        checks: ['Node.js runtime dashboard: CPU, event loop lag, GC.', 'HTTP API dashboard: request rate.', 'A CPU profile of the process.'],
      },
      tests: [
        fires('90% of a core', {
          at: '15m',
          series: [input(cpu, { ...API }, '0+54x30')],
          alerts: [{ labels: { ...API }, summary: 'api is CPU-bound on api:9464', description: 'api on api:9464 uses 90% of a CPU core.' }],
        }),
        silent('70% of a core', { at: '15m', series: [input(cpu, { ...API }, '0+42x30')] }),
        pending('busy for less than 5 minutes', { at: '4m', series: [input(cpu, { ...API }, '0+54x30')] }),
      ],
    }),
    alert({
      name: 'ProcessMemoryHigh',
      severity: 'warning',
      expr: promql`${residentMemory} > ${t.processMemoryBytes}`,
      for: '10m',
      summary: '{{ $labels.job }} uses much memory on {{ $labels.instance }}',
      description: '{{ $labels.job }} on {{ $labels.instance }} holds {{ $value | humanize1024 }}B of resident memory.',
      runbook: {
        meaning: 'The process holds more memory than expected: a leak, or a load it was not sized for. It risks being killed.',
        causes: ['A memory leak (growing without traffic growth).', 'Large caches or payloads.', 'A traffic increase.'],
        checks: ['Node.js runtime dashboard: heap used versus resident memory over days.', 'A heap snapshot of the process.'],
      },
      tests: [
        fires('600 MiB resident', {
          at: '15m',
          series: [input(residentMemory, { ...API }, `${600 * MiB}x30`)],
          alerts: [{ labels: { ...API }, summary: 'api uses much memory on api:9464', description: 'api on api:9464 holds 600MiB of resident memory.' }],
        }),
        silent('500 MiB resident', { at: '15m', series: [input(residentMemory, { ...API }, `${500 * MiB}x30`)] }),
        pending('high for less than 10 minutes', { at: '5m', series: [input(residentMemory, { ...API }, `${600 * MiB}x30`)] }),
      ],
    }),
    alert({
      name: 'EventLoopLagHigh',
      severity: 'warning',
      expr: promql`${eventLoopLagP99} > ${t.eventLoopLagSeconds}`,
      for: '5m',
      summary: 'Event loop of {{ $labels.job }} is blocked',
      description: 'The event loop of {{ $labels.job }} on {{ $labels.instance }} is delayed up to {{ $value | humanizeDuration }} (p99).',
      runbook: {
        meaning: 'Timers and I/O callbacks run late: something blocks the only JavaScript thread, and every request waits for it.',
        causes: ['Synchronous work on the main thread (large JSON, crypto, sync file I/O).', 'CPU saturation.', 'Long garbage collection pauses.'],
        checks: ['Node.js runtime dashboard: event loop lag, GC duration, CPU.', 'A CPU profile of the process.'],
      },
      tests: [
        fires('800 ms of lag', {
          at: '10m',
          series: [input(eventLoopLagP99, { ...API }, '0.8x20')],
          alerts: [{ labels: { ...API }, summary: 'Event loop of api is blocked', description: 'The event loop of api on api:9464 is delayed up to 800ms (p99).' }],
        }),
        silent('300 ms of lag', { at: '10m', series: [input(eventLoopLagP99, { ...API }, '0.3x20')] }),
        pending('lagging for less than 5 minutes', { at: '3m', series: [input(eventLoopLagP99, { ...API }, '0.8x20')] }),
      ],
    }),
  ],
});
