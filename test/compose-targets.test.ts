/**
 * The compose step's target check (generator/check/compose-targets.ts): which hosts a compose
 * environment's Prometheus configuration may name, given the services of the compose file, and
 * which targets of a model it checks. Through the real CLI: test/init.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { composeTargets, unresolvedTargets, type ComposeService } from '../generator/check/compose-targets.ts';
import { defineScrapeJob, gauge } from '../generator/index.ts';
import { buildScrapeJobs } from '../generator/model/scrape.ts';
import { modelOf } from './helpers/check-table.ts';

const SERVICES: Record<string, ComposeService> = {
  prometheus: { extra_hosts: ['host.docker.internal:host-gateway', 'db.internal:10.0.0.5'] },
  alertmanager: {},
  cache: { container_name: 'cache-1', networks: { default: { aliases: ['redis'] } } },
  worker: { networks: ['default'] },
  'node-exporter': { network_mode: 'host' },
};
const job = (target: string) => ({ file: 'scrape/shop.ts', definition: 'scrape job shop', target });

describe('hosts a compose Prometheus reaches', () => {
  it.each([
    ['a service by its name', 'alertmanager:9093'],
    ['a service by its container_name', 'cache-1:6379'],
    ['a service by a network alias', 'redis:6379'],
    ['a service whose networks are a list', 'worker:8081'],
    ['a name a service maps in extra_hosts', 'db.internal:9187'],
    ['the Docker host', 'host.docker.internal:9100'],
    ['Prometheus itself as localhost', 'localhost:9090'],
    ['a literal IPv4 address', '10.1.2.3:9100'],
    ['a literal IPv6 address', '[fd00::1]:9100'],
  ])('accepts %s', (_, target) => {
    expect(unresolvedTargets('docker-compose.yml', SERVICES, [job(target)])).toEqual([]);
  });

  it('refuses a host the file does not define, naming the job, the target, the services and the fix', () => {
    const [problem, ...more] = unresolvedTargets('docker-compose.yml', SERVICES, [job('postgres-exporter:9187')]);
    expect(more).toEqual([]);
    expect(problem).toBe(
      'scrape/shop.ts: scrape job shop: target postgres-exporter:9187: postgres-exporter is no service of docker-compose.yml (its services: alertmanager, cache, prometheus, worker), so Prometheus cannot resolve it and the target stays down. ' +
        "Fix: add a service postgres-exporter to docker-compose.yml (the exporter or program it scrapes), point the job's compose target at a host the stack defines (targets.compose, or a pack's targets option), or say why the job does not run in compose (notIn: { compose: 'why' }).",
    );
  });

  it("refuses a host-network service by its name, which does not resolve, with the address that reaches it", () => {
    expect(unresolvedTargets('compose.yaml', SERVICES, [job('node-exporter:9100')])).toEqual([
      expect.stringContaining("target node-exporter:9100: node-exporter runs in the host's network (network_mode: host) in compose.yaml, where its name does not resolve: Prometheus reaches it as host.docker.internal:9100."),
    ]);
  });

  it('refuses an Alertmanager the file does not run, with the fix for alerting', () => {
    const [problem] = unresolvedTargets('docker-compose.yml', { prometheus: {} }, [{ file: 'generated/prometheus/prometheus.yml', definition: 'alerting', target: 'alertmanager:9093' }]);
    expect(problem).toMatch(/^generated\/prometheus\/prometheus\.yml: alerting: target alertmanager:9093: alertmanager is no service of docker-compose\.yml \(its services: prometheus\).*Fix: run Alertmanager in docker-compose\.yml as alertmanager/);
  });
});

describe('the targets the check reads from the model', () => {
  const base = modelOf({ m: gauge({ name: 'g', help: 'h' }) }, 'app');
  const withJobs = (...jobs: ReturnType<typeof defineScrapeJob>[]) => ({
    ...base,
    scrapeJobs: buildScrapeJobs(jobs.map((value) => ({ file: `scrape/${value.name}.ts`, value })), base).jobs,
  });
  const limit = { samples: 10, reason: 'r' };

  it("are the compose targets of the jobs that run in compose, and the default Alertmanager when no job's target is it", () => {
    const model = withJobs(
      defineScrapeJob({ name: 'shop', targets: { compose: ['shop:8080', 'shop-2:8080'], hosts: ['127.0.0.1:8080'] }, sampleLimit: limit }),
      defineScrapeJob({ name: 'ksm', runsIn: ['kubernetes'], notIn: { compose: 'cluster only', hosts: 'cluster only' }, sampleLimit: limit }),
    );
    expect(composeTargets(model)).toEqual([
      { file: 'scrape/shop.ts', definition: 'scrape job shop', target: 'shop:8080' },
      { file: 'scrape/shop.ts', definition: 'scrape job shop', target: 'shop-2:8080' },
      { file: 'generated/prometheus/prometheus.yml', definition: 'alerting', target: 'alertmanager:9093' },
    ]);
  });

  it('name the Alertmanager once when a job that receives alerts scrapes it', () => {
    const model = withJobs(defineScrapeJob({ name: 'am', targets: { compose: ['am:9094'], hosts: ['127.0.0.1:9094'] }, sampleLimit: limit, receivesAlerts: true }));
    expect(composeTargets(model).map(({ definition, target }) => `${definition} ${target}`)).toEqual(['scrape job am am:9094']);
  });

  it('are none without scrape jobs: no Prometheus configuration is generated', () => {
    expect(composeTargets(withJobs())).toEqual([]);
  });
});
