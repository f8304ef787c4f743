/**
 * The MongoDB pack: MongoDB through percona/mongodb_exporter 0.20 and later (the rewrite whose
 * names are `mongodb_ss_*`; `verify` names the older dcu exporter Debian ships). `packs: [mongodb()]`.
 */
import { definePack, packScrapeJob, packSettings, type PackDef, type PackOptions, type ThresholdValues } from '../../index.ts';
import { mongodbRules } from './alerts.ts';
import { mongodbDashboard } from './dashboard.ts';
import { domain } from './domain.ts';

export { domain };

export const DEFAULT_THRESHOLDS = {
  // Connections open over those MongoDB accepts (current + available: the limit is the lower of
  // net.maxIncomingConnections and the file descriptors). At 80 % a growing pool or a leak still
  // leaves room before clients are refused; a fixed count would mean nothing across limits.
  mongodbConnectionsRatio: 0.8,
} as const;

/** The thresholds its rules read: the names of DEFAULT_THRESHOLDS, any number. */
export type MongodbThresholds = ThresholdValues<typeof DEFAULT_THRESHOLDS>;

export default function mongodb(options: PackOptions<MongodbThresholds> = {}): PackDef {
  const settings = packSettings({ job: 'mongodb', thresholds: DEFAULT_THRESHOLDS }, options);
  return definePack(
    {
      name: 'mongodb',
      configure: mongodb,
      program: 'MongoDB (percona/mongodb_exporter)',
      versions: "0.20 and later, checked at 0.40.0 (the image percona/mongodb_exporter:0.40); dcu's exporter and percona's 0.1x are named by verify",
      domains: [domain],
      rules: [mongodbRules(settings)],
      dashboards: [mongodbDashboard(settings.folder)],
      scrape: [
        packScrapeJob(
          {
            name: settings.job,
            // One mongodb_exporter beside each mongod, on its default port.
            targets: { compose: ['mongodb-exporter:9216'], hosts: ['127.0.0.1:9216'] },
            // As the prometheus-community/prometheus-mongodb-exporter chart (3.6.0, app 0.40.0) runs it:
            // templates/_helpers.tpl selectorLabels on the pods, templates/deployment.yaml's port metrics
            // (values.yaml port: 9216).
            kubernetes: { podLabels: { 'app.kubernetes.io/name': 'prometheus-mongodb-exporter' }, port: 9216, portName: 'metrics' },
            // With its server down the exporter answers after about 11.5 s (server selection times out
            // first): at the default 10 s timeout "MongoDB down" would read as "exporter down".
            timeout: '15s',
            exposes: [domain],
            sampleLimit: {
              samples: 10_000,
              reason: 'mongodb_exporter exposes hundreds to a few thousand series of serverStatus and diagnostic data, by version and topology; the catalogue describes those the alerts and dashboards use',
            },
          },
          options,
        ),
      ],
    },
    options, DEFAULT_THRESHOLDS,
  );
}
