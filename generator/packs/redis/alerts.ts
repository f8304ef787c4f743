/**
 * The Redis alerts: what the redis-mixin alerts on (Redis down, too many clients, out of memory)
 * against Redis's own limits (maxclients, maxmemory) rather than fixed counts, and what INFO also
 * shows (evictions, rejected connections, a broken replication link, failing persistence). A
 * cache or store is a cause, not a symptom: these open tickets (warning).
 */
import { alert, defineRules, evaluates, fires, input, pending, promql, recordingRule, silent, type RecordingRuleDef, type RulesDef } from '../../index.ts';
import type { PackSettings } from '../../dsl/packs.ts';
import redis from './domain.ts';
import type { RedisThresholds as Thresholds } from './index.ts';

const r = redis.metrics;

export const DEFAULT_JOB = 'redis';
const PANEL = (panel: string) => ({ dashboard: 'redis', panel });
const testTarget = (job: string) => ({ job, instance: 'redis-exporter:9121' }) as const;

/** The pack's recording rules: what its dashboard shows, computed once. */
export interface RedisRecording {
  /** Lookups of keys that existed over all lookups. */
  readonly keyspaceHitRatio: RecordingRuleDef;
  /** Resident memory over the memory Redis allocated: the redis-mixin's one recording rule. */
  readonly memoryFragmentation: RecordingRuleDef;
}

export function redisRecording({ job }: PackSettings<Thresholds>): RedisRecording {
  const REDIS = testTarget(job);
  return {
    keyspaceHitRatio: recordingRule({
      record: 'job_instance:redis_keyspace_hits:ratio_rate5m',
      expr: promql`rate(${r.keyspaceHits}[5m]) / (rate(${r.keyspaceHits}[5m]) + rate(${r.keyspaceMisses}[5m]))`,
      tests: [
        evaluates('is the share of lookups that found their key', {
          at: '10m',
          series: [input(r.keyspaceHits, { ...REDIS }, '0+750x20'), input(r.keyspaceMisses, { ...REDIS }, '0+250x20')],
          samples: [{ labels: { ...REDIS }, value: 0.75 }],
        }),
      ],
    }),
    memoryFragmentation: recordingRule({
      record: 'job_instance:redis_memory_fragmentation:ratio',
      expr: promql`${r.memoryRss} / ${r.memoryUsed}`,
      tests: [
        evaluates('is resident over allocated memory', {
          at: '5m',
          series: [input(r.memoryRss, { ...REDIS }, '150x10'), input(r.memoryUsed, { ...REDIS }, '100x10')],
          samples: [{ labels: { ...REDIS }, value: 1.5 }],
        }),
      ],
    }),
  };
}

