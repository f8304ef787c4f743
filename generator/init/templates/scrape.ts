/**
 * scrape/*.ts: the service, and node_exporter, Prometheus and Alertmanager for a project without
 * their packs (init leaves out the file of each program a pack it lists scrapes: SCRAPE_FILE_OF_PACK).
 * Those plain jobs expose no catalogued domain until the project catalogues what it reads of them,
 * so each states its sample limit.
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
    'scrape/prometheus.ts': `import { defineScrapeJob } from 'sextant';

export default defineScrapeJob({
  name: 'prometheus',
  targets: { compose: ['localhost:9090'], hosts: ['127.0.0.1:9090'] },
  sampleLimit: { samples: 5_000, reason: 'Prometheus exposes about 600 series of its own' },
});
`,
    'scrape/alertmanager.ts': `import { defineScrapeJob } from 'sextant';

export default defineScrapeJob({
  name: 'alertmanager',
  targets: { compose: ['alertmanager:9093'], hosts: ['127.0.0.1:9093'] },
  // Prometheus sends its alerts to these targets: the one place Alertmanager's address is written.
  receivesAlerts: true,
  sampleLimit: { samples: 2_000, reason: 'Alertmanager exposes about 400 series' },
});
`,
  };
}
