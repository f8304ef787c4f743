/** The Redis dashboard: clients, memory, the keyspace, commands, replication and persistence. */
import { defineDashboard, promql, row, stat, target, timeseries, type DashboardDef, type Folder } from '../../index.ts';
import type { RedisRecording } from './alerts.ts';
import redis from './domain.ts';
import { rate, sel } from '../../dsl/panels.ts';

const r = redis.metrics;

export default function redisDashboard(folder: Folder, recording: RedisRecording): DashboardDef {
  return defineDashboard({
    name: 'redis',
    title: 'Redis',
    folder,
    description: 'Redis servers through redis_exporter: clients, memory, keyspace, commands, replication and persistence.',
    tags: ['redis'],
    scope: r.up,
    rows: [
      row('Server', [
        stat({ title: 'Redis up', unit: 'short', width: 4, alerts: ['RedisDown'], targets: [target(promql`sum(${sel(r.up)})`)] }),
        stat({ title: 'Uptime', unit: 's', width: 4, targets: [target(promql`min(${sel(r.uptime)})`)] }),
        timeseries({
          title: 'Clients',
          unit: 'short',
          width: 8,
          alerts: ['RedisClientsNearLimit'],
          targets: [
            target(promql`sum by (instance) (${sel(r.connectedClients)})`, 'connected {{instance}}'),
            target(promql`sum by (instance) (${sel(r.blockedClients)})`, 'blocked {{instance}}'),
            target(promql`max by (instance) (${sel(r.maxClients)})`, 'maxclients {{instance}}'),
          ],
        }),
        timeseries({
          title: 'Connections received and rejected',
          unit: 'ops',
          width: 8,
          alerts: ['RedisRejectingConnections'],
          targets: [target(promql`sum by (instance) (${rate(r.connectionsReceived)})`, 'received {{instance}}'), target(promql`sum by (instance) (${rate(r.rejectedConnections)})`, 'rejected {{instance}}')],
        }),
      ]),
      row('Memory and keys', [
        timeseries({
          title: 'Memory',
          description: 'Memory Redis allocated and its resident size, against maxmemory (0: no limit).',
          unit: 'bytes',
          width: 6,
          alerts: ['RedisMemoryNearLimit'],
          targets: [
            target(promql`sum by (instance) (${sel(r.memoryUsed)})`, 'used {{instance}}'),
            target(promql`sum by (instance) (${sel(r.memoryRss)})`, 'resident {{instance}}'),
            target(promql`max by (instance) (${sel(r.memoryMax)})`, 'maxmemory {{instance}}'),
          ],
        }),
        timeseries({
          title: 'Memory fragmentation',
          description: 'Resident memory over the memory Redis allocated: well above 1, the allocator holds memory Redis freed (activedefrag can return it).',
          unit: 'short',
          width: 6,
          targets: [target(promql`${sel(recording.memoryFragmentation)}`, '{{instance}}')],
        }),
        timeseries({
          title: 'Evicted and expired keys',
          unit: 'ops',
          width: 6,
          alerts: ['RedisEvictingKeys'],
          targets: [target(promql`sum by (instance) (${rate(r.evictedKeys)})`, 'evicted {{instance}}'), target(promql`sum by (instance) (${rate(r.expiredKeys)})`, 'expired {{instance}}')],
        }),
        timeseries({ title: 'Keys', unit: 'short', width: 6, targets: [target(promql`sum by (instance) (${sel(r.keys)})`, '{{instance}}')] }),
      ]),
      row('Commands', [
        timeseries({ title: 'Commands processed', unit: 'ops', width: 8, targets: [target(promql`sum by (instance) (${rate(r.commandsProcessed)})`, '{{instance}}')] }),
        timeseries({
          title: 'Keyspace hit ratio',
          description: 'Lookups of keys that existed over all lookups; no ratio while nothing is read.',
          unit: 'percentunit',
          width: 8,
          min: 0,
          max: 1,
          targets: [target(promql`${sel(recording.keyspaceHitRatio)}`, '{{instance}}')],
        }),
        timeseries({ title: 'Slow log', description: 'Entries in the slow log (commands slower than slowlog-log-slower-than).', unit: 'short', width: 8, targets: [target(promql`max by (instance) (${sel(r.slowlogLength)})`, '{{instance}}')] }),
      ]),
      row('Replication and persistence', [
        timeseries({ title: 'Replicas', description: 'Replicas connected to each master.', unit: 'short', width: 6, targets: [target(promql`sum by (instance) (${sel(r.connectedReplicas)})`, '{{instance}}')] }),
        timeseries({
          title: 'Link to master',
          description: "Whether each replica's link to its master is up (1) or down (0); a master or a lone Redis has none.",
          unit: 'short',
          width: 6,
          alerts: ['RedisReplicationBroken'],
          targets: [target(promql`min by (instance, master_host, master_port) (${sel(r.masterLinkUp)})`, '{{instance}} to {{master_host}}:{{master_port}}')],
        }),
        timeseries({
          title: 'Persistence',
          description: 'Whether the last RDB snapshot and the last AOF write succeeded (1) or failed (0), and the writes not yet in a snapshot.',
          unit: 'short',
          width: 12,
          alerts: ['RedisRdbSaveFailing', 'RedisAofWriteFailing'],
          targets: [
            target(promql`min by (instance) (${sel(r.rdbLastBgsaveStatus)})`, 'last snapshot ok {{instance}}'),
            target(promql`min by (instance) (${sel(r.aofLastWriteStatus)})`, 'last AOF write ok {{instance}}'),
            target(promql`sum by (instance) (${sel(r.rdbChangesSinceLastSave)})`, 'changes since snapshot {{instance}}'),
          ],
        }),
      ]),
    ],
  });
}
