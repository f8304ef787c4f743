/**
 * The pack's rule file: host alerts over node_exporter with their tests, and the two recording
 * rules the dashboard reads. Every test value that sits near a threshold is computed from it, and
 * the texts expected at that value with Prometheus's own formatting (../humanize.ts), so a project
 * that overrides a threshold keeps tests that prove the alert at its own value.
 */
import { alert, defineRules, evaluates, fires, input, pending, recordingRule, silent } from '../../dsl/rules.ts';
import { promql } from '../../promql/query.ts';
import { humanize, humanizeDuration, humanizePercentage, round } from '../humanize.ts';
import node from './domain.ts';
import type { NodeThresholds } from './index.ts';

const n = node.metrics;
const GiB = 1024 ** 3;
const MiB = 1024 ** 2;
/** File systems that are not disks: their space says nothing about the host. */
export const REAL_FILESYSTEMS = 'fstype!~"tmpfs|overlay|squashfs|ramfs"';
/** The dashboard the runbooks point at (dashboard.ts). */
export const DASHBOARD = 'hosts';

/** Whole MiB: a share of a size in bytes, without the float noise of the product. */
const mib = (bytes: number) => Math.round(bytes / MiB) * MiB;
/** Bytes in GiB for a test's name: 14, 9.5. */
const gib = (bytes: number) => round(bytes / GiB);

/** The target labels of the test series: the project's job, one host. */
export interface NodeTarget {
  readonly job: string;
  readonly instance: string;
}

/** The recording rules, whose tests carry the target's labels. */
export function nodeRecordingRules(host1: NodeTarget) {
  const idle = (perMinute: number) => input(n.cpuSeconds, { ...host1, cpu: '0', mode: 'idle' }, `0+${perMinute}x40`);
  const cpuUtilisation = recordingRule({
    record: 'job_instance:node_cpu_utilisation:rate5m',
    expr: promql`1 - avg by (job, instance) (rate(${n.cpuSeconds}{mode="idle"}[5m]))`,
    tests: [evaluates('is the share of time not idle', { at: '10m', series: [idle(15)], samples: [{ labels: { ...host1 }, value: 0.75 }] })],
  });
  const memoryUtilisation = recordingRule({
    record: 'job_instance:node_memory_utilisation:ratio',
    expr: promql`1 - ${n.memAvailable} / ${n.memTotal}`,
    tests: [
      evaluates('is the share of memory not available', {
        at: '5m',
        series: [input(n.memAvailable, { ...host1 }, `${2 * GiB}x40`), input(n.memTotal, { ...host1 }, `${8 * GiB}x40`)],
        samples: [{ labels: { ...host1 }, value: 0.75 }],
      }),
    ],
  });
  return { cpuUtilisation, memoryUtilisation };
}

