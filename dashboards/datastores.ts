import { defineDashboard, promql, row, stat, target, timeseries } from 'sextant';
import kafka from '../catalog/kafka_exporter.ts';
import mongodb from '../catalog/mongodb_exporter.ts';
import mysql from '../catalog/mysqld_exporter.ts';
import { rate, sel, UNITS } from './shared/common.ts';

const my = mysql.metrics;
const mongo = mongodb.metrics;
const k = kafka.metrics;

/**
 * The chat services' data stores through their exporters: MySQL, MongoDB and Kafka, with the infrastructure
 * queries on-call needs (connections, operations, consumer lag, messages per topic).
 */
export default defineDashboard({
  name: 'datastores',
  title: 'Data stores',
  folder: 'Infrastructure',
  description: 'MySQL, MongoDB and Kafka through mysqld_exporter, mongodb_exporter and kafka_exporter.',
  tags: ['mysql', 'mongodb', 'kafka'],
  // The job variable lists every data store exporter's job (All by default).
  scope: my.up,
  rows: [
    row('MySQL', [
      stat({ title: 'MySQL up', unit: UNITS.count, width: 6, alerts: ['MysqlDown'], targets: [target(promql`sum(${sel(my.up)})`)] }),
      timeseries({
        title: 'MySQL connections',
        unit: UNITS.count,
        width: 9,
        alerts: ['MysqlConnectionsNearLimit'],
        targets: [target(promql`sum by (instance) (${sel(my.threadsConnected)})`, 'connected {{instance}}'), target(promql`max by (instance) (${sel(my.maxConnections)})`, 'max_connections {{instance}}')],
      }),
      timeseries({
        title: 'MySQL connection attempts and slow queries',
        unit: UNITS.perSecond,
        width: 9,
        targets: [target(promql`sum by (instance) (${rate(my.connections)})`, 'connections {{instance}}'), target(promql`sum by (instance) (${rate(my.slowQueries)})`, 'slow queries {{instance}}')],
      }),
    ]),
    row('MongoDB', [
      stat({ title: 'MongoDB up', unit: UNITS.count, width: 6, alerts: ['MongodbDown'], targets: [target(promql`sum(${sel(mongo.up)})`)] }),
      timeseries({
        title: 'MongoDB connections',
        unit: UNITS.count,
        width: 9,
        alerts: ['MongodbConnectionsNearLimit'],
        targets: [target(promql`sum by (instance, conn_type) (${sel(mongo.connections, 'conn_type=~"current|available"')})`, '{{conn_type}} {{instance}}')],
      }),
      timeseries({ title: 'MongoDB operations', unit: UNITS.perSecond, width: 9, targets: [target(promql`sum by (legacy_op_type) (${rate(mongo.opcounters)})`, '{{legacy_op_type}}')] }),
    ]),
    row('Kafka', [
      stat({ title: 'Kafka brokers', unit: UNITS.count, width: 6, alerts: ['KafkaBrokersMissing'], targets: [target(promql`max(${sel(k.brokers)})`)] }),
      timeseries({
        title: 'Consumer group lag',
        unit: UNITS.count,
        width: 9,
        alerts: ['KafkaConsumerLagHigh'],
        targets: [target(promql`sum by (consumergroup, topic) (${sel(k.consumergroupLag)})`, '{{consumergroup}} on {{topic}}')],
      }),
      // Offsets are gauges that only grow: their slope is the topic's message rate.
      timeseries({
        title: 'Messages per second by topic',
        description: 'Messages written to each topic per second: the slope of the partitions\' current offsets.',
        unit: UNITS.perSecond,
        width: 9,
        targets: [target(promql`sum by (topic) (deriv(${sel(k.partitionCurrentOffset)}[$__rate_interval]))`, '{{topic}}')],
      }),
    ]),
  ],
});
