/**
 * scrape/*.ts: the service and node_exporter, which exposes no catalogued domain until the project
 * catalogues its metrics, so it states its sample limit. Prometheus and Alertmanager are scraped
 * by their packs (sextant.config.ts).
 */
import { SERVICE_PORT, type ProjectNames } from '../names.ts';

export function scrapeFiles({ service }: ProjectNames): Record<string, string> {
  return {
    [`scrape/${service}.ts`]: `import { defineScrapeJob } from 'sextant';
import http from '../catalog/${service}.ts';

export default defineScrapeJob({
  name: '${service}',
  // Where the service serves /metrics. In compose it runs outside the stack, on the Docker host:
  // Prometheus reaches it through the host gateway (docker-compose.yml). In Kubernetes, pods
  // labelled app=${service} with a container port named metrics are found without targets.
  targets: { compose: ['host.docker.internal:${SERVICE_PORT}'], hosts: ['127.0.0.1:${SERVICE_PORT}'] },
  exposes: [http],
});
`,
    'scrape/node_exporter.ts': `import { defineScrapeJob } from 'sextant';

export default defineScrapeJob({
  name: 'node-exporter',
  // In compose, node_exporter runs in the host's network (docker-compose.yml): reached through the host gateway.
  targets: { compose: ['host.docker.internal:9100'], hosts: ['127.0.0.1:9100'] },
  sampleLimit: { samples: 10_000, reason: 'node_exporter exposes about 1,000 series on a small host; this leaves room for many disks and network interfaces' },
});
`,
  };
}
