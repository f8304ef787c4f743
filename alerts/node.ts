import { alert, defineRules, evaluates, fires, input, pending, promql, recordingRule, silent } from '#sextant';
import node from '../catalog/node_exporter.ts';
import config from '../sextant.config.ts';
import { NODE } from './shared/targets.ts';

const t = config.alerts.thresholds;
const { cpuSeconds, memAvailable, memTotal, filesystemAvail, filesystemSize } = node.metrics;
const GiB = 1024 ** 3;
/** File systems that are not disks: their space says nothing about the host. */
const REAL_FILESYSTEMS = 'fstype!~"tmpfs|overlay|squashfs|ramfs"';
const root = { ...NODE, device: '/dev/vda1', fstype: 'ext4', mountpoint: '/' } as const;

const idle = (perMinute: number) => input(cpuSeconds, { ...NODE, cpu: '0', mode: 'idle' }, `0+${perMinute}x40`);
const memory = (availableGiB: number) => [input(memAvailable, { ...NODE }, `${availableGiB * GiB}x40`), input(memTotal, { ...NODE }, `${8 * GiB}x40`)];
const disk = (available: string, size = `${100 * GiB}x200`) => [input(filesystemAvail, root, available), input(filesystemSize, root, size)];

export const cpuUtilisation = recordingRule({
  record: 'job_instance:node_cpu_utilisation:rate5m',
  expr: promql`1 - avg by (job, instance) (rate(${cpuSeconds}{mode="idle"}[5m]))`,
  tests: [evaluates('is the share of time not idle', { at: '10m', series: [idle(15)], samples: [{ labels: { ...NODE }, value: 0.75 }] })],
});

export const memoryUtilisation = recordingRule({
  record: 'job_instance:node_memory_utilisation:ratio',
  expr: promql`1 - ${memAvailable} / ${memTotal}`,
  tests: [evaluates('is the share of memory not available', { at: '5m', series: memory(2), samples: [{ labels: { ...NODE }, value: 0.75 }] })],
});

export default defineRules({
  name: 'node',
  title: 'Hosts (node_exporter)',
  recording: [cpuUtilisation, memoryUtilisation],
  alerts: [
    alert({
      name: 'NodeCpuHigh',
      severity: 'warning',
      expr: promql`${cpuUtilisation} > ${t.nodeCpuRatio}`,
      for: '10m',
      summary: 'CPU of {{ $labels.instance }} is busy',
      description: 'The CPUs of {{ $labels.instance }} are {{ $value | humanizePercentage }} busy.',
      runbook: {
        meaning: 'The host has little CPU left; everything on it slows down.',
        causes: ['A process using more CPU than usual.', 'More load than the host is sized for.'],
        checks: ['Host dashboard: CPU by mode, load.', 'top or the process dashboards of what runs on the host.'],
      },
      tests: [
        fires('90% busy', {
          at: '20m',
          series: [idle(6)],
          alerts: [{ labels: { ...NODE }, summary: 'CPU of host-1:9100 is busy', description: 'The CPUs of host-1:9100 are 90% busy.' }],
        }),
        silent('75% busy', { at: '20m', series: [idle(15)] }),
        pending('busy for less than 10 minutes', { at: '5m', series: [idle(6)] }),
      ],
    }),
    alert({
      name: 'NodeMemoryHigh',
      severity: 'warning',
      expr: promql`${memoryUtilisation} > ${t.nodeMemoryRatio}`,
      for: '10m',
      summary: 'Memory of {{ $labels.instance }} is nearly used up',
      description: '{{ $value | humanizePercentage }} of the memory of {{ $labels.instance }} is in use.',
      runbook: {
        meaning: 'Little memory is left for new work; the kernel will reclaim caches, then swap or kill processes.',
        causes: ['A process leaking memory.', 'More processes than the host is sized for.'],
        checks: ['Host dashboard: memory available, swap.', 'ProcessMemoryHigh alerts on the same host.'],
      },
      tests: [
        fires('1 GiB of 8 GiB available', {
          at: '20m',
          series: memory(1),
          alerts: [{ labels: { ...NODE }, summary: 'Memory of host-1:9100 is nearly used up', description: '87.5% of the memory of host-1:9100 is in use.' }],
        }),
        silent('2 GiB of 8 GiB available', { at: '20m', series: memory(2) }),
        pending('high for less than 10 minutes', { at: '5m', series: memory(1) }),
      ],
    }),
    alert({
      name: 'NodeDiskSpaceLow',
      severity: 'critical',
      supersedes: ['NodeDiskWillFillSoon'],
      expr: promql`${filesystemAvail}{${REAL_FILESYSTEMS}} / ${filesystemSize}{${REAL_FILESYSTEMS}} < ${t.nodeDiskFreeRatio}`,
      for: '5m',
      summary: '{{ $labels.mountpoint }} on {{ $labels.instance }} is nearly full',
      description: 'Only {{ $value | humanizePercentage }} of {{ $labels.mountpoint }} on {{ $labels.instance }} is free.',
      runbook: {
        meaning: 'A file system is nearly full; writes will fail (databases, logs, Prometheus itself).',
        causes: ['Logs or data growing without rotation or retention.', 'A large temporary file.'],
        checks: ['Host dashboard: file system usage.', 'du on the mount point for what grew.'],
      },
      tests: [
        fires('10% free', {
          at: '10m',
          series: disk(`${10 * GiB}x20`),
          alerts: [{ labels: { ...root }, summary: '/ on host-1:9100 is nearly full', description: 'Only 10% of / on host-1:9100 is free.' }],
        }),
        silent('20% free', { at: '10m', series: disk(`${20 * GiB}x20`) }),
        pending('nearly full for less than 5 minutes', { at: '3m', series: disk(`${10 * GiB}x20`) }),
      ],
    }),
    alert({
      name: 'NodeDiskWillFillSoon',
      severity: 'warning',
      expr: promql`predict_linear(${filesystemAvail}{${REAL_FILESYSTEMS}}[6h], ${t.nodeDiskFillHours} * 3600) < 0`,
      for: '30m',
      summary: '{{ $labels.mountpoint }} on {{ $labels.instance }} is filling up',
      description: `{{ $labels.mountpoint }} on {{ $labels.instance }} will be full within ${t.nodeDiskFillHours} hours at the rate it has been filling.`,
      runbook: {
        meaning: 'At the current rate of growth the file system fills up within hours: act before NodeDiskSpaceLow.',
        causes: ['A runaway log or data file.', 'Retention not keeping up with ingestion.'],
        checks: ['Host dashboard: file system usage over the last hours.', 'du on the mount point for what grows.'],
      },
      tests: [
        fires('losing 1 GiB a minute', {
          at: '90m',
          series: disk(`${100 * GiB}-${GiB}x100`),
          alerts: [
            {
              labels: { ...root },
              summary: '/ on host-1:9100 is filling up',
              description: `/ on host-1:9100 will be full within ${t.nodeDiskFillHours} hours at the rate it has been filling.`,
            },
          ],
        }),
        silent('losing 100 MiB a minute', { at: '90m', series: disk(`${100 * GiB}-${100 * 1024 * 1024}x100`) }),
        pending('filling for less than 30 minutes', { at: '20m', series: disk(`${100 * GiB}-${GiB}x100`) }),
      ],
    }),
  ],
});
