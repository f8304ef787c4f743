import { describe, expect, it } from 'vitest';
import { definePack, gauge } from '../../generator/index.ts';
import type { SextantConfigInput } from '../../generator/config.ts';
import { nearestKey } from '../../generator/dsl/unknown-keys.ts';
import { configKeysCheck } from '../../generator/validate/checks/config-keys.ts';
import { checkTable } from '../helpers/check-table.ts';

const metrics = { m: gauge({ name: 'g', help: 'h' }) };
/** Configs as a careless user writes them: keys TypeScript would flag, but the bundle never type-checks. */
const loose = (config: object) => config as SextantConfigInput;

/** A pack as data with the options a project wrote, its defaults `ratio`; the environment lists it again. */
const pack = (options: object) => definePack({ name: 'widget', program: 'widget', versions: '1', domains: [], rules: [], dashboards: [], scrape: [] }, options, { ratio: 0.5 });
const inProduction = (options: object) => loose({ packs: [pack({})], environments: { production: { packs: [pack(options)] } } });

checkTable(configKeysCheck, [
  { name: "an environment's pack with thresholds and escalation passes", metrics, config: inProduction({ thresholds: { ratio: 0.9 }, escalation: 'The on-call DBA' }), expect: [] },
  {
    name: "an environment's pack repeating the config's options passes: a spread of the same options changes nothing",
    metrics,
    config: loose({ packs: [pack({ job: 'w', targets: { hosts: ['w:1'] } })], environments: { production: { packs: [pack({ job: 'w', targets: { hosts: ['w:1'] }, thresholds: { ratio: 0.9 } })] } } }),
    expect: [],
  },
  {
    name: "an environment's pack repeating the config's options in another key order passes: the same values",
    metrics,
    config: loose({
      packs: [pack({ targets: { hosts: ['w:1'], compose: ['w:2'] }, kubernetes: { podLabels: { a: '1', b: '2' } } })],
      environments: { production: { packs: [pack({ kubernetes: { podLabels: { b: '2', a: '1' } }, targets: { compose: ['w:2'], hosts: ['w:1'] }, thresholds: { ratio: 0.9 } })] } },
    }),
    expect: [],
  },
  {
    name: "an environment's pack leaving out an option the config gives passes: it is the config's there too",
    metrics,
    config: loose({ packs: [pack({ job: 'w' })], environments: { production: { packs: [pack({ thresholds: { ratio: 0.9 } })] } } }),
    expect: [],
  },
  {
    name: "an environment's pack naming another job is refused: only that environment's rules would follow it",
    metrics,
    config: inProduction({ job: 'widget-prod', thresholds: { ratio: 0.9 } }),
    expect: [
      "environments.production.packs[0].job: production cannot change the widget pack's job: it names the scrape job every environment shares, so production's rules would select a job no target has; set job on the config's widget() pack (an environment may change only a pack's thresholds and escalation)",
    ],
  },
  {
    name: "an environment's pack with targets is refused, pointing to the config's per-environment targets",
    metrics,
    config: inProduction({ targets: { production: ['w:1'] } }),
    expect: ["environments.production.packs[0].targets: production cannot change the widget pack's targets: targets belong to the scrape job every environment shares; list production's on the config's widget() pack, as targets: { production: ['host:port'] }"],
  },
  {
    name: "an environment's pack with another folder is refused: dashboards are rendered once",
    metrics,
    config: inProduction({ folder: 'Databases' }),
    expect: ["environments.production.packs[0].folder: production cannot change the widget pack's folder: its dashboards are rendered once, for every environment; set folder on the config's widget() pack"],
  },
  {
    name: "an environment's pack with where it runs is refused, with the general reason",
    metrics,
    config: inProduction({ runsIn: ['hosts'], notIn: { compose: 'no' } }),
    expect: [
      "environments.production.packs[0].runsIn: production cannot change the widget pack's runsIn: it shapes the pack's scrape jobs, dashboards or domains, which every environment shares, so only production's rules would follow it; set runsIn on the config's widget() pack",
      "environments.production.packs[0].notIn: production cannot change the widget pack's notIn",
    ],
  },
  { name: "an environment's pack with a misspelt option is named once, with the nearest key", metrics, config: inProduction({ escalaton: 'x' }), expect: ["environments.production.packs[0].escalaton: unknown key 'escalaton' in the widget pack's options, so it would be ignored: did you mean 'escalation'?"] },
  {
    name: "an environment's pack with a misspelt threshold is named, with the nearest name",
    metrics,
    config: inProduction({ thresholds: { ratoi: 0.9 } }),
    expect: ["environments.production.packs[0].thresholds.ratoi: unknown key 'ratoi' in the widget pack's thresholds, so it would be ignored: did you mean 'ratio'?"],
  },
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
