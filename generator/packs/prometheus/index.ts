/**
 * The Prometheus pack: Prometheus watching itself (config reloads, rule evaluation, the sending
 * of alerts, storage), its dashboard and its self-scrape job. It also brings the series Prometheus
 * writes for every target (`up`, `scrape_*`: the `scrape` domain) and every alert (`ALERTS`).
 * `packs: [prometheus()]` in sextant.config.ts; docs/packs/prometheus.md.
 */
import { definePack, packScrapeJob, packSettings, type PackDef, type PackOptions, type ThresholdValues } from '../../dsl/packs.ts';
import { prometheusRules } from './alerts.ts';
import { prometheusDashboard } from './dashboard.ts';
import { alertSeries, domain, PROMETHEUS_VERSION, scrape } from './domain.ts';

export { alertSeries, domain, scrape };

export const DEFAULT_THRESHOLDS = {
  /** Share of the alerts Prometheus fails to send to one Alertmanager (PrometheusErrorSendingAlerts): above 1 %, sending fails, not a retry. */
  prometheusNotificationErrorRatio: 0.01,
} as const;

/**
 * Who answers the alerts of the alerting pipeline (this pack's and the alertmanager pack's): the
 * people who run it, since a failure here silences every other team's alerts.
 */
export const MONITORING_ESCALATION =
  'The monitoring owners, who run Prometheus and Alertmanager; if alerts cannot be delivered for more than 15 minutes, tell every on-call that paging is degraded.';

/** The thresholds its rules read: the names of DEFAULT_THRESHOLDS, any number. */
export type PrometheusThresholds = ThresholdValues<typeof DEFAULT_THRESHOLDS>;

export default function prometheus(options: PackOptions<PrometheusThresholds> = {}): PackDef {
  const settings = packSettings({ job: 'prometheus', thresholds: DEFAULT_THRESHOLDS, escalation: MONITORING_ESCALATION }, options);
  const job = packScrapeJob(
    {
      name: settings.job,
      // Prometheus scrapes itself: the same address in compose and on a host.
      targets: { compose: ['localhost:9090'], hosts: ['127.0.0.1:9090'] },
      // As the Prometheus Operator (kube-prometheus, kube-prometheus-stack) runs it: v0.80.0
      // pkg/prometheus/server/operator.go makeSelectorLabels (app.kubernetes.io/name: prometheus) and
      // pkg/prometheus/common.go (port web, 9090). The prometheus-community/prometheus chart (25.25.0)
      // labels its server pods the same (templates/_helpers.tpl prometheus.common.matchLabels) but leaves
      // port 9090 unnamed (values.yaml server.portName: "").
      kubernetes: { podLabels: { 'app.kubernetes.io/name': 'prometheus' }, port: 9090, portName: 'web' },
      exposes: [domain],
      sampleLimit: { samples: 5_000, reason: 'Prometheus exposes about 600 series of its own; the catalogue describes those the meta-monitoring uses' },
    },
    options,
  );
  return definePack({
    name: 'prometheus',
    configure: prometheus,
    program: 'Prometheus',
    versions: `2.53.x (trixie's prometheus; the image prom/prometheus:v${PROMETHEUS_VERSION})`,
    domains: [domain, scrape, alertSeries],
    rules: [prometheusRules(settings)],
    dashboards: [prometheusDashboard(settings.folder)],
    scrape: [job],
  }, options, DEFAULT_THRESHOLDS);
}
