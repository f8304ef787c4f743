/**
 * node_exporter's metrics that the pack's alerts and dashboard read, as node_exporter 1.9 exposes
 * them on Linux (names, types, help and labels from its collectors at v1.9.0: cpu, meminfo,
 * filesystem, netdev, diskstats, loadavg, stat, time, timex, uname), compared with a live
 * node_exporter in test/packs/node.test.ts.
 */
import { bounded } from '../../dsl/labels.ts';
import { counter, gauge } from '../../dsl/metrics.ts';
import { defineDomain, upstream } from '../../dsl/domain.ts';

/** The node_exporter release the domain describes; held to the package's tool pins (tools/versions.json) by test/packs/node.test.ts. */
export const NODE_EXPORTER_VERSION = '1.9.0';

const cpu = bounded(128, 'one per logical CPU');
const netDevice = bounded(32, 'one per network interface');
const diskDevice = bounded(32, 'one per block device');
const filesystem = {
  device: bounded(32, 'one per mounted device'),
  fstype: bounded(16, 'file system types in use on a host'),
  mountpoint: bounded(32, 'one per mount point'),
  // Since 1.6: empty, or why statfs failed for the file system.
  device_error: bounded(4, 'empty unless statistics for the file system failed'),
};
const oneFilesystemEach = bounded(32, 'device, fstype, mountpoint and device_error move together: one label set per mounted file system');
const hostValue = bounded(1, 'one value per host');

const memory = (field: string, help: string) =>
  gauge({ name: `node_memory_${field}_bytes`, help: `Memory information field ${field}_bytes. ${help}`, unit: 'bytes' });
const filesystemGauge = (name: string, help: string, unit?: 'bytes') =>
  gauge({ name, help, labels: filesystem, labelSets: oneFilesystemEach, ...(unit ? { unit } : {}) });

export default defineDomain({
  name: 'node_exporter',
  title: 'Hosts (node_exporter)',
  description:
    'Host metrics from node_exporter used by the infrastructure alerts and dashboards: CPU, memory, ' +
    'file systems, network, disks and load.',
  owner: upstream('node_exporter', NODE_EXPORTER_VERSION, `https://github.com/prometheus/node_exporter/tree/v${NODE_EXPORTER_VERSION}/collector, and a live node_exporter ${NODE_EXPORTER_VERSION} (Debian trixie's) compared in the pack's tests`, {
    uncataloguedPrefixes: ['node_', 'go_', 'process_', 'promhttp_'],
  }),
  metrics: {
    cpuSeconds: counter({
      name: 'node_cpu_seconds_total',
      help: 'Seconds the CPUs spent in each mode.',
      unit: 'seconds',
      labels: { cpu, mode: ['idle', 'iowait', 'irq', 'nice', 'softirq', 'steal', 'system', 'user'] },
    }),
    memTotal: memory('MemTotal', 'Physical memory.'),
    memAvailable: memory('MemAvailable', 'Memory available for new work without swapping.'),
    memFree: memory('MemFree', 'Memory not used at all.'),
    buffers: memory('Buffers', 'Block device buffers.'),
    cached: memory('Cached', 'Page cache.'),
    swapTotal: memory('SwapTotal', 'Swap space.'),
    swapFree: memory('SwapFree', 'Unused swap space.'),
    filesystemAvail: filesystemGauge('node_filesystem_avail_bytes', 'Filesystem space available to non-root users in bytes.', 'bytes'),
    filesystemFree: filesystemGauge('node_filesystem_free_bytes', 'Filesystem free space in bytes.', 'bytes'),
    filesystemSize: filesystemGauge('node_filesystem_size_bytes', 'Filesystem size in bytes.', 'bytes'),
    filesystemFiles: filesystemGauge('node_filesystem_files', 'Filesystem total file nodes.'),
    filesystemFilesFree: filesystemGauge('node_filesystem_files_free', 'Filesystem total free file nodes.'),
    filesystemReadonly: filesystemGauge('node_filesystem_readonly', 'Filesystem read-only status.'),
    filesystemDeviceError: filesystemGauge('node_filesystem_device_error', 'Whether an error occurred while getting statistics for the given device.'),
    networkReceiveBytes: counter({ name: 'node_network_receive_bytes_total', help: 'Network device statistic receive_bytes.', unit: 'bytes', labels: { device: netDevice } }),
    networkTransmitBytes: counter({ name: 'node_network_transmit_bytes_total', help: 'Network device statistic transmit_bytes.', unit: 'bytes', labels: { device: netDevice } }),
    networkReceivePackets: counter({ name: 'node_network_receive_packets_total', help: 'Network device statistic receive_packets.', labels: { device: netDevice } }),
    networkTransmitPackets: counter({ name: 'node_network_transmit_packets_total', help: 'Network device statistic transmit_packets.', labels: { device: netDevice } }),
    networkReceiveErrs: counter({ name: 'node_network_receive_errs_total', help: 'Network device statistic receive_errs.', labels: { device: netDevice } }),
    networkTransmitErrs: counter({ name: 'node_network_transmit_errs_total', help: 'Network device statistic transmit_errs.', labels: { device: netDevice } }),
    networkReceiveDrop: counter({ name: 'node_network_receive_drop_total', help: 'Network device statistic receive_drop.', labels: { device: netDevice } }),
    networkTransmitDrop: counter({ name: 'node_network_transmit_drop_total', help: 'Network device statistic transmit_drop.', labels: { device: netDevice } }),
    diskReadBytes: counter({ name: 'node_disk_read_bytes_total', help: 'The total number of bytes read successfully.', unit: 'bytes', labels: { device: diskDevice } }),
    diskWrittenBytes: counter({ name: 'node_disk_written_bytes_total', help: 'The total number of bytes written successfully.', unit: 'bytes', labels: { device: diskDevice } }),
    diskIoTime: counter({ name: 'node_disk_io_time_seconds_total', help: 'Total seconds spent doing I/Os.', unit: 'seconds', labels: { device: diskDevice } }),
    load1: gauge({ name: 'node_load1', help: '1m load average.' }),
    load5: gauge({ name: 'node_load5', help: '5m load average.' }),
    load15: gauge({ name: 'node_load15', help: '15m load average.' }),
    bootTime: gauge({ name: 'node_boot_time_seconds', help: 'Node boot time, in unixtime.', unit: 'seconds' }),
    time: gauge({ name: 'node_time_seconds', help: 'System time in seconds since epoch (1970).', unit: 'seconds' }),
    // The timex collector (adjtimex(2)): what NTP or chrony made of the clock.
    timexOffset: gauge({ name: 'node_timex_offset_seconds', help: 'Time offset in between local system and reference clock.', unit: 'seconds' }),
    timexSyncStatus: gauge({ name: 'node_timex_sync_status', help: 'Is clock synchronized to a reliable server (1 = yes, 0 = no).' }),
    timexMaxError: gauge({ name: 'node_timex_maxerror_seconds', help: 'Maximum error in seconds.', unit: 'seconds' }),
    unameInfo: gauge({
      name: 'node_uname_info',
      help: 'Labeled system information as provided by the uname system call.',
      labels: { domainname: hostValue, machine: hostValue, nodename: hostValue, release: hostValue, sysname: hostValue, version: hostValue },
    }),
  },
});
