/**
 * The Prometheus and Alertmanager configurations the engine renders, checked by the real tools on the
 * fixture project: promtool check config (rule files included), the jobs' targets per environment and
 * their limits derived from the catalogue, amtool check-config, and amtool's route test sending each
 * severity to its receiver; on a pack project, the heartbeat's route and the inhibitions
 * `supersedes` adds. The reference's own are in test/reference/configs.test.ts.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import yaml from 'js-yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { SAMPLE_HEADROOM } from '../generator/model/scrape.ts';
import { worstCaseSeries } from '../generator/model/series.ts';
import { runPipeline } from '../generator/pipeline.ts';
import { runCommand } from './helpers/command.ts';
import { packProject } from './helpers/pack-live.ts';
import { FIXTURE_PROJECT } from './helpers/project.ts';

const out = mkdtempSync(join(tmpdir(), 'sextant-configs-'));
interface PrometheusYaml {
  alerting: { alertmanagers: { static_configs: { targets: string[] }[] }[] };
  scrape_configs: { job_name: string; sample_limit: number; static_configs: { targets: string[] }[] }[];
}
const load = (path: string) => yaml.load(readFileSync(join(out, path), 'utf8')) as PrometheusYaml;
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('the rendered configurations under the real tools', async () => {
  const result = await runPipeline(FIXTURE_PROJECT);
  if (!result.ok) throw new Error('the fixture project is invalid');
  for (const file of result.files) {
    mkdirSync(dirname(join(out, file.path)), { recursive: true });
    writeFileSync(join(out, file.path), file.content);
  }

  it.each(['prometheus.yml', 'prometheus.hosts.yml'])('%s passes promtool check config, its rule files included', async (file) => {
    const check = await runCommand('promtool', ['check', 'config', file], { cwd: join(out, 'prometheus') });
    expect(check.code, check.output).toBe(0);
    expect(check.output.match(/SUCCESS: \d+ rules found/g)).toHaveLength(result.model.rules.length);
  });

  it('a configuration naming a rule file that is not there fails promtool, so the check above can fail', async () => {
    writeFileSync(join(out, 'prometheus/broken.yml'), 'rule_files:\n  - rules/missing.rules.yml\n');
    const check = await runCommand('promtool', ['check', 'config', 'broken.yml'], { cwd: join(out, 'prometheus') });
    expect(check.code).not.toBe(0);
  });

  it('scrapes each job by service name under compose and on its host address on hosts; Alertmanager likewise', () => {
    const compose = load('prometheus/prometheus.yml');
    const hosts = load('prometheus/prometheus.hosts.yml');
    // The redis job does not run under compose (runsIn): it is left out there.
    expect(compose.scrape_configs.map((job) => job.job_name)).toEqual(['shop']);
    expect(hosts.scrape_configs.map((job) => job.job_name).sort()).toEqual(['redis', 'shop']);
    expect(compose.scrape_configs[0]!.static_configs[0]!.targets).toEqual(['shop:8080']);
    for (const job of hosts.scrape_configs) expect(job.static_configs[0]!.targets.every((target) => target.startsWith('127.0.0.1:'))).toBe(true);
    expect(compose.alerting.alertmanagers[0]!.static_configs[0]!.targets).toEqual(['alertmanager:9093']);
    expect(hosts.alerting.alertmanagers[0]!.static_configs[0]!.targets).toEqual(['127.0.0.1:9093']);
  });

  it("derives an application job's sample limit from the worst-case series of the domains it exposes", () => {
    const shop = result.model.scrapeJobs.find((job) => job.name === 'shop')!;
    const budget = result.model.metrics.filter((metric) => shop.exposes.includes(metric.domain)).reduce((sum, metric) => sum + worstCaseSeries(metric), 0);
    expect(shop.exposes).toEqual(['checkout']);
    expect(budget).toBeGreaterThan(0);
    expect(shop.sampleLimit).toBe(Math.ceil((budget * SAMPLE_HEADROOM) / 1000) * 1000);
    expect(shop.sampleLimitReason).toMatch(/^worst-case series of /);
    for (const file of ['prometheus/prometheus.yml', 'prometheus/prometheus.hosts.yml']) {
      expect(load(file).scrape_configs.find((job) => job.job_name === 'shop')!.sample_limit).toBe(shop.sampleLimit);
    }
  });

  it('alertmanager.yml passes amtool check-config', async () => {
    const check = await runCommand('amtool', ['check-config', 'alertmanager.yml'], { cwd: join(out, 'alertmanager') });
    expect(check.code, check.output).toBe(0);
  });

  it.each([
    { labels: ['severity=critical'], receiver: 'page' },
    { labels: ['severity=warning'], receiver: 'ticket' },
    { labels: ['severity=info'], receiver: 'info' },
    { labels: [], receiver: 'ticket' },
    { labels: ['severity=critical', 'notify=meta'], receiver: 'meta' },
  ])('routes alerts labelled $labels to $receiver', async ({ labels, receiver }) => {
    const routed = await runCommand('amtool', ['config', 'routes', 'test', '--config.file=alertmanager.yml', ...labels, 'alertname=Any'], { cwd: join(out, 'alertmanager') });
    expect(routed.stdout.trim()).toBe(receiver);
  });
});

describe("a pack project's Alertmanager configuration", async () => {
  const pack = await packProject(
    "import alertmanager from 'sextant/packs/alertmanager';\nimport node from 'sextant/packs/node';\nimport prometheus from 'sextant/packs/prometheus';",
    'node(), prometheus(), alertmanager()',
  );
  afterAll(() => pack.project.remove());
  const dir = join(pack.project.root, 'generated/alertmanager');
  const config = yaml.load(readFileSync(join(dir, 'alertmanager.yml'), 'utf8')) as {
    route: { group_by: string[]; routes: { receiver: string; repeat_interval?: string }[] };
    inhibit_rules: { source_matchers: string[]; target_matchers: string[]; equal: string[] }[];
  };

  it('passes amtool check-config', async () => {
    const check = await runCommand('amtool', ['check-config', 'alertmanager.yml'], { cwd: dir });
    expect(check.code, check.output).toBe(0);
  });

  it.each([
    { labels: ['severity=info', 'alertname=Watchdog'], receiver: 'deadmansswitch' },
    { labels: ['severity=warning', 'notify=meta', 'alertname=AlertmanagerNotificationsFailing'], receiver: 'meta' },
    { labels: ['severity=info', 'alertname=Any'], receiver: 'info' },
  ])('routes $labels to $receiver', async ({ labels, receiver }) => {
    const routed = await runCommand('amtool', ['config', 'routes', 'test', '--config.file=alertmanager.yml', ...labels], { cwd: dir });
    expect(routed.stdout.trim()).toBe(receiver);
  });

  it("resends the heartbeat to the dead man's switch every minute", () => {
    expect(config.route.routes.find((route) => route.receiver === 'deadmansswitch')?.repeat_interval).toBe('1m');
  });

  it('groups by alert and service; a critical alert silences its warning twin, and an alert what it supersedes on the labels both carry', () => {
    expect(config.route.group_by).toEqual(['alertname', 'service']);
    expect(config.inhibit_rules).toContainEqual({ source_matchers: ['severity="critical"'], target_matchers: ['severity="warning"'], equal: ['alertname', 'job', 'instance'] });
    const disk = config.inhibit_rules.find((rule) => rule.target_matchers[0] === 'alertname="NodeDiskFillingUp"');
    expect(disk?.source_matchers).toEqual(['alertname="NodeDiskWillFillSoon"']);
    expect(disk?.equal).toEqual(expect.arrayContaining(['instance', 'job', 'mountpoint']));
  });
});
