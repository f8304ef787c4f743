/**
 * The pack's dashboard: CPU, memory, load, file systems, disks and network of every host the job
 * scrapes; the panels an alert's runbook points at name it.
 */
import { defineDashboard, row, stat, target, timeseries, type Folder } from '../../dsl/dashboards.ts';
import { promql } from '../../promql/query.ts';
import { PANEL_UNITS, rate, rec, sel } from '../../dsl/panels.ts';
import { DASHBOARD, nodeRecordingRules, REAL_FILESYSTEMS as realFilesystems, type NodeTarget } from './alerts.ts';
import node from './domain.ts';

const n = node.metrics;

export function nodeDashboard(hosts: NodeTarget, folder: Folder) {
  const { cpuUtilisation, memoryUtilisation } = nodeRecordingRules(hosts);
  return defineDashboard({
    name: DASHBOARD,
    title: 'Hosts',
    folder,
    description: 'CPU, memory, disks, network and load of every host, from node_exporter.',
    tags: ['node-exporter'],
    scope: n.unameInfo,
    rows: [
      row('Utilisation', [
        stat({ title: 'CPU busy', unit: PANEL_UNITS.ratio, width: 6, alerts: ['NodeCpuHigh'], targets: [target(promql`max(${rec(cpuUtilisation)})`)] }),
        stat({ title: 'Memory in use', unit: PANEL_UNITS.ratio, width: 6, alerts: ['NodeMemoryHigh'], targets: [target(promql`max(${rec(memoryUtilisation)})`)] }),
        stat({ title: 'Load (1m)', unit: PANEL_UNITS.count, width: 6, targets: [target(promql`max(${sel(n.load1)})`)] }),
        stat({
          title: 'Uptime',
          unit: PANEL_UNITS.seconds,
          width: 6,
          targets: [target(promql`min(${sel(n.time)} - on (job, instance) ${sel(n.bootTime)})`)],
        }),
      ]),
      row('CPU and memory', [
        timeseries({ title: 'CPU by mode', unit: PANEL_UNITS.ratio, stacked: true, targets: [target(promql`sum by (mode) (${rate(n.cpuSeconds, 'mode!="idle"')}) / scalar(count(count by (cpu) (${sel(n.cpuSeconds)})))`, '{{mode}}')] }),
        timeseries({
          title: 'Memory',
          unit: PANEL_UNITS.bytes,
          targets: [
            target(promql`sum by (instance) (${sel(n.memTotal)})`, 'total {{instance}}'),
            target(promql`sum by (instance) (${sel(n.memAvailable)})`, 'available {{instance}}'),
            target(promql`sum by (instance) (${sel(n.memFree)} + ${sel(n.buffers)} + ${sel(n.cached)})`, 'free + buffers + cache {{instance}}'),
            target(promql`sum by (instance) (${sel(n.swapTotal)} - ${sel(n.swapFree)})`, 'swap used {{instance}}'),
          ],
        }),
        timeseries({
          title: 'Load average',
          alerts: ['NodeLoadHigh'],
          unit: PANEL_UNITS.count,
          targets: [target(promql`max by (instance) (${sel(n.load1)})`, '1m {{instance}}'), target(promql`max by (instance) (${sel(n.load5)})`, '5m {{instance}}'), target(promql`max by (instance) (${sel(n.load15)})`, '15m {{instance}}')],
        }),
      ]),
      row('Disks', [
        timeseries({
          title: 'File system space used',
          unit: PANEL_UNITS.ratio,
          min: 0,
          max: 1,
          alerts: ['NodeDiskFillingUp', 'NodeDiskWillFillSoon', 'NodeDiskSpaceLow'],
          targets: [target(promql`1 - ${sel(n.filesystemAvail, realFilesystems)} / ${sel(n.filesystemSize, realFilesystems)}`, '{{instance}} {{mountpoint}}')],
        }),
        timeseries({
          title: 'Free bytes and inodes',
          alerts: ['NodeInodesWillRunOut'],
          unit: PANEL_UNITS.bytes,
          targets: [
            target(promql`${sel(n.filesystemFree, realFilesystems)}`, 'bytes free {{mountpoint}}'),
            target(promql`${sel(n.filesystemFilesFree, realFilesystems)} / ${sel(n.filesystemFiles, realFilesystems)}`, 'inodes free ratio {{mountpoint}}'),
          ],
        }),
        timeseries({
          title: 'Read-only or failing file systems',
          alerts: ['NodeFilesystemReadOnly'],
          unit: PANEL_UNITS.count,
          targets: [target(promql`sum by (instance) (${sel(n.filesystemReadonly, realFilesystems)}) + sum by (instance) (${sel(n.filesystemDeviceError, realFilesystems)})`, '{{instance}}')],
        }),
        timeseries({
          title: 'Disk I/O',
          unit: PANEL_UNITS.bytesPerSecond,
          targets: [
            target(promql`sum by (device) (${rate(n.diskReadBytes)})`, 'read {{device}}'),
            target(promql`sum by (device) (${rate(n.diskWrittenBytes)})`, 'written {{device}}'),
          ],
        }),
        timeseries({ title: 'Disk busy', unit: PANEL_UNITS.ratio, targets: [target(promql`sum by (device) (${rate(n.diskIoTime)})`, '{{device}}')] }),
      ]),
      row('Network', [
        timeseries({
          title: 'Network traffic',
          unit: PANEL_UNITS.bytesPerSecond,
          targets: [
            target(promql`sum by (device) (${rate(n.networkReceiveBytes, 'device!="lo"')})`, 'in {{device}}'),
            target(promql`sum by (device) (${rate(n.networkTransmitBytes, 'device!="lo"')})`, 'out {{device}}'),
          ],
        }),
        timeseries({
          title: 'Network errors and drops',
          alerts: ['NodeNetworkReceiveErrors', 'NodeNetworkTransmitErrors'],
          unit: PANEL_UNITS.perSecond,
          targets: [
            target(promql`sum by (device) (${rate(n.networkReceiveErrs)} + ${rate(n.networkTransmitErrs)})`, 'errors {{device}}'),
            target(promql`sum by (device) (${rate(n.networkReceiveDrop)} + ${rate(n.networkTransmitDrop)})`, 'drops {{device}}'),
          ],
        }),
      ]),
    ],
  });
}