export default function redisRules({ job, thresholds: t, escalation }: PackSettings<Thresholds>, recording: RedisRecording): RulesDef {
  const REDIS = testTarget(job);
  const up = (values: string) => input(r.up, { ...REDIS }, values);
  const clients = (connected: number) => [input(r.connectedClients, { ...REDIS }, `${connected}x30`), input(r.maxClients, { ...REDIS }, '10000x30')];
  const memory = (usedMiB: number, maxMiB: number) => [input(r.memoryUsed, { ...REDIS }, `${usedMiB * 1_048_576}x30`), input(r.memoryMax, { ...REDIS }, `${maxMiB * 1_048_576}x30`)];
  const link = (values: string) => input(r.masterLinkUp, { ...REDIS, master_host: 'redis-primary', master_port: '6379' }, values);
  const bgsave = (values: string) => input(r.rdbLastBgsaveStatus, { ...REDIS }, values);
  const aofWrite = (values: string) => input(r.aofLastWriteStatus, { ...REDIS }, values);

  return defineRules({
    name: 'redis',
    title: 'Redis (redis_exporter)',
    recording: [recording.keyspaceHitRatio, recording.memoryFragmentation],
    alerts: [
      alert({
        name: 'RedisDown',
        severity: 'warning',
        // The exporter keeps answering while Redis is down: redis_up, not up, says so. max_over_time: one failed probe is not an outage.
        expr: promql`max_over_time(${r.up}[1m]) == 0`,
        for: '5m',
        scenario: { target: REDIS, series: (value, s) => [input(r.up, { ...s.target }, s.gauge(value))] },
        summary: 'Redis behind {{ $labels.instance }} is down',
        description: 'redis_exporter {{ $labels.instance }} has not reached Redis for 5 minutes.',
        blindSpot: "When the exporter itself is gone, redis_up goes with it: an alert on up == 0 for the job (the prometheus pack's, or the project's own) covers that case.",
        runbook: {
          meaning: 'The exporter cannot reach Redis: the server is down or refuses connections, and every client of it fails or falls back.',
          causes: ['redis-server crashed or was stopped (OOM-killed, a failed restart).', 'maxclients reached: the exporter cannot connect either.', "The exporter's password or ACL user changed."],
          checks: ['Redis dashboard: Redis up, clients.', "systemctl status redis-server or the pod's state; the Redis log.", "redis-cli -h <host> -p <port> PING from the exporter's host."],
          fix: ['Start Redis again; if it does not start, read its log (a corrupt RDB or AOF file, a port taken, not enough memory).', 'If clients are exhausted, see RedisClientsNearLimit.'],
          escalation,
          query: promql`${r.up}`,
          panel: PANEL('Redis up'),
        },
        tests: [
          fires('Redis down for 10 minutes', {
            at: '10m',
            series: [up('1 0x30')],
            alerts: [{ labels: { ...REDIS }, summary: `Redis behind ${REDIS.instance} is down`, description: `redis_exporter ${REDIS.instance} has not reached Redis for 5 minutes.` }],
          }),
          silent('up', { at: '10m', series: [up('1x30')] }),
          silent('one failed probe', { at: '10m', series: [up('1x5 0 1x30')] }),
          pending('down for less than 5 minutes', { at: '6m', series: [up('1 0x30')] }),
        ],
      }),
      alert({
        name: 'RedisClientsNearLimit',
        severity: 'warning',
        expr: promql`${r.connectedClients} / ${r.maxClients} > ${t.clientsRatio}`,
        for: '5m',
        scenario: { target: REDIS, series: (used, s) => [input(r.connectedClients, { ...s.target }, s.gauge(used * 10_000)), input(r.maxClients, { ...s.target }, s.gauge(10_000))] },
        summary: 'Redis {{ $labels.instance }} is near maxclients',
        description: 'Redis {{ $labels.instance }} has {{ $value | humanizePercentage }} of maxclients connected.',
        runbook: {
          meaning: 'Redis is about to refuse new connections ("max number of clients reached"): clients that open one will fail.',
          causes: ['Client pools sized above maxclients in total.', 'Connections leaked by a client (opened per request, never closed).', 'maxclients lowered by the file descriptor limit of the process.'],
          checks: ['Redis dashboard: clients against maxclients.', 'redis-cli CLIENT LIST: which addresses and names hold the connections, and their idle times.'],
          fix: ['Restart the client that leaks connections; set timeout so Redis closes idle ones.', 'Raise maxclients (CONFIG SET maxclients, and ulimit -n of redis-server) if the load needs them.'],
          escalation,
          query: promql`${r.connectedClients} / ${r.maxClients}`,
          panel: PANEL('Clients'),
        },
        tests: [
          fires('9,000 of 10,000 clients', {
            at: '10m',
            series: clients(9000),
            alerts: [{ labels: { ...REDIS }, summary: `Redis ${REDIS.instance} is near maxclients`, description: `Redis ${REDIS.instance} has 90% of maxclients connected.` }],
          }),
          silent('50 of 10,000 clients', { at: '10m', series: clients(50) }),
          pending('near the limit for less than 5 minutes', { at: '4m', series: clients(9000) }),
        ],
      }),
      alert({
        name: 'RedisMemoryNearLimit',
        severity: 'warning',
        // maxmemory 0 is no limit: the ratio would be +Inf, and Redis grows until the OS stops it.
        expr: promql`${r.memoryUsed} / ${r.memoryMax} > ${t.memoryRatio} and ${r.memoryMax} > 0`,
        for: '5m',
        scenario: { target: REDIS, series: (used, s) => [input(r.memoryUsed, { ...s.target }, s.gauge(used * 1_073_741_824)), input(r.memoryMax, { ...s.target }, s.gauge(1_073_741_824))] },
        summary: 'Redis {{ $labels.instance }} is near maxmemory',
        description: 'Redis {{ $labels.instance }} uses {{ $value | humanizePercentage }} of its maxmemory.',
        blindSpot: 'A Redis without maxmemory (0, the default) has no limit to be near: it grows until the host or container runs out of memory, which the host and container alerts see.',
        runbook: {
          meaning: 'Redis is about to reach maxmemory: then it evicts keys (an LRU or LFU policy) or refuses writes with OOM errors (noeviction, the default).',
          causes: ['More keys, or larger values, than the instance was sized for.', 'Keys written without a TTL that were meant to expire.', 'A large client output buffer (a slow replica or subscriber).'],
          checks: ['Redis dashboard: memory against maxmemory, keys, evictions.', 'redis-cli INFO memory and MEMORY STATS; redis-cli --bigkeys.'],
          fix: ['Delete or expire what should not be kept; give the keys that lack one a TTL.', 'Raise maxmemory (and the memory of the host or container), or shard the data.'],
          escalation,
          query: promql`${r.memoryUsed} / ${r.memoryMax}`,
          panel: PANEL('Memory'),
        },
        tests: [
          fires('950 MiB of 1 GiB', {
            at: '10m',
            series: memory(972.8, 1024),
            alerts: [{ labels: { ...REDIS }, summary: `Redis ${REDIS.instance} is near maxmemory`, description: `Redis ${REDIS.instance} uses 95% of its maxmemory.` }],
          }),
          silent('512 MiB of 1 GiB', { at: '10m', series: memory(512, 1024) }),
          silent('no maxmemory set', { at: '10m', series: memory(512, 0) }),
          pending('near the limit for less than 5 minutes', { at: '4m', series: memory(972.8, 1024) }),
        ],
      }),
      alert({
        name: 'RedisEvictingKeys',
        severity: 'warning',
        expr: promql`increase(${r.evictedKeys}[5m]) > ${t.evictedKeysPer5m}`,
        for: '0m',
        scenario: { target: REDIS, series: (keys, s) => [input(r.evictedKeys, { ...s.target }, s.counter(keys / 300))] },
        summary: 'Redis {{ $labels.instance }} evicts keys',
        description: `Redis {{ $labels.instance }} evicted {{ $value | humanize }} keys in the last 5 minutes to stay under maxmemory.`,
        runbook: {
          meaning: 'Redis is full and drops keys to make room: reads of them miss, and whatever was stored only there (sessions, locks, queues) is lost.',
          causes: ['The data outgrew maxmemory (see RedisMemoryNearLimit).', 'A burst of writes of keys without a TTL.'],
          checks: ['Redis dashboard: memory, evictions, keyspace hit ratio.', 'redis-cli CONFIG GET maxmemory-policy: evicting is by design only for a pure cache (allkeys-lru, allkeys-lfu).'],
          fix: ['Give Redis more memory (maxmemory), or store less: shorter TTLs, smaller values.', 'For a pure cache that evicts by design, raise the evictedKeysPer5m threshold of the redis pack.'],
          escalation,
          query: promql`increase(${r.evictedKeys}[5m])`,
          panel: PANEL('Evicted and expired keys'),
        },
        tests: [
          fires('ten keys evicted a minute', {
            at: '10m',
            series: [input(r.evictedKeys, { ...REDIS }, '0+10x30')],
            alerts: [{ labels: { ...REDIS }, summary: `Redis ${REDIS.instance} evicts keys`, description: `Redis ${REDIS.instance} evicted 50 keys in the last 5 minutes to stay under maxmemory.` }],
          }),
          silent('no eviction for 10 minutes', { at: '20m', series: [input(r.evictedKeys, { ...REDIS }, '0+10x5 50x30')] }),
        ],
      }),
      alert({
        name: 'RedisRejectingConnections',
        severity: 'warning',
        expr: promql`increase(${r.rejectedConnections}[5m]) > 0`,
        for: '0m',
        scenario: { target: REDIS, series: (connections, s) => [input(r.rejectedConnections, { ...s.target }, s.counter(connections / 300))] },
        summary: 'Redis {{ $labels.instance }} rejects connections',
        description: 'Redis {{ $labels.instance }} rejected {{ $value | humanize }} connections in the last 5 minutes: it has maxclients connected.',
        runbook: {
          meaning: 'Clients were refused a connection because Redis had maxclients connected: their requests failed.',
          causes: ['Connections leaked by a client.', 'Client pools that add up to more than maxclients.'],
          checks: ['Redis dashboard: clients against maxclients, rejected connections.', 'redis-cli CLIENT LIST: who holds the connections.'],
          fix: ['See RedisClientsNearLimit: end the leak, or raise maxclients.'],
          escalation,
          query: promql`increase(${r.rejectedConnections}[5m])`,
          panel: PANEL('Connections received and rejected'),
        },
        tests: [
          fires('a connection rejected a minute', {
            at: '10m',
            series: [input(r.rejectedConnections, { ...REDIS }, '0+1x30')],
            alerts: [{ labels: { ...REDIS }, summary: `Redis ${REDIS.instance} rejects connections`, description: `Redis ${REDIS.instance} rejected 5 connections in the last 5 minutes: it has maxclients connected.` }],
          }),
          silent('no connection rejected for 10 minutes', { at: '20m', series: [input(r.rejectedConnections, { ...REDIS }, '0+1x5 5x30')] }),
        ],
      }),
      alert({
        name: 'RedisReplicationBroken',
        severity: 'warning',
        expr: promql`${r.masterLinkUp} == 0`,
        for: '5m',
        scenario: { target: REDIS, series: (value, s) => [input(r.masterLinkUp, { ...s.target, master_host: 'redis-primary', master_port: '6379' }, s.gauge(value))] },
        summary: 'Redis replica {{ $labels.instance }} lost its master',
        description: 'Redis replica {{ $labels.instance }} has had no link to its master {{ $labels.master_host }}:{{ $labels.master_port }} for 5 minutes: it serves data that grows old.',
        blindSpot: 'Only replicas have redis_master_link_up; a replica whose exporter is gone loses it too, which RedisDown and an alert on up == 0 cover.',
        runbook: {
          meaning: 'A replica is not receiving the master\'s writes: reads sent to it are stale, and a failover to it would lose what it missed.',
          causes: ['The master is down or unreachable from the replica.', 'The replica\'s masterauth no longer matches the master\'s password.', 'The master\'s replication backlog was too small and full resyncs keep failing.'],
          checks: ['Redis dashboard: replication.', 'redis-cli INFO replication on the replica (master_link_status, master_last_io_seconds_ago) and on the master (connected_slaves).', 'The replica\'s log.'],
          fix: ['Bring the master back or point the replica at the new one (REPLICAOF host port).', 'Fix masterauth; raise repl-backlog-size if resyncs fail.'],
          escalation,
          query: promql`${r.masterLinkUp}`,
          panel: PANEL('Link to master'),
        },
        tests: [
          fires('link down for 10 minutes', {
            at: '10m',
            series: [link('1 0x30')],
            alerts: [
              {
                labels: { ...REDIS, master_host: 'redis-primary', master_port: '6379' },
                summary: `Redis replica ${REDIS.instance} lost its master`,
                description: `Redis replica ${REDIS.instance} has had no link to its master redis-primary:6379 for 5 minutes: it serves data that grows old.`,
              },
            ],
          }),
          silent('link up', { at: '10m', series: [link('1x30')] }),
          pending('down for less than 5 minutes', { at: '4m', series: [link('1 0x30')] }),
        ],
      }),
      alert({
        name: 'RedisRdbSaveFailing',
        severity: 'warning',
        expr: promql`${r.rdbLastBgsaveStatus} == 0`,
        for: '5m',
        scenario: { target: REDIS, series: (value, s) => [input(r.rdbLastBgsaveStatus, { ...s.target }, s.gauge(value))] },
        summary: 'Redis {{ $labels.instance }} fails to save its snapshot',
        description: 'The last RDB snapshot (BGSAVE) of Redis {{ $labels.instance }} failed: a restart would lose every write since the last good one.',
        blindSpot: 'The status disappears only with Redis or the exporter, which RedisDown and an alert on up == 0 cover.',
        runbook: {
          meaning: 'Redis cannot write its RDB snapshot: with stop-writes-on-bgsave-error (the default) it refuses writes, and a restart loses what was not saved.',
          causes: ['The disk of the data directory is full or read-only.', 'fork() failed: not enough memory (vm.overcommit_memory=0).'],
          checks: ['Redis dashboard: persistence.', 'The Redis log around the failed BGSAVE; df on its dir; redis-cli INFO persistence.'],
          fix: ['Free space on the data directory\'s disk; set vm.overcommit_memory=1; then redis-cli BGSAVE and check it succeeds.'],
          escalation,
          query: promql`${r.rdbLastBgsaveStatus}`,
          panel: PANEL('Persistence'),
        },
        tests: [
          fires('snapshots failing for 10 minutes', {
            at: '10m',
            series: [bgsave('1 0x30')],
            alerts: [
              {
                labels: { ...REDIS },
                summary: `Redis ${REDIS.instance} fails to save its snapshot`,
                description: `The last RDB snapshot (BGSAVE) of Redis ${REDIS.instance} failed: a restart would lose every write since the last good one.`,
              },
            ],
          }),
          silent('snapshots succeed', { at: '10m', series: [bgsave('1x30')] }),
          pending('failing for less than 5 minutes', { at: '4m', series: [bgsave('1 0x30')] }),
        ],
      }),
      alert({
        name: 'RedisAofWriteFailing',
        severity: 'warning',
        expr: promql`${r.aofLastWriteStatus} == 0`,
        for: '5m',
        scenario: { target: REDIS, series: (value, s) => [input(r.aofLastWriteStatus, { ...s.target }, s.gauge(value))] },
        summary: 'Redis {{ $labels.instance }} fails to write its append-only file',
        description: 'The last write to the append-only file of Redis {{ $labels.instance }} failed: Redis refuses writes until it succeeds.',
        blindSpot: 'The status disappears only with Redis or the exporter, which RedisDown and an alert on up == 0 cover.',
        runbook: {
          meaning: 'Redis could not append to its AOF: it refuses writes (MISCONF) until a write succeeds, and clients see errors.',
          causes: ['The disk of the data directory is full or read-only.', 'An I/O error on that disk.'],
          checks: ['Redis dashboard: persistence.', 'The Redis log; df on its dir; redis-cli INFO persistence (aof_last_write_status).'],
          fix: ['Free space or fix the disk; Redis retries the write by itself and accepts writes again once it succeeds.'],
          escalation,
          query: promql`${r.aofLastWriteStatus}`,
          panel: PANEL('Persistence'),
        },
        tests: [
          fires('AOF writes failing for 10 minutes', {
            at: '10m',
            series: [aofWrite('1 0x30')],
            alerts: [
              {
                labels: { ...REDIS },
                summary: `Redis ${REDIS.instance} fails to write its append-only file`,
                description: `The last write to the append-only file of Redis ${REDIS.instance} failed: Redis refuses writes until it succeeds.`,
              },
            ],
          }),
          silent('AOF writes succeed', { at: '10m', series: [aofWrite('1x30')] }),
          pending('failing for less than 5 minutes', { at: '4m', series: [aofWrite('1 0x30')] }),
        ],
      }),
    ],
  });
}
