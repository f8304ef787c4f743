/** sextant.config.ts: the namespace, the packs of the alerting pipeline and the thresholds the alert reads. */
import type { ProjectNames } from '../names.ts';

export function configFile({ service }: ProjectNames): string {
  return `/**
 * The one config object of this project. Everything tunable lives here; definitions read it, they
 * never repeat its values: change a threshold here and the alert, its docs and its tests follow.
 */
import { defineConfig } from 'sextant';
import alertmanager from 'sextant/packs/alertmanager';
import prometheus from 'sextant/packs/prometheus';

export default defineConfig({
  // Prefix of every metric of the service and every recording rule: ${service}_http_requests_total.
  namespace: '${service}',
  // Prometheus and Alertmanager watching themselves (the Watchdog included): alerts with their tests,
  // dashboards and scrape jobs. Options: docs/packs/prometheus.md, docs/packs/alertmanager.md.
  packs: [alertmanager(), prometheus()],
  alerts: {
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
