import { bounded, counter, defineDomain, gauge, upstream } from '../../index.ts';

const flag = { min: 0, max: 1, why: 'the exporter writes 1 (ok, up) or 0' };
const info = (name: string, help: string) => gauge({ name: `redis_${name}`, help });

export default defineDomain({
  name: 'redis_exporter',
  title: 'Redis (redis_exporter)',
  description:
    "The Redis metrics the pack's alerts and dashboard use, from INFO, SLOWLOG and CONFIG through redis_exporter: the exporter's connection, " +
    'clients against maxclients, memory against maxmemory, evictions, keyspace hits and misses, commands, replication and persistence. ' +
    'The exporter names each INFO field redis_<field> and gives most of them the help text "<field> metric".',
  owner: upstream(
    'redis_exporter',
    '1.69.0',
    'oliver006/redis_exporter v1.69.0: exporter/exporter.go (metricMapGauges, metricMapCounters, the metric descriptions), exporter/info.go (master_link_up), exporter/slowlog.go',
    { uncataloguedPrefixes: ['redis_', 'go_', 'process_', 'promhttp_'] },
  ),
  metrics: {
    up: gauge({ name: 'redis_up', help: 'Information about the Redis instance', range: flag }),
    uptime: gauge({ name: 'redis_uptime_in_seconds', help: 'uptime_in_seconds metric' }),
    connectedClients: info('connected_clients', 'connected_clients metric'),
    maxClients: info('max_clients', 'max_clients metric'),
    blockedClients: info('blocked_clients', 'blocked_clients metric'),
    memoryUsed: gauge({ name: 'redis_memory_used_bytes', help: 'memory_used_bytes metric', unit: 'bytes' }),
    memoryMax: gauge({ name: 'redis_memory_max_bytes', help: 'memory_max_bytes metric', unit: 'bytes' }),
    memoryRss: gauge({ name: 'redis_memory_used_rss_bytes', help: 'memory_used_rss_bytes metric', unit: 'bytes' }),
    connectionsReceived: counter({ name: 'redis_connections_received_total', help: 'connections_received_total metric' }),
    rejectedConnections: counter({ name: 'redis_rejected_connections_total', help: 'rejected_connections_total metric' }),
    commandsProcessed: counter({ name: 'redis_commands_processed_total', help: 'commands_processed_total metric' }),
    keyspaceHits: counter({ name: 'redis_keyspace_hits_total', help: 'keyspace_hits_total metric' }),
    keyspaceMisses: counter({ name: 'redis_keyspace_misses_total', help: 'keyspace_misses_total metric' }),
    evictedKeys: counter({ name: 'redis_evicted_keys_total', help: 'evicted_keys_total metric' }),
    expiredKeys: counter({ name: 'redis_expired_keys_total', help: 'expired_keys_total metric' }),
    keys: gauge({ name: 'redis_db_keys', help: 'Total number of keys by DB', labels: { db: bounded(16, 'db0 to db15, the databases of a default Redis') } }),
    connectedReplicas: info('connected_slaves', 'connected_slaves metric'),
    masterLinkUp: gauge({
      name: 'redis_master_link_up',
      help: 'Master link status on Redis slave',
      labels: { master_host: bounded(1, 'the master this replica follows', { address: 'one master per replica' }), master_port: bounded(1, 'the port of the master this replica follows') },
      range: flag,
    }),
    slowlogLength: gauge({ name: 'redis_slowlog_length', help: 'Total slowlog' }),
    rdbLastBgsaveStatus: gauge({ name: 'redis_rdb_last_bgsave_status', help: 'rdb_last_bgsave_status metric', range: flag }),
    rdbChangesSinceLastSave: info('rdb_changes_since_last_save', 'rdb_changes_since_last_save metric'),
    aofLastWriteStatus: gauge({ name: 'redis_aof_last_write_status', help: 'aof_last_write_status metric', range: flag }),
  },
});
