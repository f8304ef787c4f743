/**
 * The node_exporter pack: host monitoring (CPU, memory, load, file systems and inodes, disks,
 * network, clock) for node_exporter 1.9 on Linux, in one line of a project's config:
 * `packs: [node({ job: 'node-exporter' })]`. A project's own alerts or panels over host metrics
 * import the domain: `import { domain as node } from 'sextant/packs/node'`.
 */
import { definePack, packScrapeJob, packSettings, type PackDef, type PackOptions, type ThresholdValues } from '../../dsl/packs.ts';
import { nodeRules } from './alerts.ts';
import { nodeDashboard } from './dashboard.ts';
import domain, { NODE_EXPORTER_VERSION } from './domain.ts';

export { domain };
export { nodeRecordingRules, type NodeTarget } from './alerts.ts';

/** The job name when the project names none: the `job` label of every series the pack reads. */
export const DEFAULT_JOB = 'node';
/** node_exporter's port (its entry in Prometheus's default port allocations). */
export const DEFAULT_PORT = 9100;

export const DEFAULT_THRESHOLDS = {
  /** Share of CPU time not idle, per host, for 10 minutes: past 80 % everything on the host queues. */
  cpuRatio: 0.8,
  /** Share of memory not available (1 - MemAvailable/MemTotal) for 10 minutes: past 85 % the kernel reclaims caches, then swaps or kills. */
  memoryRatio: 0.85,
  /** 5-minute load average per CPU for 15 minutes: twice the work the CPUs can run (or threads stuck on I/O). */
  loadPerCpu: 2,
  /** Free space below which a file system that fills within a day opens a ticket (NodeDiskFillingUp). */
  diskFreeRatio: 0.15,
  /** Hours until a file system (space or inodes) fills at its current rate, for the pages NodeDiskWillFillSoon and NodeInodesWillRunOut: time to act at night. */
  diskFillHours: 4,
  /** Free space below which a file system that fills within diskFillHours pages (NodeDiskWillFillSoon). */
  diskFreeRatioPage: 0.1,
  /** Free space left on a file system whatever its trend (NodeDiskSpaceLow): 5 % is the ext4 root reserve. */
  diskFreeRatioLow: 0.05,
  /** Free inodes below which a file system that runs out within diskFillHours pages (NodeInodesWillRunOut). */
  inodesFreeRatio: 0.1,
  /** Share of packets received or sent with errors, for 30 minutes: a healthy link has none, 1 % slows TCP visibly. */
  networkErrorRatio: 0.01,
  /** Clock offset from the NTP reference, for 10 minutes and not shrinking: 50 ms upsets ordering across hosts and short-lived tokens. */
  clockOffsetSeconds: 0.05,
} as const;

/** The thresholds its rules read: the names of DEFAULT_THRESHOLDS, any number. */
export type NodeThresholds = ThresholdValues<typeof DEFAULT_THRESHOLDS>;

export default function node(options: PackOptions<NodeThresholds> = {}): PackDef {
  const settings = packSettings({ job: DEFAULT_JOB, thresholds: DEFAULT_THRESHOLDS }, options);
  const hosts = { job: settings.job, instance: `host-1:${DEFAULT_PORT}` };
  return definePack(
    {
      name: 'node',
      configure: node,
      program: 'node_exporter',
      versions: `${NODE_EXPORTER_VERSION.replace(/\.\d+$/, '.x')} (trixie; the image prom/node-exporter:v${NODE_EXPORTER_VERSION})`,
      domains: [domain],
      rules: [nodeRules(settings.thresholds, hosts, settings.escalation)],
      dashboards: [nodeDashboard(hosts, settings.folder)],
      scrape: [
        packScrapeJob(
          {
            name: settings.job,
            // node_exporter's own guidance runs it in the host's network: from a compose Prometheus it is the Docker host.
            targets: { compose: [`host.docker.internal:${DEFAULT_PORT}`], hosts: [`127.0.0.1:${DEFAULT_PORT}`] },
            // As the prometheus-community/prometheus-node-exporter chart (4.45.1, app 1.9.0) runs it:
            // templates/_helpers.tpl labels (selectorLabels included) on the DaemonSet's pods,
            // templates/daemonset.yaml's port service.portName (metrics) on service.port (9100).
            kubernetes: { podLabels: { 'app.kubernetes.io/name': 'prometheus-node-exporter' }, port: DEFAULT_PORT, portName: 'metrics' },
            exposes: [domain],
            sampleLimit: { samples: 10_000, reason: 'the domain describes the node_exporter metrics the alerts and dashboard read; node_exporter exposes about 1,000 series on a small host, and this leaves room for many disks and NICs' },
          },
          options,
        ),
      ],
    },
    options,
    DEFAULT_THRESHOLDS,
  );
}
