import { alert, defineRules, fires, input, pending, promql, silent } from '#sextant';
import kafka from '../catalog/kafka_exporter.ts';
import mongodb from '../catalog/mongodb_exporter.ts';
import mysql from '../catalog/mysqld_exporter.ts';
import config from '../sextant.config.ts';

const t = config.alerts.thresholds;
const MYSQL = { job: 'mysql', instance: 'mysql-exporter:9104' } as const;
const MONGODB = { job: 'mongodb', instance: 'mongodb-exporter:9216' } as const;
const KAFKA = { job: 'kafka', instance: 'kafka-exporter:9308' } as const;

const mysqlConnections = (connected: number) => [
  input(mysql.metrics.threadsConnected, { ...MYSQL }, `${connected}x30`),
  input(mysql.metrics.maxConnections, { ...MYSQL }, '100x30'),
];
const mongoConnections = (current: number) => [
  input(mongodb.metrics.connections, { ...MONGODB, conn_type: 'current' }, `${current}x30`),
  input(mongodb.metrics.connections, { ...MONGODB, conn_type: 'available' }, '50000x30'),
];
const lag = (perPartition: number) =>
  ['0', '1'].map((partition) =>
    input(kafka.metrics.consumergroupLag, { ...KAFKA, consumergroup: 'notification-service', topic: 'message.events', partition }, `${perPartition}x30`),
  );

export default defineRules({
  name: 'datastores',
  title: 'Data stores (MySQL, MongoDB, Kafka)',
  alerts: [
    alert({
      name: 'MysqlConnectionsNearLimit',
      severity: 'warning',
      expr: promql`${mysql.metrics.threadsConnected} / ${mysql.metrics.maxConnections} > ${t.mysqlConnectionsRatio}`,
      for: '5m',
      summary: 'MySQL {{ $labels.instance }} is near max_connections',
      description: 'MySQL {{ $labels.instance }} uses {{ $value | humanizePercentage }} of max_connections.',
      runbook: {
        meaning: 'MySQL is about to refuse new connections: services will fail to get one.',
        causes: ['Connection pools sized above what MySQL allows.', 'Connections leaked or held by long transactions.'],
        checks: ['Data stores dashboard: MySQL connections against max_connections.', 'SHOW PROCESSLIST for who holds connections.', 'Pool sizes of the services that connect.'],
      },
      tests: [
        fires('90 of 100 connections', {
          at: '10m',
          series: mysqlConnections(90),
          alerts: [{ labels: { ...MYSQL }, summary: 'MySQL mysql-exporter:9104 is near max_connections', description: 'MySQL mysql-exporter:9104 uses 90% of max_connections.' }],
        }),
        silent('70 of 100 connections', { at: '10m', series: mysqlConnections(70) }),
        pending('near the limit for less than 5 minutes', { at: '3m', series: mysqlConnections(90) }),
      ],
    }),
    alert({
      name: 'MongodbConnectionsHigh',
      severity: 'warning',
      expr: promql`${mongodb.metrics.connections}{conn_type="current"} > ${t.mongodbConnections}`,
      for: '5m',
      summary: 'MongoDB {{ $labels.instance }} has many connections',
      description: 'MongoDB {{ $labels.instance }} has {{ $value | humanize }} open connections.',
      runbook: {
        meaning: 'More clients are connected to MongoDB than expected; each costs memory on the server.',
        causes: ['Pools sized too large or not shared.', 'A connection leak after a deploy.'],
        checks: ['Data stores dashboard: MongoDB connections.', 'db.currentOp() and the client list.', 'Pool settings of the chat services.'],
      },
      tests: [
        fires('650 connections', {
          at: '10m',
          series: mongoConnections(650),
          alerts: [{ labels: { ...MONGODB, conn_type: 'current' }, summary: 'MongoDB mongodb-exporter:9216 has many connections', description: 'MongoDB mongodb-exporter:9216 has 650 open connections.' }],
        }),
        silent('400 connections', { at: '10m', series: mongoConnections(400) }),
        pending('many connections for less than 5 minutes', { at: '3m', series: mongoConnections(650) }),
      ],
    }),
    alert({
      name: 'KafkaConsumerLagHigh',
      severity: 'warning',
      expr: promql`sum by (job, consumergroup, topic) (${kafka.metrics.consumergroupLag}) > ${t.kafkaConsumerLag}`,
      for: '10m',
      summary: 'Consumer group {{ $labels.consumergroup }} lags on {{ $labels.topic }}',
      description: 'Consumer group {{ $labels.consumergroup }} is {{ $value | humanize }} messages behind on {{ $labels.topic }}.',
      runbook: {
        meaning: 'A consumer group falls behind its topic: whatever it does (notifications) happens late.',
        causes: ['Consumers crashed or are too few for the partitions.', 'A slow handler or a poison message.'],
        checks: ['Data stores dashboard: lag by group and topic, and the topic message rate.', 'Consumer group members and lag by partition.', 'The consumer service logs.'],
      },
      tests: [
        fires('1,600 messages behind', {
          at: '15m',
          series: lag(800),
          alerts: [
            {
              labels: { job: 'kafka', consumergroup: 'notification-service', topic: 'message.events' },
              summary: 'Consumer group notification-service lags on message.events',
              description: 'Consumer group notification-service is 1.6k messages behind on message.events.',
            },
          ],
        }),
        silent('600 messages behind', { at: '15m', series: lag(300) }),
        pending('behind for less than 10 minutes', { at: '5m', series: lag(800) }),
      ],
    }),
  ],
});
