/** sextant.config.ts: the namespace, the packs and the thresholds the alert reads. */
import type { ProjectNames } from '../names.ts';
import { packLines } from '../packs.ts';

export function configFile({ service }: ProjectNames, packs: readonly string[]): string {
  const { imports, entries } = packLines(packs);
  const packsKey =
    entries.length === 0
      ? ''
      : `  // Ready monitoring of the programs beside ${service}, each with its alerts and their tests, its dashboard and
  // its scrape job; options such as { job, targets, thresholds } change them (see each pack's docs).
  packs: [
${entries.map((entry) => `    ${entry},`).join('\n')}
  ],
`;
  return `/**
 * The one config object of this project. Everything tunable lives here; definitions read it, they
 * never repeat its values: change a threshold here and the alert, its docs and its tests follow.
 */
import { defineConfig } from 'sextant';
${imports.map((line) => `${line}\n`).join('')}
export default defineConfig({
  // Prefix of every metric of the service and every recording rule: ${service}_http_requests_total.
  namespace: '${service}',
${packsKey}  alerts: {
    // Where generated/docs/alerts.md is served: every alert's runbook_url is this + '#<alert name>'.
    runbookBaseUrl: 'https://github.com/your-org/${service}-monitoring/blob/main/generated/docs/alerts.md',
    thresholds: {
      errorRatio: 0.05, // share of requests answered with a 5xx status
      minRequestsPerSecond: 1, // traffic floor of the error ratio alert: 300 requests in 5 minutes
    },
  },
});
`;
}
