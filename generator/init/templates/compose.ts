/**
 * docker-compose.yml: Prometheus, Alertmanager, Grafana, node_exporter and a webhook echo, mounting
 * generated/, and the exporter of each data store pack the project lists (exporters.ts). The service
 * itself runs outside the stack; Prometheus scrapes it on the Docker host.
 */
import { exporterServices } from '../exporters.ts';
import { COMPOSE_IMAGES } from '../images.ts';
import { SERVICE_PORT, type ProjectNames } from '../names.ts';

export function composeFile({ service }: ProjectNames, packs: readonly string[]): string {
  const exporters = exporterServices(packs);
  const variables = exporters === '' ? '' : "\n# and the variables each exporter below requires (docker compose names any that is missing).";
  return `# The monitoring stack, from this project's generated files:
#   GRAFANA_ADMIN_PASSWORD='choose-one' docker compose up -d${variables}
# Run ${service} yourself on this machine, serving /metrics on port ${SERVICE_PORT} (scrape/${service}.ts says
# where; Prometheus reaches the host as host.docker.internal). Published ports are on 127.0.0.1 only.
services:
  prometheus:
    image: ${COMPOSE_IMAGES.prometheus}
    command:
      # The image's own flags first (a command replaces them all).
      - --config.file=/etc/prometheus/prometheus.yml
      - --storage.tsdb.path=/prometheus
      - --storage.tsdb.retention.time=15d
    volumes:
      - ./generated/prometheus:/etc/prometheus:ro
      - prometheus-data:/prometheus
    ports:
      - "127.0.0.1:9090:9090"
    # ${service} and node-exporter listen on the host: Prometheus reaches them through the host gateway.
    extra_hosts:
      - "host.docker.internal:host-gateway"
    restart: unless-stopped

  alertmanager:
    image: ${COMPOSE_IMAGES.alertmanager}
    command:
      - --config.file=/etc/alertmanager/alertmanager.yml
      - --storage.path=/alertmanager
    volumes:
      - ./generated/alertmanager:/etc/alertmanager:ro
      - alertmanager-data:/alertmanager
    ports:
      - "127.0.0.1:9093:9093"
    restart: unless-stopped

  grafana:
    image: ${COMPOSE_IMAGES.grafana}
    environment:
      GF_SECURITY_ADMIN_USER: admin
      GF_SECURITY_ADMIN_PASSWORD: \${GRAFANA_ADMIN_PASSWORD:?set GRAFANA_ADMIN_PASSWORD to the Grafana admin password}
      GF_AUTH_ANONYMOUS_ENABLED: "false"
      GF_USERS_ALLOW_SIGN_UP: "false"
    volumes:
      - ./generated/grafana/provisioning:/etc/grafana/provisioning:ro
      - ./generated/grafana/dashboards:/var/lib/grafana/dashboards:ro
      - grafana-data:/var/lib/grafana
    ports:
      - "127.0.0.1:3000:3000"
    depends_on:
      - prometheus
      - alertmanager
    restart: unless-stopped

  # As node_exporter's own guidance runs it in a container: the host's network and PIDs, the host's
  # root read-only under /host (the rslave mount needs a Linux host's shared / mount).
  node-exporter:
    image: ${COMPOSE_IMAGES.nodeExporter}
    command:
      - --path.rootfs=/host
      - --web.listen-address=:9100
    volumes:
      - /:/host:ro,rslave
    network_mode: host
    pid: host
    restart: unless-stopped

  # Where Alertmanager's webhooks arrive until you set real ones in sextant.config.ts (alertmanager):
  # every notification shows in \`docker compose logs alert-receiver\`.
  alert-receiver:
    image: ${COMPOSE_IMAGES.alertReceiver}
    environment:
      HTTP_PORT: "9095"
      HTTPS_PORT: "9443"
    expose:
      - "9095"
    restart: unless-stopped
${exporters}
volumes:
  prometheus-data:
  alertmanager-data:
  grafana-data:
`;
}
