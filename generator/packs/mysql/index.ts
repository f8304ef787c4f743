/**
 * The MySQL pack: MySQL and MariaDB servers through prometheus/mysqld_exporter 0.15 to 0.17 (its
 * configuration changed in 0.15; `verify` names a 0.14 it meets). `packs: [mysql()]`.
 */
import { definePack, packScrapeJob, packSettings, type PackDef, type PackOptions, type ThresholdValues } from '../../index.ts';
import { mysqlRules } from './alerts.ts';
import { mysqlDashboard } from './dashboard.ts';
import { domain } from './domain.ts';

export { domain };

export const DEFAULT_THRESHOLDS = {
  // Client connections open over max_connections. At 80 % a pool growing under load or a leak
  // still leaves room for an operator's session and the exporter before MySQL refuses new ones.
  mysqlConnectionsRatio: 0.8,
} as const;

/** The thresholds its rules read: the names of DEFAULT_THRESHOLDS, any number. */
export type MysqlThresholds = ThresholdValues<typeof DEFAULT_THRESHOLDS>;

export default function mysql(options: PackOptions<MysqlThresholds> = {}): PackDef {
  const settings = packSettings({ job: 'mysql', thresholds: DEFAULT_THRESHOLDS }, options);
  return definePack(
    {
      name: 'mysql',
      configure: mysql,
      program: 'MySQL and MariaDB (prometheus/mysqld_exporter)',
      versions: '0.15 to 0.17.x (trixie; the image prom/mysqld-exporter:v0.17.2); 0.14 and older are named by verify',
      domains: [domain],
      rules: [mysqlRules(settings)],
      dashboards: [mysqlDashboard(settings.folder)],
      scrape: [
        packScrapeJob(
          {
            name: settings.job,
            // One mysqld_exporter beside each server, on its default port.
            targets: { compose: ['mysqld-exporter:9104'], hosts: ['127.0.0.1:9104'] },
            // As the prometheus-community/prometheus-mysql-exporter chart (2.12.0, app v0.17.2) runs it:
            // templates/_helpers.tpl selectorLabels on the pods; templates/deployment.yaml's containerPort
            // is service.internalPort (9104) with no name, so no portName here: the plain config and the
            // operator's PodMonitor both select it by number.
            kubernetes: { podLabels: { 'app.kubernetes.io/name': 'prometheus-mysql-exporter' }, port: 9104 },
            exposes: [domain],
            sampleLimit: {
              samples: 5_000,
              reason: 'mysqld_exporter exposes up to about a thousand series with its default collectors (global status and variables); the catalogue describes those the alerts and dashboards use',
            },
          },
          options,
        ),
      ],
    },
    options, DEFAULT_THRESHOLDS,
  );
}
