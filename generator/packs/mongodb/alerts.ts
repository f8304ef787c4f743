import { alert, defineRules, fires, input, pending, promql, silent, type PackSettings, type RulesDef } from '../../index.ts';
import { domain as mongodb } from './domain.ts';
import type { MongodbThresholds } from './index.ts';
import { countJustOver } from '../humanize.ts';

/**
 * MongoDB through percona's mongodb_exporter: the server down, connections near the limit. A
 * data store is a cause, not a symptom: the services using it page on their own errors and
 * latency, so these alerts open tickets (warning) and their runbooks say what the services feel.
 */
export function mongodbRules({ job, thresholds: t, escalation }: PackSettings<MongodbThresholds>): RulesDef {
  const target = { job, instance: 'mongodb-exporter:9216' } as const;
  const up = (values: string) => input(mongodb.metrics.up, { ...target }, values);
  const connections = (current: number, available: number) => [
    input(mongodb.metrics.connections, { ...target, conn_type: 'current' }, `${current}x30`),
    input(mongodb.metrics.connections, { ...target, conn_type: 'available' }, `${available}x30`),
    // Counted since start, not open now: the ratio must leave it out.
    input(mongodb.metrics.connections, { ...target, conn_type: 'totalCreated' }, '90000x30'),
  ];
  // Connections out of 1,000 just over the threshold.
  const over = countJustOver(t.mongodbConnectionsRatio, 1000);
  const near = (used: number) => ({
    labels: { ...target },
    summary: `MongoDB ${target.instance} is near its connection limit`,
    description: `MongoDB ${target.instance} uses ${used / 10}% of the connections it accepts.`,
  });

  return defineRules({
    name: 'mongodb',
    title: 'MongoDB (mongodb_exporter)',
    alerts: [
      alert({
        name: 'MongodbDown',
        severity: 'warning',
        // The exporter keeps answering while MongoDB is down: mongodb_up, not up, says so. max_over_time: one failed probe is not an outage.
        expr: promql`max_over_time(${mongodb.metrics.up}[1m]) == 0`,
        for: '5m',
        scenario: { target, series: (value, s) => [input(mongodb.metrics.up, { ...s.target }, s.gauge(value))] },
        summary: 'MongoDB behind {{ $labels.instance }} is down',
        description: 'mongodb_exporter {{ $labels.instance }} has not reached MongoDB for 5 minutes.',
        blindSpot: 'When the exporter itself is gone, mongodb_up goes with it: TargetDown (up == 0) covers that case.',
        runbook: {
          meaning: 'The exporter cannot reach MongoDB: the server is down or refuses it, and every operation of the services using it fails.',
          causes: ['mongod crashed or was stopped (OOM, disk full).', 'A replica set without a primary (an election that does not end).', "The exporter's credentials were changed."],
          checks: ['MongoDB dashboard: MongoDB up.', 'mongosh --eval "db.hello()" from the exporter\'s host; the mongod log.'],
          fix: ['Start mongod again; if the replica set has no primary, bring a majority of its members back.'],
          escalation,
          query: promql`${mongodb.metrics.up}`,
          panel: { dashboard: 'mongodb', panel: 'MongoDB up' },
        },
        tests: [
          fires('MongoDB down for 10 minutes', {
            at: '10m',
            series: [up('1 0x30')],
            alerts: [{ labels: { ...target }, summary: `MongoDB behind ${target.instance} is down`, description: `mongodb_exporter ${target.instance} has not reached MongoDB for 5 minutes.` }],
          }),
          silent('up', { at: '10m', series: [up('1x30')] }),
          pending('down for less than 5 minutes', { at: '6m', series: [up('1 0x30')] }),
        ],
      }),
      alert({
        name: 'MongodbConnectionsNearLimit',
        severity: 'warning',
        // available is what is left, so the limit is current + available.
        expr: promql`sum without (conn_type) (${mongodb.metrics.connections}{conn_type="current"}) / sum without (conn_type) (${mongodb.metrics.connections}{conn_type=~"current|available"}) > ${t.mongodbConnectionsRatio}`,
        for: '5m',
        scenario: {
          target,
          series: (used, s) => [
            input(mongodb.metrics.connections, { ...s.target, conn_type: 'current' }, s.gauge(used * 1000)),
            input(mongodb.metrics.connections, { ...s.target, conn_type: 'available' }, s.gauge(1000 - used * 1000)),
          ],
        },
        summary: 'MongoDB {{ $labels.instance }} is near its connection limit',
        description: 'MongoDB {{ $labels.instance }} uses {{ $value | humanizePercentage }} of the connections it accepts.',
        runbook: {
          meaning: 'MongoDB is about to refuse new connections (net.maxIncomingConnections or the file descriptor limit): services will fail to get one.',
          causes: ['Pools sized too large, or one pool per request instead of one per process.', 'A connection leak after a deploy.'],
          checks: ['MongoDB dashboard: MongoDB connections.', 'db.currentOp() and the client list by application name.', 'Pool settings (maxPoolSize) of the services that connect.'],
          fix: ['Restart the service that leaks connections; bound its maxPoolSize.', 'If the load needs them, raise net.maxIncomingConnections and the ulimit -n of mongod.'],
          escalation,
          query: promql`${mongodb.metrics.connections}{conn_type=~"current|available"}`,
          panel: { dashboard: 'mongodb', panel: 'MongoDB connections' },
        },
        tests: [
          fires(`${over + 99} of 1,000`, { at: '10m', series: connections(over + 99, 1000 - over - 99), alerts: [near(over + 99)] }),
          silent(`${over - 1} of 1,000: at the threshold`, { at: '10m', series: connections(over - 1, 1001 - over) }),
          silent('650 connections of 51,200: a fixed count would have fired', { at: '10m', series: connections(650, 50_550) }),
          pending('near the limit for less than 5 minutes', { at: '4m', series: connections(over + 99, 1000 - over - 99) }),
        ],
      }),
    ],
  });
}
