import { defineScrapeJob } from 'sextant';
import kafka from '../catalog/kafka_exporter.ts';

export default defineScrapeJob({
  name: 'kafka',
  // The chat services' Kafka cluster, through one kafka_exporter (its default port, 9308).
  runsIn: ['hosts', 'kubernetes'],
  notIn: { compose: 'the compose stack runs the reference services, which use no Kafka: there is no cluster to export' },
  targets: { hosts: ['127.0.0.1:9308'] },
  kubernetes: { podLabels: { app: 'kafka-exporter' }, port: 9308 },
  exposes: [kafka],
  // Its series grow with the cluster's topics, partitions and groups: keeping the catalogued ones
  // makes the limits derived from the catalogue's bounds hold.
  keepOnlyCatalogued: true,
});
