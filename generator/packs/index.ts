/**
 * The packs the package ships, by name, for what lists or offers them (`sextant init --packs`).
 * One line per pack, sorted by name: its import path is `sextant/packs/<name>`, and its default
 * export, named `camelName(name)`, takes the pack's options.
 */
export interface PackEntry {
  /** snake_case, the folder under generator/packs/ and the pack's `name`. */
  readonly name: string;
  /** What the pack monitors, one line. */
  readonly summary: string;
}

export const PACKS: readonly PackEntry[] = [
  { name: 'alertmanager', summary: 'Alertmanager 0.28 watching itself: the Watchdog, config reloads, failed notifications' },
  { name: 'kafka', summary: 'a Kafka cluster through kafka_exporter 1.x: brokers, consumer group lag' },
  { name: 'kubernetes', summary: "pods and deployments through kube-state-metrics 2.13 and the kubelet's cAdvisor: crash loops, readiness, replicas, rollouts, memory limits" },
  { name: 'mongodb', summary: "MongoDB through percona's mongodb_exporter 0.20+: up, connections, operations" },
  { name: 'mysql', summary: 'MySQL and MariaDB through mysqld_exporter 0.15–0.17: up, connections, slow queries' },
  { name: 'node', summary: 'hosts through node_exporter 1.9: CPU, memory, load, file systems, disks, network, clock' },
  { name: 'postgres', summary: 'PostgreSQL through postgres_exporter 0.17: connections, deadlocks, cache hits, long transactions, replication' },
  { name: 'prometheus', summary: 'Prometheus 2.53 watching itself: rule evaluation, notifications to Alertmanager, TSDB, scrapes' },
  { name: 'redis', summary: 'Redis through redis_exporter 1.69: clients, memory, evictions, replication, persistence' },
];

/** The identifier a project imports a pack's function as: `node`, `postgres`, `kube_state` → `kubeState`. */
export function camelName(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
}
