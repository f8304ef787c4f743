import { bounded, defineDomain, gauge, untyped, upstream } from '../../index.ts';

const opTypes = ['insert', 'query', 'update', 'delete', 'getmore', 'command'];
/**
 * The member's place in its topology, on every getDiagnosticData metric (exporter/topology_info.go
 * baseLabels()): one value each per target at a time. The pack describes replica set members, as
 * MongoDB runs in production; a standalone server has no rs_nm or rs_state.
 */
const topology = {
  cl_id: bounded(1, 'the cluster (or replica set) id of the member', { identifier: 'a target belongs to one cluster: one value per target' }),
  // topology_info.go getClusterRole(): mongos, or sharding.clusterRole from getCmdLineOpts.
  cl_role: bounded(1, "the member's sharding role: empty outside a sharded cluster, shardsvr, configsvr or mongos"),
  rs_nm: bounded(1, 'the replica set the member belongs to'),
  rs_state: bounded(1, "the member's replica set state (1 primary, 2 secondary…)"),
};

export const domain = defineDomain({
  name: 'mongodb_exporter',
  title: 'MongoDB (mongodb_exporter)',
  description:
    'The MongoDB metrics the alerts and queries use (open connections, operations), under the names ' +
    'percona/mongodb_exporter 0.20 and later expose from getDiagnosticData (`--collector.diagnosticdata` or ' +
    '`--collect-all`; without either it exposes little more than mongodb_up), on a replica set member. ' +
    "The exporters before them (dcu's, which Debian packages as prometheus-mongodb-exporter, and percona's 0.1x) named the same figures " +
    '`mongodb_connections{state}` and `mongodb_op_counters_total{type}`; percona exposes those names too with ' +
    '`--compatible-mode`, beside its own.',
  owner: upstream('mongodb_exporter', '0.40.0', 'percona/mongodb_exporter v0.40.0 exporter/metrics.go (serverStatus names, labels, types and HELP), topology_info.go, diagnostic_data_collector.go, general_collector.go (mongodb_up) and v1_compatibility.go', {
    uncataloguedPrefixes: ['mongodb_', 'go_', 'process_', 'promhttp_'],
    otherVersions: [
      {
        versions: "dcu/mongodb_exporter (Debian's prometheus-mongodb-exporter) or percona/mongodb_exporter before 0.20",
        // dcu/mongodb_exporter e755a44 (Debian's 1.0.0+git20180522) collector/connections.go and op_counters.go.
        exposes: ['mongodb_connections{state}', 'mongodb_op_counters_total{type}'],
        // percona's --compatible-mode adds the old names beside its own.
        unless: ['mongodb_ss_connections', 'mongodb_ss_opcounters'],
        advice:
          'it names connections mongodb_connections{state} and operations mongodb_op_counters_total{type}, where the pack reads mongodb_ss_connections{conn_type} and mongodb_ss_opcounters{legacy_op_type}: run percona/mongodb_exporter 0.20 or later (the image percona/mongodb_exporter:0.40)',
      },
    ],
  }),
  metrics: {
    up: gauge({ name: 'mongodb_up', help: 'Whether MongoDB is up.' }),
    connections: untyped({
      name: 'mongodb_ss_connections',
      help: 'serverStatus.connections: connections by kind (current, available, totalCreated, active…).',
      labels: { ...topology, conn_type: bounded(16, 'fields of serverStatus.connections') },
      replaces: ['mongodb_connections'],
    }),
    opcounters: untyped({
      name: 'mongodb_ss_opcounters',
      help: 'serverStatus.opcounters: operations since start by type (insert, query, update, delete, getmore, command).',
      labels: { ...topology, legacy_op_type: opTypes },
      replaces: ['mongodb_op_counters_total'],
    }),
    opcountersRepl: untyped({
      name: 'mongodb_ss_opcountersRepl',
      help: 'serverStatus.opcountersRepl: replicated operations since start by type.',
      labels: { ...topology, legacy_op_type: opTypes },
      // dcu's (op_counters.go) and percona 0.1x's names (v1_compatibility.go); the last is the
      // reference system's spelling, which no mongodb_exporter exposes.
      replaces: ['mongodb_op_counters_repl_total', 'mongodb_mongod_op_counters_repl_total', 'mongodb_opcounters_repl_total'],
    }),
  },
});
