/**
 * The images of the compose stack `sextant init` writes. Prometheus and Alertmanager are the engine's
 * defaults (generator/config.ts, the versions the generated configs and the promtool it checks them
 * with target); the others are pinned here, the only place the engine names them: Grafana at the
 * version the dashboards are built for (@grafana/grafana-foundation-sdk 11.6), node_exporter at the
 * version whose metrics the checks were written against.
 */
import { DEFAULT_CONFIG } from '../config.ts';

export const COMPOSE_IMAGES = {
  prometheus: DEFAULT_CONFIG.kubernetes.images.prometheus,
  alertmanager: DEFAULT_CONFIG.kubernetes.images.alertmanager,
  grafana: 'grafana/grafana:11.6.0',
  nodeExporter: 'prom/node-exporter:v1.9.0',
  /** Echoes every webhook Alertmanager sends (the config's default receivers) into its log. */
  alertReceiver: 'mendhak/http-https-echo:33',
} as const;
