import { alert, defineRules, fires, input, pending, promql, silent } from 'sextant';
import runtime from '../catalog/runtime.ts';
import config from '../sextant.config.ts';
import { APP_ESCALATION } from './shared/escalation.ts';
import { API, APP_JOBS } from './shared/targets.ts';

const t = config.alerts.thresholds;
const { cpu, residentMemory, eventLoopLagP99, openFds, maxFds } = runtime.metrics;
const MiB = 1024 * 1024;

export default defineRules({
  name: 'runtime',
  title: 'Processes (Node.js runtime)',
  alerts: [
    alert({
      name: 'ProcessCpuHigh',
      severity: 'warning',
      // process_* names are Prometheus's and every exporter's too: only this application's processes.
      expr: promql`rate(${cpu}{job=~"${APP_JOBS}"}[5m]) > ${t.processCpuRatio}`,
      for: '5m',
      summary: '{{ $labels.job }} is CPU-bound on {{ $labels.instance }}',
      description: '{{ $labels.job }} on {{ $labels.instance }} uses {{ $value | humanizePercentage }} of a CPU core.',
      runbook: {
        meaning: 'The process spends nearly all of a core: Node.js runs JavaScript on one thread, so requests and jobs queue behind it.',
        causes: ['A traffic increase.', 'An expensive code path (serialisation, regular expressions, a hot loop).', 'Garbage collection under memory pressure.'],
        checks: ['Node.js runtime dashboard: CPU, event loop lag, GC.', 'HTTP API dashboard: request rate.', 'A CPU profile of the process.'],
        fix: ['If traffic grew, scale the job out.', 'If a deploy made a path expensive, roll it back and profile it.', 'If garbage collection dominates, follow ProcessMemoryHigh.'],
        escalation: APP_ESCALATION,
        query: promql`rate(${cpu}{job=~"${APP_JOBS}"}[5m])`,
        panel: { dashboard: 'runtime', panel: 'CPU' },
      },
      scenario: { target: API, series: (share, s) => [input(cpu, { ...s.target }, s.counter(share))] },
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
      expr: promql`${residentMemory}{job=~"${APP_JOBS}"} > ${t.processMemoryBytes}`,
      for: '10m',
      summary: '{{ $labels.job }} uses much memory on {{ $labels.instance }}',
      description: '{{ $labels.job }} on {{ $labels.instance }} holds {{ $value | humanize1024 }}B of resident memory.',
      runbook: {
        meaning: 'The process holds more memory than expected: a leak, or a load it was not sized for. It risks being killed.',
        causes: ['A memory leak (growing without traffic growth).', 'Large caches or payloads.', 'A traffic increase.'],
        checks: ['Node.js runtime dashboard: heap used versus resident memory over days.', 'A heap snapshot of the process.'],
        fix: ['Take a heap snapshot, then restart the process to buy time.', 'If it grows with every deploy, roll back the deploy that started it.', 'If traffic grew, raise the memory limit with the replicas.'],
        escalation: APP_ESCALATION,
        query: promql`${residentMemory}{job=~"${APP_JOBS}"}`,
        panel: { dashboard: 'runtime', panel: 'Heap' },
      },
      scenario: { target: API, series: (bytes, s) => [input(residentMemory, { ...s.target }, s.gauge(bytes))] },
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
      expr: promql`${eventLoopLagP99}{job=~"${APP_JOBS}"} > ${t.eventLoopLagSeconds}`,
      for: '5m',
      summary: 'Event loop of {{ $labels.job }} is blocked',
      description: 'The event loop of {{ $labels.job }} on {{ $labels.instance }} is delayed up to {{ $value | humanizeDuration }} (p99).',
      runbook: {
        meaning: 'Timers and I/O callbacks run late: something blocks the only JavaScript thread, and every request waits for it.',
        causes: ['Synchronous work on the main thread (large JSON, crypto, sync file I/O).', 'CPU saturation.', 'Long garbage collection pauses.'],
        checks: ['Node.js runtime dashboard: event loop lag, GC duration, CPU.', 'A CPU profile of the process.'],
        fix: ['Take a CPU profile; move the blocking work off the main thread or roll back the deploy that added it.', 'If the process is CPU-bound from traffic, scale out.'],
        escalation: APP_ESCALATION,
        query: promql`${eventLoopLagP99}{job=~"${APP_JOBS}"}`,
        panel: { dashboard: 'runtime', panel: 'Event loop lag' },
      },
      scenario: { target: API, series: (seconds, s) => [input(eventLoopLagP99, { ...s.target }, s.gauge(seconds))] },
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
    alert({
      name: 'ProcessFileDescriptorsNearLimit',
      severity: 'warning',
      expr: promql`${openFds}{job=~"${APP_JOBS}"} / ${maxFds}{job=~"${APP_JOBS}"} > ${t.openFdsRatio}`,
      for: '5m',
      summary: '{{ $labels.job }} is running out of file descriptors on {{ $labels.instance }}',
      description: '{{ $labels.job }} on {{ $labels.instance }} uses {{ $value | humanizePercentage }} of its file descriptor limit.',
      runbook: {
        meaning: 'Every socket and file needs a descriptor; at the limit, new connections and requests fail with "too many open files".',
        causes: ['A connection or file handle leak.', 'Many slow clients or streams held open.', 'A limit too low for the load.'],
        checks: ['Node.js runtime dashboard: file descriptors and active handles.', 'Open connections on the HTTP dashboard.'],
        fix: ['Restart the process to release the descriptors, after noting which handle types grew.', 'Fix the leak, or raise the limit (ulimit -n, the container runtime\'s nofile) if the load needs it.'],
        escalation: APP_ESCALATION,
        query: promql`${openFds}{job=~"${APP_JOBS}"} / ${maxFds}{job=~"${APP_JOBS}"}`,
        panel: { dashboard: 'runtime', panel: 'File descriptors' },
      },
      scenario: { target: API, series: (ratio, s) => [input(openFds, { ...s.target }, s.gauge(1000 * ratio)), input(maxFds, { ...s.target }, s.gauge(1000))] },
      tests: [
        fires('900 of 1024 descriptors open', {
          at: '10m',
          series: [input(openFds, { ...API }, '900x20'), input(maxFds, { ...API }, '1000x20')],
          alerts: [{ labels: { ...API }, summary: 'api is running out of file descriptors on api:9464', description: 'api on api:9464 uses 90% of its file descriptor limit.' }],
        }),
        silent('500 of 1000 descriptors open', { at: '10m', series: [input(openFds, { ...API }, '500x20'), input(maxFds, { ...API }, '1000x20')] }),
        silent("Prometheus's own descriptors are not this application's", {
          at: '10m',
          series: [input(openFds, { job: 'prometheus', instance: 'localhost:9090' }, '900x20'), input(maxFds, { job: 'prometheus', instance: 'localhost:9090' }, '1000x20')],
        }),
        pending('near the limit for less than 5 minutes', { at: '3m', series: [input(openFds, { ...API }, '900x20'), input(maxFds, { ...API }, '1000x20')] }),
      ],
    }),
  ],
});
