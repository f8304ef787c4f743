/**
 * The Kafka pack: a Kafka cluster through danielqsj/kafka_exporter 1.x (checked at 1.7.0): brokers
 * and consumer group lag. `packs: [kafka()]`.
 */
import { definePack, packScrapeJob, packSettings, type PackDef, type PackOptions, type ThresholdValues } from '../../index.ts';
import { kafkaRules } from './alerts.ts';
import { kafkaDashboard } from './dashboard.ts';
import { domain } from './domain.ts';

export { domain };

export const DEFAULT_THRESHOLDS = {
  // Messages a consumer group is behind on one topic, all partitions summed. A thousand is seconds
  // of backlog for a busy topic and minutes for a quiet one: set it from the topic's message rate
  // and how late its consumers may act.
  kafkaConsumerLag: 1_000,
  // Brokers the cluster runs: fewer means one left it. Three is the smallest cluster that keeps
  // replication factor 3 with min.insync.replicas 2; set it to your cluster's size.
  kafkaBrokers: 3,
} as const;

/** The thresholds its rules read: the names of DEFAULT_THRESHOLDS, any number. */
export type KafkaThresholds = ThresholdValues<typeof DEFAULT_THRESHOLDS>;

export default function kafka(options: PackOptions<KafkaThresholds> = {}): PackDef {
  const settings = packSettings({ job: 'kafka', thresholds: DEFAULT_THRESHOLDS }, options);
  return definePack(
    {
      name: 'kafka',
      configure: kafka,
      program: 'Kafka (danielqsj/kafka_exporter)',
      versions: '1.x, checked at 1.7.0 (the image danielqsj/kafka-exporter:v1.7.0)',
      domains: [domain],
      rules: [kafkaRules(settings)],
      dashboards: [kafkaDashboard(settings.folder)],
      scrape: [
        packScrapeJob(
          {
            name: settings.job,
            // One kafka_exporter per cluster, on its default port.
            targets: { compose: ['kafka-exporter:9308'], hosts: ['127.0.0.1:9308'] },
            // As the prometheus-community/prometheus-kafka-exporter chart (2.10.0, app v1.7.0) runs it: its
            // templates/deployment.yaml labels the pods app: <chart name> (not app.kubernetes.io/name) and
            // names the container port 9308 exporter-port.
            kubernetes: { podLabels: { app: 'prometheus-kafka-exporter' }, port: 9308, portName: 'exporter-port' },
            exposes: [domain],
            // Its series grow with the cluster's topics, partitions and groups: keeping the catalogued
            // ones makes the limits derived from the catalogue's bounds hold.
            keepOnlyCatalogued: true,
          },
          options,
        ),
      ],
    },
    options, DEFAULT_THRESHOLDS,
  );
}
