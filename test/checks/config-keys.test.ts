import { describe, expect, it } from 'vitest';
import { gauge } from '../../generator/index.ts';
import type { SextantConfigInput } from '../../generator/config.ts';
import { nearestKey } from '../../generator/dsl/unknown-keys.ts';
import { configKeysCheck } from '../../generator/validate/checks/config-keys.ts';
import { checkTable } from '../helpers/check-table.ts';

const metrics = { m: gauge({ name: 'g', help: 'h' }) };
/** Configs as a careless user writes them: keys TypeScript would flag, but the bundle never type-checks. */
const loose = (config: object) => config as SextantConfigInput;

checkTable(configKeysCheck, [
  { name: 'the defaults pass', metrics, expect: [] },
  { name: 'every known section with its known keys passes', metrics, config: loose({ limits: { seriesTotal: 10 }, prometheus: { scrapeInterval: '30s', remoteWrite: { url: 'https://m/push', bearerTokenFile: '/t', queue: { capacity: 5 } } }, kubernetes: { images: { prometheus: 'p:1' } } }), expect: [] },
  { name: 'thresholds and selector labels take any name', metrics, config: loose({ alerts: { thresholds: { anything_at_all: 1 } }, kubernetes: { ruleLabels: { whatever: 'x' }, monitorLabels: { team: 'y' } } }), expect: [] },
  { name: 'a misspelt top-level section is named with the nearest key', metrics, config: loose({ alertmanger: { pageWebhookUrl: 'http://x/' } }), expect: ["alertmanger: unknown key 'alertmanger' in the config, so it would be ignored: did you mean 'alertmanager'?"] },
  { name: 'a misspelt thresholds object is named', metrics, config: loose({ alerts: { thresholdz: { a: 1 } } }), expect: ["alerts.thresholdz: unknown key 'thresholdz' in alerts, so it would be ignored: did you mean 'thresholds'?"] },
  { name: 'a misspelt limit is named', metrics, config: loose({ limits: { seriesPerMetrik: 10 } }), expect: ["limits.seriesPerMetrik: unknown key 'seriesPerMetrik' in limits, so it would be ignored: did you mean 'seriesPerMetric'?"] },
  { name: 'a misspelt key two levels down is named', metrics, config: loose({ kubernetes: { images: { prometeus: 'p:1' } } }), expect: ["kubernetes.images.prometeus: unknown key 'prometeus' in kubernetes.images"] },
  { name: 'a misspelt remote-write queue key is named', metrics, config: loose({ prometheus: { remoteWrite: { url: 'https://m/push', queue: { maxShard: 5 } } } }), expect: ["prometheus.remoteWrite.queue.maxShard: unknown key 'maxShard' in prometheus.remoteWrite.queue, so it would be ignored: did you mean 'maxShards'?"] },
  { name: 'a key like nothing known is listed without a guess', metrics, config: loose({ grafana: { colour: 'blue' } }), expect: ["grafana.colour: unknown key 'colour' in grafana, so it would be ignored (known: prometheusUrl, alertmanagerUrl, dashboardsPath, folders)"] },
  { name: 'a key in the wrong section is named', metrics, config: loose({ prometheus: { namespace: 'x' } }), expect: ["prometheus.namespace: unknown key 'namespace' in prometheus"] },
]);

describe('nearestKey', () => {
  it.each([
    ['thresholdz', ['runbookBaseUrl', 'thresholds'], 'thresholds'],
    ['ScrapeInterval', ['scrapeInterval', 'evaluationInterval', 'remoteWrite'], 'scrapeInterval'],
    ['colour', ['prometheusUrl', 'alertmanagerUrl', 'dashboardsPath'], undefined],
  ] as const)('%s is nearest to %s', (key, known, expected) => {
    expect(nearestKey(key, known)).toBe(expected);
  });
});
