import { defineDashboard, promql, row, stat, target, timeseries, type DashboardDef, type Folder } from '../../index.ts';
import { domain } from './domain.ts';
import { sel } from '../../dsl/panels.ts';

const k = domain.metrics;
/** A series narrowed to the dashboard's job and instance variables. */

/** Kafka through kafka_exporter: brokers, consumer group lag, messages per topic. */
export function kafkaDashboard(folder: Folder): DashboardDef {
  return defineDashboard({
    name: 'kafka',
    title: 'Kafka',
    folder,
    description: 'A Kafka cluster through kafka_exporter: brokers, consumer group lag, messages per topic.',
    tags: ['kafka'],
    scope: k.brokers,
    rows: [
      row('Kafka', [
        stat({ title: 'Kafka brokers', unit: 'short', width: 6, alerts: ['KafkaBrokersMissing'], targets: [target(promql`max(${sel(k.brokers)})`)] }),
        timeseries({
          title: 'Consumer group lag',
          unit: 'short',
          width: 9,
          alerts: ['KafkaConsumerLagHigh'],
          targets: [target(promql`sum by (consumergroup, topic) (${sel(k.consumergroupLag)})`, '{{consumergroup}} on {{topic}}')],
        }),
        // Offsets are gauges that only grow: their slope is the topic's message rate.
        timeseries({
          title: 'Messages per second by topic',
          description: "Messages written to each topic per second: the slope of the partitions' current offsets.",
          unit: 'ops',
          width: 9,
          targets: [target(promql`sum by (topic) (deriv(${sel(k.partitionCurrentOffset)}[$__rate_interval]))`, '{{topic}}')],
        }),
      ]),
    ],
  });
}
