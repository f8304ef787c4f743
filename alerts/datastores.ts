import { alert, defineRules, fires, input, pending, promql, silent } from 'sextant';
import kafka from '../catalog/kafka_exporter.ts';
import mongodb from '../catalog/mongodb_exporter.ts';
import mysql from '../catalog/mysqld_exporter.ts';
import config from '../sextant.config.ts';
import { PLATFORM_ESCALATION } from './shared/platform.ts';

const t = config.alerts.thresholds;
const MYSQL = { job: 'mysql', instance: 'mysql-exporter:9104' } as const;
const MONGODB = { job: 'mongodb', instance: 'mongodb-exporter:9216' } as const;
const KAFKA = { job: 'kafka', instance: 'kafka-exporter:9308' } as const;
/**
 * Data stores are causes, not symptoms: the services using them page on their own errors and
 * latency. Their alerts open tickets; the runbooks say what the services feel.
 */
const DATASTORE_ESCALATION = `${PLATFORM_ESCALATION} The database owners (#data) for anything beyond a restart.`;

const mysqlUp = (values: string) => input(mysql.metrics.up, { ...MYSQL }, values);
const mysqlConnections = (connected: number) => [
  input(mysql.metrics.threadsConnected, { ...MYSQL }, `${connected}x30`),
  input(mysql.metrics.maxConnections, { ...MYSQL }, '100x30'),
];
const mongoUp = (values: string) => input(mongodb.metrics.up, { ...MONGODB }, values);
const mongoConnections = (current: number, available: number) => [
  input(mongodb.metrics.connections, { ...MONGODB, conn_type: 'current' }, `${current}x30`),
  input(mongodb.metrics.connections, { ...MONGODB, conn_type: 'available' }, `${available}x30`),
  // Counted since start, not open now: the ratio must leave it out.
  input(mongodb.metrics.connections, { ...MONGODB, conn_type: 'totalCreated' }, '90000x30'),
];
const lag = (perPartition: number) =>
  ['0', '1'].map((partition) =>
    input(kafka.metrics.consumergroupLag, { ...KAFKA, consumergroup: 'notification-service', topic: 'message.events', partition }, `${perPartition}x30`),
  );
const brokers = (count: number) => input(kafka.metrics.brokers, { ...KAFKA }, `${count}x30`);

