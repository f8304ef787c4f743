/**
 * The reference's generated Prometheus and Alertmanager configurations: they pass promtool check
 * config (rule files included) and amtool check-config, scrape the reference's six jobs, derive the
 * api job's limits from its catalogue, and hold the inhibitions its own alerts' `supersedes` add.
 * The engine's rendering (targets per environment, limits, routes, the heartbeat, inhibitions) is
 * proven on fixtures in test/configs.test.ts and test/alertmanager-routing.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { SAMPLE_HEADROOM } from '../../generator/model/scrape.ts';
import { worstCaseSeries } from '../../generator/model/series.ts';
import { runPipeline } from '../../generator/pipeline.ts';
import { runCommand } from '../helpers/command.ts';
import { REPO } from '../helpers/project.ts';

const GENERATED = join(REPO, 'generated');

const run = (command: string, args: string[], cwd: string) => runCommand(command, args, { cwd });

interface PrometheusYaml {
  rule_files: string[];
  alerting: { alertmanagers: { static_configs: { targets: string[] }[] }[] };
  scrape_configs: { job_name: string; sample_limit: number; label_limit: number; static_configs: { targets: string[] }[] }[];
}
const load = (path: string) => yaml.load(readFileSync(join(GENERATED, path), 'utf8'));

describe('Prometheus configuration', async () => {
  const result = await runPipeline(REPO);
  if (!result.ok) throw new Error('the reference project is invalid');

  it.each(['prometheus.yml', 'prometheus.hosts.yml'])('%s passes promtool check config, rule files included', async (file) => {
    const check = await run('promtool', ['check', 'config', file], join(GENERATED, 'prometheus'));
    expect(check.code, check.output).toBe(0);
    expect(check.output).toContain(`Checking ${file}`);
    expect(check.output.match(/SUCCESS: \d+ rules found/g)).toHaveLength(result.model.rules.length);
  });

  it('scrapes the six jobs, by service name under compose and on 127.0.0.1 on hosts', () => {
    const compose = load('prometheus/prometheus.yml') as PrometheusYaml;
    const hosts = load('prometheus/prometheus.hosts.yml') as PrometheusYaml;
    expect(compose.scrape_configs.map((job) => job.job_name).sort()).toEqual(['alertmanager', 'api', 'grafana', 'node-exporter', 'prometheus', 'worker']);
    for (const job of hosts.scrape_configs) expect(job.static_configs[0]!.targets.every((target) => target.startsWith('127.0.0.1:'))).toBe(true);
    expect(compose.scrape_configs.find((job) => job.job_name === 'api')!.static_configs[0]!.targets).toEqual(['api:8080']);
    expect(compose.alerting.alertmanagers[0]!.static_configs[0]!.targets).toEqual(['alertmanager:9093']);
    expect(hosts.alerting.alertmanagers[0]!.static_configs[0]!.targets).toEqual(['127.0.0.1:9093']);
  });

  it('derives the application jobs\' limits from the catalogue budget', () => {
    const api = result.model.scrapeJobs.find((job) => job.name === 'api')!;
    const budget = result.model.metrics.filter((m) => api.exposes.includes(m.domain)).reduce((sum, m) => sum + worstCaseSeries(m), 0);
    expect(api.exposes).toContain('http');
    expect(api.exposes).toContain('runtime');
    expect(api.sampleLimit).toBe(Math.ceil((budget * SAMPLE_HEADROOM) / 1000) * 1000);
    expect(api.sampleLimitReason).toMatch(/^worst-case series of /);
    const compose = load('prometheus/prometheus.yml') as PrometheusYaml;
    expect(compose.scrape_configs.find((job) => job.job_name === 'api')!.sample_limit).toBe(api.sampleLimit);
  });

  it('a broken configuration fails promtool, so the check above can fail', async () => {
    const check = await run('promtool', ['check', 'config', '/dev/stdin'], REPO);
    expect(check.code).not.toBe(0);
  });
});

describe('Alertmanager configuration', () => {
  const dir = join(GENERATED, 'alertmanager');

  it('passes amtool check-config', async () => {
    const check = await run('amtool', ['check-config', 'alertmanager.yml'], dir);
    expect(check.code, check.output).toBe(0);
    expect(check.output).toContain('SUCCESS');
  });

  it("lets the reference's alerts silence the warnings they supersede", () => {
    const config = load('alertmanager/alertmanager.yml') as { inhibit_rules: { source_matchers: string[]; target_matchers: string[]; equal: string[] }[] };
    expect(config.inhibit_rules).toContainEqual({
      source_matchers: ['alertname="EventQueueDepthCritical"'],
      target_matchers: ['alertname="EventQueueDepthHigh"'],
      equal: ['job', 'transport'],
    });
    expect(config.inhibit_rules).toContainEqual({ source_matchers: ['alertname="JobDown"'], target_matchers: ['alertname="TargetDown"'], equal: ['job'] });
  });
});
