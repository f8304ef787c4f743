/**
 * The images of the compose stack `sextant init` writes. Prometheus and Alertmanager are the engine's
 * defaults (generator/config.ts, the versions the generated configs and the promtool it checks them
 * with target); the others are pinned here, the only place the engine names them: Grafana at the
 * version the dashboards are built for (@grafana/grafana-foundation-sdk 11.6), node_exporter and the
 * data stores' exporters at the versions their packs describe (each pack's `versions` names its image).
 */
import { DEFAULT_CONFIG } from '../config.ts';

export const COMPOSE_IMAGES = {
  prometheus: DEFAULT_CONFIG.kubernetes.images.prometheus,
  alertmanager: DEFAULT_CONFIG.kubernetes.images.alertmanager,
  grafana: 'grafana/grafana:11.6.0',
  nodeExporter: 'prom/node-exporter:v1.9.0',
  /** Echoes every webhook Alertmanager sends (the config's default receivers) into its log. */
  alertReceiver: 'mendhak/http-https-echo:33',
  mysqldExporter: 'prom/mysqld-exporter:v0.17.2',
  postgresExporter: 'quay.io/prometheuscommunity/postgres-exporter:v0.17.1',
  redisExporter: 'oliver006/redis_exporter:v1.69.0',
  mongodbExporter: 'percona/mongodb_exporter:0.40',
  kafkaExporter: 'danielqsj/kafka-exporter:v1.7.0',
} as const;
