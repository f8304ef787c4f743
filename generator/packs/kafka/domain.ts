import { bounded, defineDomain, gauge, upstream } from '../../index.ts';

const topic = bounded(64, 'topics of the cluster this system uses');
const partition = bounded(32, 'partitions per topic');
const consumergroup = bounded(32, 'consumer groups of this system');

export const domain = defineDomain({
  name: 'kafka_exporter',
  title: 'Kafka (kafka_exporter)',
  description: "The Kafka metrics the alerts and queries use: brokers, offsets and consumer-group lag. kafka_exporter exposes all of them as gauges.",
  owner: upstream('kafka_exporter', '1.7.0', 'danielqsj/kafka_exporter v1.7.0 kafka_exporter.go (its descriptors: names, HELP verbatim, labels; every metric a gauge)', {
    uncataloguedPrefixes: ['kafka_', 'go_', 'process_', 'promhttp_'],
  }),
  metrics: {
    brokers: gauge({ name: 'kafka_brokers', help: 'Number of Brokers in the Kafka Cluster.' }),
    topicPartitions: gauge({ name: 'kafka_topic_partitions', help: 'Number of partitions for this Topic', labels: { topic } }),
    partitionCurrentOffset: gauge({
      name: 'kafka_topic_partition_current_offset',
      help: 'Current Offset of a Broker at Topic/Partition',
      labels: { topic, partition },
      labelSets: bounded(512, 'partitions of the topics this system uses'),
    }),
    consumergroupCurrentOffset: gauge({
      name: 'kafka_consumergroup_current_offset',
      help: 'Current Offset of a ConsumerGroup at Topic/Partition',
      labels: { consumergroup, topic, partition },
      labelSets: bounded(1024, 'each group reads a few topics'),
    }),
    consumergroupLag: gauge({
      name: 'kafka_consumergroup_lag',
      help: 'Current Approximate Lag of a ConsumerGroup at Topic/Partition',
      labels: { consumergroup, topic, partition },
      labelSets: bounded(1024, 'each group reads a few topics'),
    }),
    consumergroupLagSum: gauge({
      name: 'kafka_consumergroup_lag_sum',
      help: 'Current Approximate Lag of a ConsumerGroup at Topic for all partitions',
      labels: { consumergroup, topic },
      labelSets: bounded(128, 'each group reads a few topics'),
    }),
    consumergroupMembers: gauge({ name: 'kafka_consumergroup_members', help: 'Amount of members in a consumer group', labels: { consumergroup } }),
  },
});
