/**
 * The Redis pack: redis_exporter's domain, the alerts the redis-mixin would have (against Redis's
 * own limits) and those INFO allows beyond it, a dashboard, and the scrape job (`redis`, 9121).
 */
import { definePack, packScrapeJob, packSettings, type PackDef, type PackOptions, type ThresholdValues } from '../../dsl/packs.ts';
import redisRules, { DEFAULT_JOB, redisRecording } from './alerts.ts';
import redisDashboard from './dashboard.ts';
import domain from './domain.ts';

export const DEFAULT_THRESHOLDS = {
  // Connected clients over maxclients; at 1 Redis refuses new connections.
  clientsRatio: 0.8,
  // Memory used over maxmemory (when one is set); at 1 Redis evicts keys or refuses writes.
  memoryRatio: 0.9,
  // Keys evicted in 5 minutes: any eviction loses data a client stored, unless Redis is a pure cache (raise it then).
  evictedKeysPer5m: 0,
} as const;

/** The thresholds its rules read: the names of DEFAULT_THRESHOLDS, any number. */
export type RedisThresholds = ThresholdValues<typeof DEFAULT_THRESHOLDS>;

export { domain };

export default function redis(options: PackOptions<RedisThresholds> = {}): PackDef {
  const settings = packSettings({ job: DEFAULT_JOB, thresholds: DEFAULT_THRESHOLDS }, options);
  const recording = redisRecording(settings);
  return definePack(
    {
      name: 'redis',
      configure: redis,
      program: 'Redis',
      versions: "redis_exporter 1.69.x (trixie's 1.69.0; the image oliver006/redis_exporter:v1.69.0), Redis 6 and 7",
      domains: [domain],
      rules: [redisRules(settings, recording)],
      dashboards: [redisDashboard(settings.folder, recording)],
      scrape: [
        packScrapeJob(
          {
            name: settings.job,
            targets: { compose: ['redis-exporter:9121'], hosts: ['127.0.0.1:9121'] },
            // As the prometheus-community/prometheus-redis-exporter chart (6.10.3, app v1.69.0) runs it:
            // templates/_helpers.tpl labels (selectorLabels included) on the pods, templates/deployment.yaml's
            // port 9121 named exporter-port.
            kubernetes: { podLabels: { 'app.kubernetes.io/name': 'prometheus-redis-exporter' }, port: 9121, portName: 'exporter-port' },
            exposes: [domain],
            sampleLimit: {
              samples: 5_000,
              reason: 'redis_exporter exposes about 250 series for one Redis (INFO fields, per-command statistics, 16 databases); the catalogue describes those the alerts and dashboard use',
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
