/** README.md of the new project: the commands, where things are, what to change first. */
import { COMPOSE_EXPORTERS } from '../exporters.ts';
import { DASHBOARD_NAME, SERVICE_PORT, type ProjectNames } from '../names.ts';

export function readmeFile({ service, title, alert }: ProjectNames, packs: readonly string[]): string {
  const packRow =
    packs.length === 0
      ? ''
      : `| \`packs\` in \`sextant.config.ts\` | ${packs.map((pack) => `\`sextant/packs/${pack}\``).join(', ')}: each a program's metrics, alerts with their tests, dashboard and scrape job, with options for its job, targets and thresholds |\n`;
  const exporters = packs.filter((pack) => Object.hasOwn(COMPOSE_EXPORTERS, pack));
  const several = exporters.length > 1;
  const theExporters = several ? `the ${exporters.slice(0, -1).join(', ')} and ${exporters.at(-1)} packs' exporters` : `the ${exporters[0]} pack's exporter`;
  const exporterNote = exporters.length === 0 ? '' : `, and ${theExporters}`;
  const exporterStack =
    exporters.length === 0
      ? ''
      : `

${theExporters[0]!.toUpperCase()}${theExporters.slice(1)} ${several ? 'run' : 'runs'} in the stack, reaching your data ${several ? 'stores' : 'store'} on this machine
(\`host.docker.internal\`; \`docker-compose.yml\` says how to point ${several ? 'each' : 'it'} elsewhere). Credentials come
from variables you set when you start it: \`docker compose up\` names any that is missing.`;
  return `# ${title} monitoring

Monitoring as code for the ${service} service, with [Sextant](https://www.npmjs.com/package/sextant): one typed
metric catalogue from which the Prometheus rules and their tests, the Grafana dashboards, the scrape
and Alertmanager configs and the docs under \`generated/\` are generated and checked.

## Commands

| Command | What it does |
| --- | --- |
| \`npx sextant generate\` | writes \`generated/\` from the definitions (nothing, if any check fails) |
| \`npx sextant check\` | everything CI runs, one exit code: type check, validation, \`generated/\` up to date, promtool lint, config and rule tests, amtool, docker-compose config |
| \`npx sextant tools\` | fetches promtool and amtool into \`.tools/\` when they are not installed |
| \`npx sextant verify --target http://127.0.0.1:${SERVICE_PORT}/metrics\` | compares the running service's \`/metrics\` with the catalogue, both ways |

Commit \`generated/\`: CI fails when it differs from what the definitions generate.

## Where things are

| Path | What |
| --- | --- |
| \`sextant.config.ts\` | the namespace (\`${service}\`, the prefix of every metric), the packs it lists and the alert thresholds |
| \`catalog/${service}.ts\` | the metrics ${service} exposes: names, types, help, labels with every value they may take |
| \`alerts/${service}.ts\` | the recording rule and the alert \`${alert}\`, each with its promtool tests, and the alert's runbook |
| \`dashboards/${service}.ts\` | the Grafana dashboard \`${DASHBOARD_NAME}\`: every metric of the catalogue on a panel |
${packRow}| \`scrape/\` | where Prometheus scrapes ${service}${packs.length === 0 ? ', node_exporter, itself and Alertmanager' : ' and the programs no pack covers'}, per environment |
| \`docker-compose.yml\` | Prometheus, Alertmanager, Grafana and node_exporter, mounting \`generated/\`${exporterNote} |
| \`.github/workflows/monitoring.yml\` | CI: \`npx sextant check\` |
| \`generated/\` | the output, never edited by hand; \`generated/docs/\` describes the metrics, alerts and dashboards |

## First changes

1. **Your routes.** \`catalog/${service}.ts\` lists placeholder routes; list your service's route templates
   (\`/api/items/:id\`, never raw paths), then run \`npx sextant generate\`.
2. **Where ${service} listens.** \`scrape/${service}.ts\` scrapes port ${SERVICE_PORT} on the Docker host (compose) and
   on 127.0.0.1 (hosts); in Kubernetes, pods labelled \`app=${service}\` with a port named \`metrics\`.
3. **Where alerts go.** Set \`runbookBaseUrl\` and \`alertmanager\` (the page, ticket, info, meta and dead man's
   switch webhooks) in \`sextant.config.ts\`; until then they reach the compose stack's echo service.
4. **Instrument the service** so its \`/metrics\` matches the catalogue (\`sextant/instruments\` for Node.js
   services), and check it with \`npx sextant verify\`.

## The local stack

Start ${service} on this machine (its \`/metrics\` on port ${SERVICE_PORT}), then:

\`\`\`sh
npx sextant generate
GRAFANA_ADMIN_PASSWORD='choose-one' docker compose up -d
\`\`\`

Prometheus is on http://127.0.0.1:9090, Alertmanager on http://127.0.0.1:9093, Grafana on
http://127.0.0.1:3000 (user \`admin\`). Notifications show in \`docker compose logs alert-receiver\`.
node_exporter runs in the host's network and needs a Linux host.${exporterStack}

Without Docker, \`npx sextant tools\` once, then \`npx sextant stack\`: Prometheus, Alertmanager and
node_exporter on 127.0.0.1 with the same generated files (no Grafana), notifications printed in its
terminal, until Ctrl-C. It names ${service} as not started, on 127.0.0.1:${SERVICE_PORT}: start it yourself.
`;
}