export function nodeRules(t: NodeThresholds, host1: NodeTarget, escalation: string) {
  const { cpuUtilisation, memoryUtilisation } = nodeRecordingRules(host1);
  const root = { ...host1, device: '/dev/vda1', fstype: 'ext4', mountpoint: '/' } as const;
  const eth0 = { ...host1, device: 'eth0' } as const;
  const host2 = { ...host1, instance: 'host-2:9100' } as const;
  const host = host1.instance;

  const idle = (perMinute: number, target: NodeTarget = host1) => input(n.cpuSeconds, { ...target, cpu: '0', mode: 'idle' }, `0+${round(perMinute)}x40`);
  const memory = (availableBytes: number) => [input(n.memAvailable, { ...host1 }, `${availableBytes}x40`), input(n.memTotal, { ...host1 }, `${8 * GiB}x40`)];
  /** A 100 GiB root file system: available bytes from `start`, losing `perMinute`, and whether it is mounted read-only. */
  const disk = (start: number, perMinute = 0, readonly = 0) => [
    input(n.filesystemAvail, root, perMinute === 0 ? `${start}x300` : `${start}-${perMinute}x300`),
    input(n.filesystemSize, root, `${100 * GiB}x300`),
    input(n.filesystemReadonly, root, `${readonly}x300`),
  ];
  /** A root file system of 1M inodes, `free` of them free, losing `perMinute` a minute. */
  const inodes = (free: number, perMinute: number) => [
    input(n.filesystemFilesFree, root, `${free}-${perMinute}x300`),
    input(n.filesystemFiles, root, '1000000x300'),
    input(n.filesystemReadonly, root, '0x300'),
  ];
  const clock = (offset: string, synced = 1, maxError = 0.01) => [
    input(n.timexOffset, { ...host1 }, offset),
    input(n.timexSyncStatus, { ...host1 }, `${synced}x40`),
    input(n.timexMaxError, { ...host1 }, `${maxError}x40`),
  ];
  const load = (load5: number, cpus: number) => [
    input(n.load5, { ...host1 }, `${round(load5)}x40`),
    ...Array.from({ length: cpus }, (_, cpu) => input(n.cpuSeconds, { ...host1, cpu: String(cpu), mode: 'idle' }, '0+30x40')),
  ];

  // The values the tests put near each threshold, as shares of it, so any threshold between 0 and 1 has them.
  /** CPU: idle seconds a minute at busy halfway to 100 %, and 1/120 of the idle time at the threshold either side of it. */
  const idleAt = 60 * (1 - t.cpuRatio);
  const cpu = { busy: round(idleAt / 2), over: round((idleAt * 119) / 120), under: round((idleAt * 121) / 120) };
  /** Memory of 8 GiB: 5/6 of what the threshold leaves available, and 25/24 of it. */
  const availableAt = 8 * GiB * (1 - t.memoryRatio);
  const mem = { over: mib((availableAt * 5) / 6), under: mib((availableAt * 25) / 24) };
  /** Day-ahead filling: 14/15 of the share free, losing all of it in 896 minutes (about 15 hours) or twice that; or 17/15 free. */
  const filling = { start: mib((100 * GiB * t.diskFreeRatio * 14) / 15), above: mib((100 * GiB * t.diskFreeRatio * 17) / 15) };
  const fillingFast = mib(filling.start / 896);
  /** Within diskFillHours: 90 % of the page's share free, full in 60 % of the hours or in 120 % of them; or the share itself. */
  const soon = { start: mib(100 * GiB * t.diskFreeRatioPage * 0.9), at: mib(100 * GiB * t.diskFreeRatioPage) };
  const soonFast = mib(soon.start / (0.6 * t.diskFillHours * 60));
  const soonSlow = mib(soon.start / (1.2 * t.diskFillHours * 60));
  /** 80 % of the low-space share, and exactly the share. */
  const low = { over: mib(100 * GiB * t.diskFreeRatioLow * 0.8), at: mib(100 * GiB * t.diskFreeRatioLow) };
  /** Inodes of 1M: 90 % of the share free, gone in 75 % of diskFillHours or in 125 % of them. */
  const inodesFree = Math.round(1_000_000 * t.inodesFreeRatio * 0.9);
  const inodesFast = Math.round(inodesFree / (0.75 * t.diskFillHours * 60));
  const inodesSlow = Math.round(inodesFree / (1.25 * t.diskFillHours * 60));
  /** Network, of 6,000 packets a minute: twice the error share, and 59/60 of it. */
  const errorsOver = round(6000 * 2 * t.networkErrorRatio);
  const errorsUnder = round((6000 * t.networkErrorRatio * 59) / 60);
  /** Clock: twice the offset, drifting away by 2 % of the threshold a minute (back by 8 % in the silent case); or 80 % of it. */
  const skew = { start: round(2 * t.clockOffsetSeconds), drift: round(0.02 * t.clockOffsetSeconds), inside: round(0.8 * t.clockOffsetSeconds) };

  const freeRatio = promql`${n.filesystemAvail}{${REAL_FILESYSTEMS}} / ${n.filesystemSize}{${REAL_FILESYSTEMS}}`;
  const writable = promql`${n.filesystemReadonly}{${REAL_FILESYSTEMS}} == 0`;
  const diskFix = [
    'Find what grew: `du -xh --max-depth=2 <mountpoint> | sort -h | tail`.',
    'Free space safely: rotate or compress logs, drop old backups and core dumps, shorten the retention of what writes there.',
    'If the growth is legitimate, grow the volume (resize the disk, then resize2fs or xfs_growfs).',
  ];
  const diskPanel = { dashboard: DASHBOARD, panel: 'File system space used' } as const;

  return defineRules({
    name: 'node',
    title: 'Hosts (node_exporter)',
    recording: [cpuUtilisation, memoryUtilisation],
    alerts: [
      alert({
        name: 'NodeCpuHigh',
        severity: 'warning',
        expr: promql`${cpuUtilisation} > ${t.cpuRatio}`,
        for: '10m',
        scenario: { target: host1, series: (busy, s) => [input(n.cpuSeconds, { ...s.target, cpu: '0', mode: 'idle' }, s.counter(1 - busy))] },
        summary: 'CPU of {{ $labels.instance }} is busy',
        description: 'The CPUs of {{ $labels.instance }} are {{ $value | humanizePercentage }} busy.',
        runbook: {
          meaning: 'The host has little CPU left; everything on it slows down.',
          causes: ['A process using more CPU than usual.', 'More load than the host is sized for.'],
          checks: ['Host dashboard: CPU by mode, load.', 'top or the process dashboards of what runs on the host.'],
          fix: ['Stop or throttle the process that took the CPU if it is runaway (a stuck loop, a batch run at the wrong time).', 'Otherwise move work off the host or give it more CPUs.'],
          escalation,
          query: promql`topk(5, ${cpuUtilisation})`,
          panel: { dashboard: DASHBOARD, panel: 'CPU by mode' },
        },
        tests: [
          fires(`${humanizePercentage(1 - cpu.busy / 60)} busy`, {
            at: '20m',
            series: [idle(cpu.busy)],
            alerts: [{ labels: { ...host1 }, summary: `CPU of ${host} is busy`, description: `The CPUs of ${host} are ${humanizePercentage(1 - cpu.busy / 60)} busy.` }],
          }),
          fires(`just over ${humanizePercentage(t.cpuRatio)} busy, just after 10 minutes`, {
            at: '16m',
            series: [idle(cpu.over)],
            alerts: [{ labels: { ...host1 }, summary: `CPU of ${host} is busy`, description: `The CPUs of ${host} are ${humanizePercentage(1 - cpu.over / 60)} busy.` }],
          }),
          silent(`just under ${humanizePercentage(t.cpuRatio)} busy`, { at: '20m', series: [idle(cpu.under)] }),
          silent('one host busy, the other idle: each host is judged alone', { at: '20m', series: [idle(cpu.under), idle(60, host2)] }),
          pending('busy for less than 10 minutes', { at: '10m', series: [idle(cpu.busy)] }),
        ],
      }),
      alert({
        name: 'NodeMemoryHigh',
        severity: 'warning',
        expr: promql`${memoryUtilisation} > ${t.memoryRatio}`,
        for: '10m',
        scenario: { target: host1, series: (used, s) => [input(n.memAvailable, { ...s.target }, s.gauge((1 - used) * 8 * GiB)), input(n.memTotal, { ...s.target }, s.gauge(8 * GiB))] },
        summary: 'Memory of {{ $labels.instance }} is nearly used up',
        description: '{{ $value | humanizePercentage }} of the memory of {{ $labels.instance }} is in use.',
        runbook: {
          meaning: 'Little memory is left for new work; the kernel will reclaim caches, then swap or kill processes.',
          causes: ['A process leaking memory.', 'More processes than the host is sized for.'],
          checks: ['Host dashboard: memory available, swap.', 'ProcessMemoryHigh alerts on the same host.'],
          fix: ['Restart the process whose resident memory keeps growing (a leak), and open a bug with its memory profile.', 'Otherwise move work off the host or add memory.'],
          escalation,
          query: promql`topk(5, ${memoryUtilisation})`,
          panel: { dashboard: DASHBOARD, panel: 'Memory' },
        },
        tests: [
          fires(`${round(mem.over / GiB)} GiB of 8 GiB available`, {
            at: '20m',
            series: memory(mem.over),
            alerts: [{ labels: { ...host1 }, summary: `Memory of ${host} is nearly used up`, description: `${humanizePercentage(1 - mem.over / (8 * GiB))} of the memory of ${host} is in use.` }],
          }),
          silent(`${round(mem.under / GiB)} GiB of 8 GiB available: just under ${humanizePercentage(t.memoryRatio)} in use`, { at: '20m', series: memory(mem.under) }),
          pending('high for less than 10 minutes', { at: '9m', series: memory(mem.over) }),
        ],
      }),
      alert({
        name: 'NodeLoadHigh',
        severity: 'warning',
        expr: promql`${n.load5} / on (job, instance) count by (job, instance) (${n.cpuSeconds}{mode="idle"}) > ${t.loadPerCpu}`,
        for: '15m',
        scenario: { target: host1, series: (perCpu, s) => [input(n.load5, { ...s.target }, s.gauge(perCpu * 4)), ...['0', '1', '2', '3'].map((cpu) => input(n.cpuSeconds, { ...s.target, cpu, mode: 'idle' }, s.counter(0.5)))] },
        summary: '{{ $labels.instance }} has more runnable work than CPUs',
        description: 'The 5-minute load of {{ $labels.instance }} is {{ $value | humanize }} per CPU: work waits to run.',
        runbook: {
          meaning: 'More threads are runnable (or blocked on disk) than the CPUs can serve: everything on the host waits, latency grows.',
          causes: ['CPU saturation (see NodeCpuHigh).', 'Threads blocked on slow I/O (iowait, a saturated or failing disk, an NFS mount that hangs).'],
          checks: ['Host dashboard: load average against the CPU count, CPU by mode (iowait), disk busy.', 'vmstat 1: r (runnable) and b (blocked) columns.'],
          fix: ['If iowait dominates, find the process doing the I/O (iotop) and throttle it, or move it to a faster disk.', 'If the CPUs are busy, act as for NodeCpuHigh.'],
          escalation,
          query: promql`${n.load5} / on (job, instance) count by (job, instance) (${n.cpuSeconds}{mode="idle"})`,
          panel: { dashboard: DASHBOARD, panel: 'Load average' },
        },
        tests: [
          fires(`load ${round(4 * t.loadPerCpu + 1)} on 4 CPUs`, {
            at: '20m',
            series: load(4 * t.loadPerCpu + 1, 4),
            alerts: [
              { labels: { ...host1 }, summary: `${host} has more runnable work than CPUs`, description: `The 5-minute load of ${host} is ${humanize((4 * t.loadPerCpu + 1) / 4)} per CPU: work waits to run.` },
            ],
          }),
          silent(`load ${round(4 * t.loadPerCpu)} on 4 CPUs: at the threshold`, { at: '20m', series: load(4 * t.loadPerCpu, 4) }),
          pending('loaded for less than 15 minutes', { at: '14m', series: load(4 * t.loadPerCpu + 1, 4) }),
        ],
      }),
      alert({
        name: 'NodeDiskFillingUp',
        severity: 'warning',
        expr: promql`${freeRatio} < ${t.diskFreeRatio} and predict_linear(${n.filesystemAvail}{${REAL_FILESYSTEMS}}[6h], 24 * 3600) < 0 and ${writable}`,
        for: '1h',
        noScenario: 'Two conditions at once, the share of free space and its trend: the hand-written tests hold one and vary the other, at and under the threshold, read-only and at the production interval.',
        blindSpot: 'A file system that disappears has nothing left to fill; node_exporter gone is TargetDown.',
        summary: '{{ $labels.mountpoint }} on {{ $labels.instance }} fills up within a day',
        description: `Only {{ $value | humanizePercentage }} of {{ $labels.mountpoint }} on {{ $labels.instance }} is free, and at the rate it has been filling it is full within 24 hours.`,
        runbook: {
          meaning: 'A file system with little space left fills up within a day at its current rate: act in working hours, before NodeDiskWillFillSoon pages.',
          causes: ['Logs or data growing without rotation or retention.', 'Retention not keeping up with ingestion.'],
          checks: ['Host dashboard: file system space used over the last day.', 'du on the mount point for what grows.'],
          fix: diskFix,
          escalation,
          query: promql`predict_linear(${n.filesystemAvail}{${REAL_FILESYSTEMS}}[6h], 24 * 3600)`,
          panel: diskPanel,
        },
        tests: [
          fires(`${gib(filling.start)} GiB free, losing ${fillingFast / MiB} MiB a minute (${Math.round((fillingFast * 1440) / GiB)} GiB a day)`, {
            at: '70m',
            series: disk(filling.start, fillingFast),
            alerts: [
              {
                labels: { ...root },
                summary: `/ on ${host} fills up within a day`,
                description: `Only ${humanizePercentage((filling.start - 70 * fillingFast) / (100 * GiB))} of / on ${host} is free, and at the rate it has been filling it is full within 24 hours.`,
              },
            ],
          }),
          silent(`${gib(filling.start)} GiB free, losing ${fillingFast / 2 / MiB} MiB a minute: full in more than a day`, { at: '70m', series: disk(filling.start, fillingFast / 2) }),
          silent(`${gib(filling.above)} GiB free, filling fast: the share of free space is still above ${humanizePercentage(t.diskFreeRatio)}`, {
            at: '70m',
            series: disk(filling.above, fillingFast),
          }),
          silent('read-only: nothing can fill it', { at: '70m', series: disk(filling.start, fillingFast, 1) }),
          pending('filling for less than an hour', { at: '59m', series: disk(filling.start, fillingFast) }),
        ],
      }),
      alert({
        name: 'NodeDiskWillFillSoon',
        severity: 'critical',
        impact: 'Writes to the file system fail within hours: databases, queues and logs on the host lose data or stop.',
        supersedes: ['NodeDiskFillingUp', 'NodeDiskSpaceLow'],
        expr: promql`${freeRatio} < ${t.diskFreeRatioPage} and predict_linear(${n.filesystemAvail}{${REAL_FILESYSTEMS}}[6h], ${t.diskFillHours} * 3600) < 0 and ${writable}`,
        for: '30m',
        noScenario: 'Two conditions at once, the share of free space and its trend: the hand-written tests hold one and vary the other, at and under the threshold.',
        blindSpot: 'A file system that disappears has nothing left to fill; node_exporter gone is TargetDown.',
        summary: '{{ $labels.mountpoint }} on {{ $labels.instance }} is full within hours',
        description: `Only {{ $value | humanizePercentage }} of {{ $labels.mountpoint }} on {{ $labels.instance }} is free, and at the rate it has been filling it is full within ${t.diskFillHours} hours.`,
        runbook: {
          meaning: 'A nearly full file system fills within hours: when it is full, writes fail and the data written there is lost.',
          causes: ['A runaway log or data file.', 'A large temporary file or a backup written to the wrong volume.'],
          checks: ['Host dashboard: file system space used over the last hours.', 'du on the mount point for what grows; `lsof +L1` for deleted files still held open.'],
          fix: [...diskFix, 'A deleted file still held open keeps its space: restart the process holding it (`lsof +L1`).'],
          escalation,
          query: promql`predict_linear(${n.filesystemAvail}{${REAL_FILESYSTEMS}}[6h], ${t.diskFillHours} * 3600)`,
          panel: diskPanel,
        },
        tests: [
          fires(`${gib(soon.start)} GiB free, losing ${soonFast / MiB} MiB a minute (${Math.round((soonFast * 60 * t.diskFillHours) / GiB)} GiB in ${t.diskFillHours} hours)`, {
            at: '40m',
            series: disk(soon.start, soonFast),
            alerts: [
              {
                labels: { ...root },
                summary: `/ on ${host} is full within hours`,
                description: `Only ${humanizePercentage((soon.start - 40 * soonFast) / (100 * GiB))} of / on ${host} is free, and at the rate it has been filling it is full within ${t.diskFillHours} hours.`,
              },
            ],
          }),
          silent(`${gib(soon.start)} GiB free, losing ${soonSlow / MiB} MiB a minute: full in more than ${t.diskFillHours} hours`, { at: '40m', series: disk(soon.start, soonSlow) }),
          silent(`${gib(soon.at)} GiB free and not growing: exactly at the threshold, no trend`, { at: '40m', series: disk(soon.at) }),
          pending('filling for less than 30 minutes', { at: '29m', series: disk(soon.start, soonFast) }),
        ],
      }),
      alert({
        name: 'NodeDiskSpaceLow',
        severity: 'warning',
        expr: promql`${freeRatio} < ${t.diskFreeRatioLow} and ${writable}`,
        for: '30m',
        scenario: { target: host1, series: (free, s) => [input(n.filesystemAvail, { ...root, ...s.target }, s.gauge(free * 100 * GiB)), input(n.filesystemSize, { ...root, ...s.target }, s.gauge(100 * GiB)), input(n.filesystemReadonly, { ...root, ...s.target }, s.gauge(0))] },
        blindSpot: 'A file system that disappears has nothing left to fill; node_exporter gone is TargetDown.',
        summary: '{{ $labels.mountpoint }} on {{ $labels.instance }} is nearly full',
        description: 'Only {{ $value | humanizePercentage }} of {{ $labels.mountpoint }} on {{ $labels.instance }} is free.',
        runbook: {
          meaning: 'A file system is nearly full, though not filling fast: the next burst of writes may fill it.',
          causes: ['Data grown over weeks without retention.', 'A volume sized too small for what it holds.'],
          checks: ['Host dashboard: file system space used over the last weeks.', 'du on the mount point.'],
          fix: diskFix,
          escalation,
          query: promql`${freeRatio}`,
          panel: diskPanel,
        },
        tests: [
          fires(`${gib(low.over)} GiB of 100 GiB free`, {
            at: '40m',
            series: disk(low.over),
            alerts: [{ labels: { ...root }, summary: `/ on ${host} is nearly full`, description: `Only ${humanizePercentage(low.over / (100 * GiB))} of / on ${host} is free.` }],
          }),
          silent(`${gib(low.at)} GiB of 100 GiB free: at the threshold`, { at: '40m', series: disk(low.at) }),
          silent(`${gib(low.over)} GiB free on a read-only mount`, { at: '40m', series: disk(low.over, 0, 1) }),
          pending('nearly full for less than 30 minutes', { at: '29m', series: disk(low.over) }),
        ],
      }),
      alert({
        name: 'NodeInodesWillRunOut',
        severity: 'critical',
        impact: 'No file can be created on the file system within hours, whatever space is left: writes fail and data is lost.',
        expr: promql`${n.filesystemFilesFree}{${REAL_FILESYSTEMS}} / ${n.filesystemFiles}{${REAL_FILESYSTEMS}} < ${t.inodesFreeRatio} and predict_linear(${n.filesystemFilesFree}{${REAL_FILESYSTEMS}}[6h], ${t.diskFillHours} * 3600) < 0 and ${writable}`,
        for: '30m',
        noScenario: 'Two conditions at once, the share of free inodes and its trend: the hand-written tests hold one and vary the other.',
        blindSpot: 'A file system that disappears has no inodes to run out of; node_exporter gone is TargetDown.',
        summary: '{{ $labels.mountpoint }} on {{ $labels.instance }} runs out of inodes within hours',
        description: `Only {{ $value | humanizePercentage }} of the inodes of {{ $labels.mountpoint }} on {{ $labels.instance }} are free, and at the current rate none are left within ${t.diskFillHours} hours.`,
        runbook: {
          meaning: 'Every file takes an inode; when none are left, creating a file fails with "No space left on device" although df shows space.',
          causes: ['Millions of small files: a cache, session or mail spool directory never cleaned.', 'A job creating a temporary file per item and never deleting them.'],
          checks: ['Host dashboard: free bytes and inodes.', '`df -i`; then `find <mountpoint> -xdev -type d -size +1M` finds the directories holding the most entries.'],
          fix: ['Delete the files nobody needs (old sessions, cache entries), in batches: `find <dir> -mindepth 1 -mtime +7 -delete`.', 'Fix what creates them without cleaning up.', 'If the files are needed, move them to a file system with more inodes (mkfs -i or xfs, which allocates them dynamically).'],
          escalation,
          query: promql`${n.filesystemFilesFree}{${REAL_FILESYSTEMS}} / ${n.filesystemFiles}{${REAL_FILESYSTEMS}}`,
          panel: { dashboard: DASHBOARD, panel: 'Free bytes and inodes' },
        },
        tests: [
          fires(`${inodesFree.toLocaleString('en')} of 1M inodes free, losing ${inodesFast} a minute`, {
            at: '40m',
            series: inodes(inodesFree, inodesFast),
            alerts: [
              {
                labels: { ...root },
                summary: `/ on ${host} runs out of inodes within hours`,
                description: `Only ${humanizePercentage((inodesFree - 40 * inodesFast) / 1_000_000)} of the inodes of / on ${host} are free, and at the current rate none are left within ${t.diskFillHours} hours.`,
              },
            ],
          }),
          silent(`${inodesFree.toLocaleString('en')} free, losing ${inodesSlow} a minute: more than ${t.diskFillHours} hours left`, { at: '40m', series: inodes(inodesFree, inodesSlow) }),
          pending('running out for less than 30 minutes', { at: '29m', series: inodes(inodesFree, inodesFast) }),
        ],
      }),
      alert({
        name: 'NodeFilesystemReadOnly',
        severity: 'warning',
        expr: promql`${n.filesystemReadonly}{${REAL_FILESYSTEMS}} == 1`,
        for: '5m',
        scenario: { target: host1, series: (readonly, s) => [input(n.filesystemReadonly, { ...root, ...s.target }, s.gauge(readonly))] },
        summary: '{{ $labels.mountpoint }} on {{ $labels.instance }} is read-only',
        description: '{{ $labels.mountpoint }} ({{ $labels.device }}) on {{ $labels.instance }} is mounted read-only: every write to it fails.',
        runbook: {
          meaning: 'The kernel remounts a file system read-only when it finds errors (ext4 errors=remount-ro), or the disk below it fails: writes fail until it is repaired.',
          causes: ['I/O errors on the disk or the volume behind it.', 'File system corruption found by the kernel.', 'A mount that is read-only by design: exclude its mountpoint from the alert.'],
          checks: ['`dmesg | grep -i -e remount -e "I/O error" -e EXT4-fs`.', 'Host dashboard: read-only or failing file systems.', 'The cloud provider\'s status of the volume.'],
          fix: ['Move the services writing there elsewhere, or stop them cleanly.', 'Unmount, run fsck, remount read-write (`mount -o remount,rw`); replace the disk if the errors are hardware.'],
          escalation,
          query: promql`${n.filesystemReadonly}{${REAL_FILESYSTEMS}} == 1`,
          panel: { dashboard: DASHBOARD, panel: 'Read-only or failing file systems' },
        },
        tests: [
          fires('remounted read-only', {
            at: '10m',
            series: [input(n.filesystemReadonly, root, '0x2 1x20')],
            alerts: [{ labels: { ...root }, summary: `/ on ${host} is read-only`, description: `/ (/dev/vda1) on ${host} is mounted read-only: every write to it fails.` }],
          }),
          silent('writable', { at: '10m', series: [input(n.filesystemReadonly, root, '0x20')] }),
          silent('a read-only tmpfs is not a disk', { at: '10m', series: [input(n.filesystemReadonly, { ...root, fstype: 'tmpfs', device: 'tmpfs', mountpoint: '/run' }, '1x20')] }),
          pending('read-only for less than 5 minutes', { at: '6m', series: [input(n.filesystemReadonly, root, '0x2 1x20')] }),
        ],
      }),
      networkErrors('receive'),
      networkErrors('transmit'),
      alert({
        name: 'NodeClockSkew',
        severity: 'warning',
        // Off by more than the threshold either way, and not moving back: abs() and sgn() say ahead or behind in one comparison.
        expr: promql`abs(${n.timexOffset}) > ${t.clockOffsetSeconds} and deriv(${n.timexOffset}[5m]) * sgn(${n.timexOffset}) >= 0`,
        for: '10m',
        scenario: { target: host1, series: (offset, s) => [input(n.timexOffset, { ...s.target }, s.gauge(offset))] },
        summary: 'The clock of {{ $labels.instance }} is off',
        description: 'The clock of {{ $labels.instance }} is {{ $value | humanizeDuration }} away from its NTP reference, and not coming back.',
        runbook: {
          meaning: 'The host clock drifts from true time and NTP is not correcting it: timestamps, TLS, tokens with expiry and ordering across hosts go wrong.',
          causes: ['The NTP daemon (chrony, systemd-timesyncd) is stopped or cannot reach its servers.', 'A VM paused or migrated.'],
          checks: ['chronyc tracking or timedatectl timesync-status.', 'Whether UDP 123 to the NTP servers is open.'],
          fix: ['Start the NTP daemon, or fix its servers or firewall; chronyc makestep corrects a large offset at once.'],
          escalation,
          query: promql`${n.timexOffset}`,
        },
        tests: [
          fires(`${humanizeDuration(skew.start)} ahead and drifting`, {
            at: '20m',
            series: clock(`${skew.start}+${skew.drift}x40`),
            alerts: [{ labels: { ...host1 }, summary: `The clock of ${host} is off`, description: `The clock of ${host} is ${humanizeDuration(skew.start + 20 * skew.drift)} away from its NTP reference, and not coming back.` }],
          }),
          fires(`${humanizeDuration(skew.start)} behind and drifting`, {
            at: '20m',
            series: clock(`-${skew.start}-${skew.drift}x40`),
            alerts: [{ labels: { ...host1 }, summary: `The clock of ${host} is off`, description: `The clock of ${host} is ${humanizeDuration(skew.start + 20 * skew.drift)} away from its NTP reference, and not coming back.` }],
          }),
          silent(`${humanizeDuration(2 * skew.start)} ahead, but NTP brings it back`, { at: '20m', series: clock(`${round(2 * skew.start)}-${round(4 * skew.drift)}x40`) }),
          silent(`${humanizeDuration(skew.inside)} ahead`, { at: '20m', series: clock(`${skew.inside}x40`) }),
          pending('off for less than 10 minutes', { at: '9m', series: clock(`${skew.start}+${skew.drift}x40`) }),
        ],
      }),
      alert({
        name: 'NodeClockNotSynchronising',
        severity: 'warning',
        expr: promql`min_over_time(${n.timexSyncStatus}[5m]) == 0 and ${n.timexMaxError} >= 16`,
        for: '10m',
        scenario: { target: host1, series: (synced, s) => [input(n.timexSyncStatus, { ...s.target }, s.gauge(synced)), input(n.timexMaxError, { ...s.target }, s.gauge(16))] },
        blindSpot: 'The timex series go only with node_exporter itself, which TargetDown reports.',
        summary: 'The clock of {{ $labels.instance }} is not synchronised',
        description: 'NTP has not synchronised the clock of {{ $labels.instance }}: its error is no longer bounded.',
        runbook: {
          meaning: 'The kernel reports the clock unsynchronised and its maximum error at the 16 s cap: nothing corrects its drift any more.',
          causes: ['No NTP daemon running.', 'The NTP servers are unreachable.'],
          checks: ['timedatectl; chronyc sources.'],
          fix: ['Install or start chrony (or systemd-timesyncd) and let it reach its servers.'],
          escalation,
          query: promql`${n.timexSyncStatus}`,
        },
        tests: [
          fires('unsynchronised, error at the cap', {
            at: '20m',
            series: clock('0x40', 0, 16),
            alerts: [{ labels: { ...host1 }, summary: `The clock of ${host} is not synchronised`, description: `NTP has not synchronised the clock of ${host}: its error is no longer bounded.` }],
          }),
          silent('unsynchronised a moment, error still small', { at: '20m', series: clock('0x40', 0, 0.5) }),
          silent('synchronised', { at: '20m', series: clock('0x40', 1, 16) }),
          pending('unsynchronised for less than 10 minutes', { at: '9m', series: clock('0x40', 0, 16) }),
        ],
      }),
    ],
  });

  /** Damaged packets in one direction, as a share of the packets: node-mixin's NodeNetworkReceiveErrs and NodeNetworkTransmitErrs, with a floor. */
  function networkErrors(direction: 'receive' | 'transmit') {
    const [Direction, verb, verbs] = direction === 'receive' ? ['Receive', 'receive', 'receives'] : ['Transmit', 'send', 'sends'];
    const errors = direction === 'receive' ? n.networkReceiveErrs : n.networkTransmitErrs;
    const packets = direction === 'receive' ? n.networkReceivePackets : n.networkTransmitPackets;
    const traffic = (perMinute: number, errorsPerMinute: number) => [input(packets, eth0, `0+${perMinute}x90`), input(errors, eth0, `0+${errorsPerMinute}x90`)];
    const description = (share: string, device: string, instance: string) => `${share} of the packets ${device} on ${instance} ${verbs} have errors.`;
    return alert({
      name: `NodeNetwork${Direction}Errors`,
      severity: 'warning',
      expr: promql`rate(${errors}[5m]) / rate(${packets}[5m]) > ${t.networkErrorRatio} and rate(${packets}[5m]) > 1`,
      for: '30m',
      scenario: {
        target: host1,
        series: (ratio, s) => [input(packets, { ...eth0, ...s.target }, s.counter(100)), input(errors, { ...eth0, ...s.target }, s.counter(100 * ratio))],
        idle: (s) => [input(packets, { ...eth0, ...s.target }, s.counter(0)), input(errors, { ...eth0, ...s.target }, s.counter(0))],
      },
      summary: `{{ $labels.device }} on {{ $labels.instance }} ${verbs} damaged packets`,
      description: description('{{ $value | humanizePercentage }}', '{{ $labels.device }}', '{{ $labels.instance }}'),
      runbook: {
        meaning: `Packets it ${verbs} are damaged and dropped: TCP retransmits them, so connections slow down before they fail. (Quiet below one packet a second: a few errors of an idle link say nothing.)`,
        causes: ['A bad cable, transceiver or switch port (CRC errors).', 'A duplex or MTU mismatch.', 'A driver or virtual NIC problem.'],
        checks: ['Host dashboard: network errors and drops.', '`ethtool -S <device>` for which error counter grows; `ip -s link`.'],
        fix: ['Fix the MTU or duplex mismatch if ethtool shows one.', 'Otherwise have the cable, port or NIC replaced, or migrate the VM to another host.'],
        escalation,
        query: promql`rate(${errors}[5m]) / rate(${packets}[5m])`,
        panel: { dashboard: DASHBOARD, panel: 'Network errors and drops' },
      },
      tests: [
        fires(`${humanizePercentage(2 * t.networkErrorRatio)} of 6,000 packets a minute with errors`, {
          at: '40m',
          series: traffic(6000, errorsOver),
          alerts: [{ labels: { ...eth0 }, summary: `eth0 on ${host} ${verbs} damaged packets`, description: description(humanizePercentage(errorsOver / 6000), 'eth0', host) }],
        }),
        silent(`just under ${humanizePercentage(t.networkErrorRatio)} with errors`, { at: '40m', series: traffic(6000, errorsUnder) }),
        silent(`half of 30 packets a minute it ${verbs} with errors: below the traffic floor`, { at: '40m', series: traffic(30, 15) }),
        silent(`nothing to ${verb}`, { at: '40m', series: traffic(0, 0) }),
        pending('errors for less than 30 minutes', { at: '29m', series: traffic(6000, errorsOver) }),
      ],
    });
  }
}
