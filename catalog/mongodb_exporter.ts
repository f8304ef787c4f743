import { bounded, defineDomain, gauge, untyped, upstream } from 'sextant';

export default defineDomain({
  name: 'mongodb_exporter',
  title: 'MongoDB (mongodb_exporter)',
  description:
    "The MongoDB metrics the alerts and queries use (open connections, operations), under the names " +
    'percona/mongodb_exporter 0.40 really exposes. `mongodb_connections{state="current"}` and ' +
    '`mongodb_op_counters_total` are names of the pre-0.20 exporter that 0.40 no ' +
    'longer has: the same figures are `mongodb_ss_connections{conn_type="current"}` and `mongodb_ss_opcounters`, or, ' +
    'with `--compatible-mode`, `mongodb_mongod_connections{state}` and `mongodb_mongod_op_counters_total{type}`.',
  owner: upstream('mongodb_exporter', '0.40.0', 'percona/mongodb_exporter exporter/v1_compatibility.go and its serverStatus collector', {
    uncataloguedPrefixes: ['mongodb_', 'go_', 'process_', 'promhttp_'],
  }),
  metrics: {
    up: gauge({ name: 'mongodb_up', help: 'Whether MongoDB is up.' }),
    connections: untyped({
      name: 'mongodb_ss_connections',
      help: 'serverStatus.connections: connections by kind (current, available, totalCreated, active…).',
      labels: { conn_type: bounded(16, 'fields of serverStatus.connections') },
      replaces: ['mongodb_connections'],
    }),
    opcounters: untyped({
      name: 'mongodb_ss_opcounters',
      help: 'serverStatus.opcounters: operations since start by type (insert, query, update, delete, getmore, command).',
      labels: { legacy_op_type: ['insert', 'query', 'update', 'delete', 'getmore', 'command'] },
      replaces: ['mongodb_op_counters_total'],
    }),
    opcountersRepl: untyped({
      name: 'mongodb_ss_opcountersRepl',
      help: 'serverStatus.opcountersRepl: replicated operations since start by type.',
      labels: { legacy_op_type: ['insert', 'query', 'update', 'delete', 'getmore', 'command'] },
      replaces: ['mongodb_opcounters_repl_total'],
    }),
    compatConnections: untyped({
      name: 'mongodb_mongod_connections',
      help: 'Compatible mode (--compatible-mode) name of mongodb_ss_connections.',
      labels: { state: bounded(16, 'fields of serverStatus.connections') },
    }),
    compatOpcounters: untyped({
      name: 'mongodb_mongod_op_counters_total',
      help: 'Compatible mode (--compatible-mode) name of mongodb_ss_opcounters.',
      labels: { type: ['insert', 'query', 'update', 'delete', 'getmore', 'command'] },
    }),
  },
});