export default defineRules({
  name: 'datastores',
  title: 'Data stores (MySQL, MongoDB, Kafka)',
  alerts: [
    alert({
      name: 'MysqlDown',
      severity: 'warning',
      // The exporter keeps answering while MySQL is down: mysql_up, not up, says so. max_over_time: one failed probe is not an outage.
      expr: promql`max_over_time(${mysql.metrics.up}[1m]) == 0`,
      for: '5m',
      scenario: { target: MYSQL, series: (up, s) => [input(mysql.metrics.up, { ...s.target }, s.gauge(up))] },
      summary: 'MySQL behind {{ $labels.instance }} is down',
      description: 'mysqld_exporter {{ $labels.instance }} has not reached MySQL for 5 minutes.',
      blindSpot: 'When the exporter itself is gone, mysql_up goes with it: TargetDown (up == 0) covers that case.',
      runbook: {
        meaning: 'The exporter cannot connect to MySQL: the server is down, or refuses connections. Every query of the services using it fails.',
        causes: ['mysqld crashed or was stopped (OOM, disk full, a failed upgrade).', 'max_connections reached: the exporter cannot get a connection either.', 'The exporter\'s credentials were changed.'],
        checks: ['Data stores dashboard: MySQL up, connections.', 'systemctl status mysql or the pod\'s state; the MySQL error log.', 'mysqladmin ping from the exporter\'s host.'],
        fix: ['Start MySQL again; if it fails to start, read the error log (disk full, corrupted table, InnoDB recovery).', 'If connections are exhausted, see MysqlConnectionsNearLimit.'],
        escalation: DATASTORE_ESCALATION,
        query: promql`${mysql.metrics.up}`,
        panel: { dashboard: 'datastores', panel: 'MySQL up' },
      },
      tests: [
        fires('MySQL down for 10 minutes', {
          at: '10m',
          series: [mysqlUp('1 0x30')],
          alerts: [{ labels: { ...MYSQL }, summary: 'MySQL behind mysql-exporter:9104 is down', description: 'mysqld_exporter mysql-exporter:9104 has not reached MySQL for 5 minutes.' }],
        }),
        fires('MySQL down, the exporter missing a scrape', {
          at: '10m',
          series: [mysqlUp('1 0x3 _ 0x30')],
          alerts: [{ labels: { ...MYSQL }, summary: 'MySQL behind mysql-exporter:9104 is down', description: 'mysqld_exporter mysql-exporter:9104 has not reached MySQL for 5 minutes.' }],
        }),
        silent('up', { at: '10m', series: [mysqlUp('1x30')] }),
        silent('one failed probe', { at: '10m', series: [mysqlUp('1x5 0 1x30')] }),
        pending('down for less than 5 minutes', { at: '6m', series: [mysqlUp('1 0x30')] }),
      ],
    }),
    alert({
      name: 'MysqlConnectionsNearLimit',
      severity: 'warning',
      expr: promql`${mysql.metrics.threadsConnected} / ${mysql.metrics.maxConnections} > ${t.mysqlConnectionsRatio}`,
      for: '5m',
      scenario: { target: MYSQL, series: (used, s) => [input(mysql.metrics.threadsConnected, { ...s.target }, s.gauge(used * 100)), input(mysql.metrics.maxConnections, { ...s.target }, s.gauge(100))] },
      summary: 'MySQL {{ $labels.instance }} is near max_connections',
      description: 'MySQL {{ $labels.instance }} uses {{ $value | humanizePercentage }} of max_connections.',
      runbook: {
        meaning: 'MySQL is about to refuse new connections: services will fail to get one.',
        causes: ['Connection pools sized above what MySQL allows.', 'Connections leaked or held by long transactions.'],
        checks: ['Data stores dashboard: MySQL connections against max_connections.', 'SHOW PROCESSLIST for who holds connections.', 'Pool sizes of the services that connect.'],
        fix: ['Kill the idle or stuck sessions holding connections (`KILL <id>`); restart the service that leaks them.', 'Make the sum of the pools\' maximums fit max_connections, or raise it (SET GLOBAL max_connections, then my.cnf).'],
        escalation: DATASTORE_ESCALATION,
        query: promql`${mysql.metrics.threadsConnected} / ${mysql.metrics.maxConnections}`,
        panel: { dashboard: 'datastores', panel: 'MySQL connections' },
      },
      tests: [
        fires('90 of 100 connections', {
          at: '10m',
          series: mysqlConnections(90),
          alerts: [{ labels: { ...MYSQL }, summary: 'MySQL mysql-exporter:9104 is near max_connections', description: 'MySQL mysql-exporter:9104 uses 90% of max_connections.' }],
        }),
        fires('81 of 100 connections, just after 5 minutes', {
          at: '6m',
          series: mysqlConnections(81),
          alerts: [{ labels: { ...MYSQL }, summary: 'MySQL mysql-exporter:9104 is near max_connections', description: 'MySQL mysql-exporter:9104 uses 81% of max_connections.' }],
        }),
        silent('80 of 100 connections: at the threshold', { at: '10m', series: mysqlConnections(80) }),
        pending('near the limit for less than 5 minutes', { at: '4m', series: mysqlConnections(90) }),
      ],
    }),
    alert({
      name: 'MongodbDown',
      severity: 'warning',
      expr: promql`max_over_time(${mongodb.metrics.up}[1m]) == 0`,
      for: '5m',
      scenario: { target: MONGODB, series: (up, s) => [input(mongodb.metrics.up, { ...s.target }, s.gauge(up))] },
      summary: 'MongoDB behind {{ $labels.instance }} is down',
      description: 'mongodb_exporter {{ $labels.instance }} has not reached MongoDB for 5 minutes.',
      blindSpot: 'When the exporter itself is gone, mongodb_up goes with it: TargetDown (up == 0) covers that case.',
      runbook: {
        meaning: 'The exporter cannot reach MongoDB: the server is down or refuses it, and every operation of the services using it fails.',
        causes: ['mongod crashed or was stopped (OOM, disk full).', 'A replica set without a primary (an election that does not end).', 'The exporter\'s credentials were changed.'],
        checks: ['Data stores dashboard: MongoDB up.', 'mongosh --eval "db.hello()" from the exporter\'s host; the mongod log.'],
        fix: ['Start mongod again; if the replica set has no primary, bring a majority of its members back.'],
        escalation: DATASTORE_ESCALATION,
        query: promql`${mongodb.metrics.up}`,
        panel: { dashboard: 'datastores', panel: 'MongoDB up' },
      },
      tests: [
        fires('MongoDB down for 10 minutes', {
          at: '10m',
          series: [mongoUp('1 0x30')],
          alerts: [{ labels: { ...MONGODB }, summary: 'MongoDB behind mongodb-exporter:9216 is down', description: 'mongodb_exporter mongodb-exporter:9216 has not reached MongoDB for 5 minutes.' }],
        }),
        silent('up', { at: '10m', series: [mongoUp('1x30')] }),
        pending('down for less than 5 minutes', { at: '6m', series: [mongoUp('1 0x30')] }),
      ],
    }),
    alert({
      name: 'MongodbConnectionsNearLimit',
      severity: 'warning',
      // available is what is left, so the limit is current + available.
      expr: promql`sum without (conn_type) (${mongodb.metrics.connections}{conn_type="current"}) / sum without (conn_type) (${mongodb.metrics.connections}{conn_type=~"current|available"}) > ${t.mongodbConnectionsRatio}`,
      for: '5m',
      scenario: {
        target: MONGODB,
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
        checks: ['Data stores dashboard: MongoDB connections.', 'db.currentOp() and the client list by application name.', 'Pool settings (maxPoolSize) of the chat services.'],
        fix: ['Restart the service that leaks connections; bound its maxPoolSize.', 'If the load needs them, raise net.maxIncomingConnections and the ulimit -n of mongod.'],
        escalation: DATASTORE_ESCALATION,
        query: promql`${mongodb.metrics.connections}{conn_type=~"current|available"}`,
        panel: { dashboard: 'datastores', panel: 'MongoDB connections' },
      },
      tests: [
        fires('900 of 1,000', {
          at: '10m',
          series: mongoConnections(900, 100),
          alerts: [
            { labels: { ...MONGODB }, summary: 'MongoDB mongodb-exporter:9216 is near its connection limit', description: 'MongoDB mongodb-exporter:9216 uses 90% of the connections it accepts.' },
          ],
        }),
        silent('800 of 1,000: at the threshold', { at: '10m', series: mongoConnections(800, 200) }),
        silent('650 connections of 51,200: a fixed count would have fired', { at: '10m', series: mongoConnections(650, 50_550) }),
        pending('near the limit for less than 5 minutes', { at: '4m', series: mongoConnections(900, 100) }),
      ],
    }),
    alert({
      name: 'KafkaBrokersMissing',
      severity: 'warning',
      expr: promql`${kafka.metrics.brokers} < ${t.kafkaBrokers}`,
      for: '5m',
      scenario: { target: KAFKA, series: (count, s) => [input(kafka.metrics.brokers, { ...s.target }, s.gauge(count))] },
      summary: `Kafka has {{ $value }} brokers of ${t.kafkaBrokers}`,
      description: `Only {{ $value }} of the ${t.kafkaBrokers} Kafka brokers are in the cluster, as {{ $labels.instance }} sees it.`,
      blindSpot: 'kafka_brokers disappears only with the exporter, which TargetDown covers; the exporter reports the brokers it sees, down to 0.',
      runbook: {
        meaning: 'A broker left the cluster: partitions it led moved to others (more load), and those it replicated are under-replicated until it returns.',
        causes: ['A broker crashed or its host is down.', 'A broker lost its session with ZooKeeper or the KRaft controllers.'],
        checks: ['Data stores dashboard: Kafka brokers.', '`kafka-broker-api-versions.sh --bootstrap-server <broker>`, or the broker pods.', 'The broker log.'],
        fix: ['Start the broker again; if its disk is lost, replace it with the same broker.id and let it replicate.'],
        escalation: DATASTORE_ESCALATION,
        query: promql`${kafka.metrics.brokers}`,
        panel: { dashboard: 'datastores', panel: 'Kafka brokers' },
      },
      tests: [
        fires('two of three brokers', {
          at: '10m',
          series: [brokers(2)],
          alerts: [{ labels: { ...KAFKA }, summary: `Kafka has 2 brokers of ${t.kafkaBrokers}`, description: `Only 2 of the ${t.kafkaBrokers} Kafka brokers are in the cluster, as kafka-exporter:9308 sees it.` }],
        }),
        silent('all three brokers', { at: '10m', series: [brokers(3)] }),
        pending('missing one for less than 5 minutes', { at: '4m', series: [brokers(2)] }),
      ],
    }),
    alert({
      name: 'KafkaConsumerLagHigh',
      severity: 'warning',
      expr: promql`sum by (job, consumergroup, topic) (${kafka.metrics.consumergroupLag}) > ${t.kafkaConsumerLag}`,
      for: '10m',
      scenario: {
        target: KAFKA,
        series: (behind, s) => [input(kafka.metrics.consumergroupLag, { ...s.target, consumergroup: 'notification-service', topic: 'message.events', partition: '0' }, s.gauge(behind))],
      },
      summary: 'Consumer group {{ $labels.consumergroup }} lags on {{ $labels.topic }}',
      description: 'Consumer group {{ $labels.consumergroup }} is {{ $value | humanize }} messages behind on {{ $labels.topic }}.',
      runbook: {
        meaning: 'A consumer group falls behind its topic: whatever it does (notifications) happens late.',
        causes: ['Consumers crashed or are too few for the partitions.', 'A slow handler or a poison message.'],
        checks: ['Data stores dashboard: lag by group and topic, and the topic message rate.', 'Consumer group members and lag by partition.', 'The consumer service logs.'],
        fix: ['Restart consumers that stopped; scale them out up to the number of partitions.', 'A poison message stuck at one offset: fix the handler, or skip it (kafka-consumer-groups.sh --reset-offsets --shift-by 1) after recording it.'],
        escalation: DATASTORE_ESCALATION,
        query: promql`sum by (consumergroup, topic, partition) (${kafka.metrics.consumergroupLag})`,
        panel: { dashboard: 'datastores', panel: 'Consumer group lag' },
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
        silent('1,000 messages behind: at the threshold', { at: '15m', series: lag(500) }),
        pending('behind for less than 10 minutes', { at: '9m', series: lag(800) }),
      ],
    }),
  ],
});
