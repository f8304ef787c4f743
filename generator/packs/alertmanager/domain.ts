/** Alertmanager's own metrics: config reloads, notification delivery and the alerts it holds. */
import { bounded, counter, defineDomain, gauge, histogram, upstream } from '../../index.ts';

/** The Alertmanager release the names, types and labels were taken from. */
export const ALERTMANAGER_VERSION = '0.28.1';

const integration = bounded(16, 'one per receiver integration Alertmanager supports (email, webhook, slack…)');
const apiVersion = ['v1', 'v2'] as const;

export const domain = defineDomain({
  name: 'alertmanager',
  title: 'Alertmanager (meta-monitoring)',
  description: "Alertmanager's own metrics: config reloads, notification delivery and the alerts it holds.",
  owner: upstream('alertmanager', ALERTMANAGER_VERSION, "a live Alertmanager 0.28 (Debian trixie's prometheus-alertmanager, the image prom/alertmanager:v0.28.1), compared in test/packs/alertmanager.test.ts and test/upstream/servers.test.ts", {
    uncataloguedPrefixes: ['alertmanager_', 'go_', 'process_', 'promhttp_', 'net_conntrack_'],
  }),
  metrics: {
    configReloadSuccessful: gauge({ name: 'alertmanager_config_last_reload_successful', help: 'Whether the last configuration reload attempt was successful.' }),
    configReloadTimestamp: gauge({ name: 'alertmanager_config_last_reload_success_timestamp_seconds', help: 'Timestamp of the last successful configuration reload.', unit: 'seconds' }),
    notifications: counter({ name: 'alertmanager_notifications_total', help: 'The total number of attempted notifications.', labels: { integration } }),
    notificationsFailed: counter({
      name: 'alertmanager_notifications_failed_total',
      help: 'The total number of failed notifications.',
      // Since 0.27.
      labels: { integration, reason: ['clientError', 'contextCanceled', 'contextDeadlineExceeded', 'other', 'serverError'] },
    }),
    notificationLatency: histogram({
      name: 'alertmanager_notification_latency_seconds',
      help: 'The latency of notifications in seconds.',
      unit: 'seconds',
      labels: { integration },
      buckets: [1, 5, 10, 15, 20],
    }),
    alerts: gauge({ name: 'alertmanager_alerts', help: 'How many alerts by state.', labels: { state: ['active', 'suppressed', 'unprocessed'] } }),
    alertsReceived: counter({ name: 'alertmanager_alerts_received_total', help: 'The total number of received alerts.', labels: { status: ['firing', 'resolved'], version: apiVersion } }),
    alertsInvalid: counter({ name: 'alertmanager_alerts_invalid_total', help: 'The total number of received alerts that were invalid.', labels: { version: apiVersion } }),
    silences: gauge({ name: 'alertmanager_silences', help: 'How many silences by state.', labels: { state: ['active', 'expired', 'pending'] } }),
    clusterEnabled: gauge({ name: 'alertmanager_cluster_enabled', help: 'Indicates whether the clustering is enabled or not.' }),
  },
});
