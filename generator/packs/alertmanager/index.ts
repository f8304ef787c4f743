/**
 * The Alertmanager pack: the Watchdog (the alerting pipeline's heartbeat, sent to the dead man's
 * switch), Alertmanager watching itself, its dashboard, and the scrape job that also names the
 * Alertmanager Prometheus sends its alerts to (`receivesAlerts`).
 * `packs: [alertmanager()]` in sextant.config.ts; docs/packs/alertmanager.md.
 */
import { definePack, packScrapeJob, packSettings, type PackDef, type PackOptions, type ThresholdValues } from '../../dsl/packs.ts';
import { MONITORING_ESCALATION } from '../prometheus/index.ts';
import { alertmanagerRules } from './alerts.ts';
import { alertmanagerDashboard } from './dashboard.ts';
import { ALERTMANAGER_VERSION, domain } from './domain.ts';

export { domain };

export const DEFAULT_THRESHOLDS = {
  /** Share of one integration's notifications that fail (AlertmanagerNotificationsFailing): above 1 %, the receiver is failing, not retrying. */
  alertmanagerNotificationFailureRatio: 0.01,
} as const;

/** The thresholds its rules read: the names of DEFAULT_THRESHOLDS, any number. */
export type AlertmanagerThresholds = ThresholdValues<typeof DEFAULT_THRESHOLDS>;

export default function alertmanager(options: PackOptions<AlertmanagerThresholds> = {}): PackDef {
  const settings = packSettings({ job: 'alertmanager', thresholds: DEFAULT_THRESHOLDS, escalation: MONITORING_ESCALATION }, options);
  const job = packScrapeJob(
    {
      name: settings.job,
      targets: { compose: ['alertmanager:9093'], hosts: ['127.0.0.1:9093'] },
      // As the Prometheus Operator (kube-prometheus, kube-prometheus-stack) runs it: v0.80.0
      // pkg/alertmanager/statefulset.go (app.kubernetes.io/name: alertmanager; port web, 9093). The
      // prometheus-community/alertmanager chart (1.27.1, app v0.28.1) labels its pods the same
      // (templates/_helpers.tpl selectorLabels) but names port 9093 http (values.yaml containerPortName).
      kubernetes: { podLabels: { 'app.kubernetes.io/name': 'alertmanager' }, port: 9093, portName: 'web' },
      exposes: [domain],
      // Prometheus sends its alerts to these targets: the one place Alertmanager's address is written.
      receivesAlerts: true,
      sampleLimit: { samples: 2_000, reason: 'Alertmanager exposes about 400 series; the catalogue describes those the meta-monitoring uses' },
    },
    options,
  );
  return definePack({
    name: 'alertmanager',
    configure: alertmanager,
    program: 'Alertmanager',
    versions: `0.28.x (trixie's prometheus-alertmanager; the image prom/alertmanager:v${ALERTMANAGER_VERSION})`,
    domains: [domain],
    rules: [alertmanagerRules(settings)],
    dashboards: [alertmanagerDashboard(settings.folder)],
    scrape: [job],
  }, options, DEFAULT_THRESHOLDS);
}
