/**
 * The PostgreSQL pack: postgres_exporter's domain, the alerts the postgres_mixin would have (and
 * those the default collectors allow beyond it), a dashboard, and the scrape job (`postgres`, 9187).
 */
import { definePack, packScrapeJob, packSettings, type PackDef, type PackOptions, type ThresholdValues } from '../../dsl/packs.ts';
import postgresRules, { DEFAULT_JOB, postgresRecording } from './alerts.ts';
import postgresDashboard from './dashboard.ts';
import domain from './domain.ts';

export const DEFAULT_THRESHOLDS = {
  // Backends over max_connections less superuser_reserved_connections; at 1 clients get "too many clients already".
  connectionsRatio: 0.8,
  // Deadlocks PostgreSQL broke in 5 minutes in one database; each aborted a transaction, so any one is a bug to look at.
  deadlocksPer5m: 0,
  // Blocks found in shared_buffers over all blocks read; the mixin's 0.98 fires on any database scanning more than
  // its cache now and then, 0.95 sustained for 15 minutes means the working set no longer fits.
  cacheHitRatio: 0.95,
  // Traffic floor of the cache hit ratio: 100 blocks (800 KiB) a second, below which a few cold reads say nothing.
  cacheMinBlocksPerSecond: 100,
  // Age of the oldest open transaction: 10 minutes holds back VACUUM and row locks; OLTP transactions take milliseconds.
  transactionSeconds: 600,
  // Replay lag of a replica: a minute of writes missing from its reads, and lost by a failover to it.
  replicationLagSeconds: 60,
} as const;

/** The thresholds its rules read: the names of DEFAULT_THRESHOLDS, any number. */
export type PostgresThresholds = ThresholdValues<typeof DEFAULT_THRESHOLDS>;

export { domain };

export default function postgres(options: PackOptions<PostgresThresholds> = {}): PackDef {
  const settings = packSettings({ job: DEFAULT_JOB, thresholds: DEFAULT_THRESHOLDS }, options);
  const recording = postgresRecording(settings);
  return definePack(
    {
      name: 'postgres',
      configure: postgres,
      program: 'PostgreSQL',
      versions: "postgres_exporter 0.17.x (trixie's 0.17.1; the image quay.io/prometheuscommunity/postgres-exporter:v0.17.1), PostgreSQL 13 to 17",
      domains: [domain],
      rules: [postgresRules(settings, recording)],
      dashboards: [postgresDashboard(settings.folder, recording)],
      scrape: [
        packScrapeJob(
          {
            name: settings.job,
            targets: { compose: ['postgres-exporter:9187'], hosts: ['127.0.0.1:9187'] },
            // As the prometheus-community/prometheus-postgres-exporter chart (7.1.1, app v0.17.1) runs it:
            // templates/_helpers.tpl selectorLabels on the pods, templates/deployment.yaml's port http
            // (values.yaml service.targetPort: 9187).
            kubernetes: { podLabels: { 'app.kubernetes.io/name': 'prometheus-postgres-exporter' }, port: 9187, portName: 'http' },
            exposes: [domain],
            sampleLimit: {
              samples: 5_000,
              reason: 'postgres_exporter exposes about 400 series for a server with a few databases (settings, activity and table statistics grow with databases and tables); the catalogue describes those the alerts and dashboard use',
            },
          },
          options,
        ),
      ],
    },
    options,
    DEFAULT_THRESHOLDS,
  );
}
