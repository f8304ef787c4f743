/**
 * `sextant init`: the project it writes passes `sextant check` as it is, through the real CLI and
 * the real tools (tsc, promtool, amtool, docker-compose), and a wrong expected value in its alert's
 * test fails the check naming that test. The project imports `sextant` from its node_modules
 * (helpers/sextant-package.ts). Also: init writes nothing when any of its files exists, and refuses
 * a service name that cannot be a metric namespace.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPOSE_EXPORTERS } from '../generator/init/exporters.ts';
import { COMPOSE_IMAGES } from '../generator/init/images.ts';
import { InitError, initProject } from '../generator/init/index.ts';
import { imageOf } from '../versions.ts';
import { runCli } from './helpers/project.ts';
import { sextantWorkspace, type Workspace } from './helpers/sextant-package.ts';

let workspace: Workspace;
beforeAll(async () => {
  workspace = await sextantWorkspace();
});
afterAll(() => workspace.remove());
const emptyProject = (name: string) => workspace.emptyProject(name);

/** The project's files, node_modules aside. */
function filesOf(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(root.length + 1))
    .filter((path) => !path.startsWith('node_modules'))
    .sort();
}

const WRITTEN = [
  '.github/workflows/monitoring.yml',
  '.gitignore',
  'README.md',
  'alerts/ledger.ts',
  'catalog/ledger.ts',
  'dashboards/ledger.ts',
  'docker-compose.yml',
  'scrape/ledger.ts',
  'sextant.config.ts',
  'tsconfig.json',
];

describe('sextant init', () => {
  it('writes a project, named after its directory, that generates and passes every step of check; a wrong expected value fails it naming the test', async () => {
    const root = emptyProject('ledger');
    const result = await initProject(root);
    expect(result).toEqual({ written: WRITTEN });
    expect(filesOf(root)).toEqual(WRITTEN);
    const config = readFileSync(join(root, 'sextant.config.ts'), 'utf8');
    expect(config).toContain("namespace: 'ledger'");
    // The node pack by default, in one line each: its import and its entry.
    expect(config).toContain("import node from 'sextant/packs/node';\n");
    expect(config).toMatch(/^ {4}node\(\),$/m);

    const generate = await runCli(['generate', '--root', root]);
    expect(generate.status, `${generate.stdout}${generate.stderr}`).toBe(0);
    expect(existsSync(join(root, 'generated/prometheus/rules/ledger.rules.yml'))).toBe(true);
    expect(existsSync(join(root, 'generated/grafana/dashboards/service/ledger-service.json'))).toBe(true);
    expect(existsSync(join(root, 'generated/prometheus/rules/node.rules.yml'))).toBe(true);
    expect(existsSync(join(root, 'generated/grafana/dashboards/infrastructure/ledger-hosts.json'))).toBe(true);
    expect(readFileSync(join(root, 'generated/prometheus/prometheus.yml'), 'utf8')).toContain('job_name: node\n');

    const check = await runCli(['check', '--root', root]);
    expect(check.status, `${check.stdout}${check.stderr}`).toBe(0);
    expect(check.stdout).not.toMatch(/^(FAILED|not run)/m);
    // Every tool ran: the compose file, the configs, the rule file and its tests.
    expect(check.stdout).toMatch(/^ok +docker-compose config .*docker-compose\.yml, \d+ compose targets, each a host the stack defines$/m);
    expect(check.stdout).toMatch(/^ok +amtool check-config /m);
    expect(check.stdout).toMatch(/^ok +promtool test rules .* \d+ tests in \d+ files$/m);
    expect(check.stdout).toMatch(/^check passed: 8 steps in [\d.]+ s\.$/m);

    const alerts = join(root, 'alerts/ledger.ts');
    writeFileSync(alerts, readFileSync(alerts, 'utf8').replace("description: '10% of requests", "description: '11% of requests"));
    expect((await runCli(['generate', '--root', root])).status).toBe(0);
    const broken = await runCli(['check', '--root', root]);
    expect(broken.status).toBe(1);
    expect(broken.stderr).toContain("alerts/ledger.ts: alert LedgerErrorRatioHigh: test '10% of requests fail' failed:");
    expect(broken.stderr).toMatch(/^check FAILED in [\d.]+ s: 1 of 8 steps failed \(promtool-test\)\.$/m);
    // Two full checks, each running the node pack's promtool tests too.
  }, 300_000);

  it('names everything after --service: the namespace, the files and the alert', async () => {
    const root = emptyProject('monitoring');
    const result = await initProject(root, { service: 'payments_api' });
    expect('written' in result && result.written).toContain('catalog/payments_api.ts');
    expect(readFileSync(join(root, 'sextant.config.ts'), 'utf8')).toContain("namespace: 'payments_api'");
    expect(readFileSync(join(root, 'alerts/payments_api.ts'), 'utf8')).toContain("name: 'PaymentsApiErrorRatioHigh'");
    expect(readFileSync(join(root, 'README.md'), 'utf8')).toMatch(/^# Payments Api monitoring$/m);
  });

  it('with --packs= uses no pack: its own scrape jobs for node_exporter, Prometheus and Alertmanager instead, which generate', async () => {
    const root = emptyProject('ledger');
    const result = await initProject(root, { packs: [] });
    expect('written' in result && result.written).toEqual(expect.arrayContaining(['scrape/node_exporter.ts', 'scrape/prometheus.ts', 'scrape/alertmanager.ts']));
    const config = readFileSync(join(root, 'sextant.config.ts'), 'utf8');
    expect(config).not.toContain('packs');
    expect(config).not.toContain('sextant/packs/');
    expect((await runCli(['generate', '--root', root])).status).toBe(0);
    expect(readFileSync(join(root, 'generated/prometheus/prometheus.yml'), 'utf8')).toMatch(/alertmanagers:[\s\S]*alertmanager:9093/);
  });

  it('with a data store pack only, still scrapes Prometheus and Alertmanager with its own jobs', async () => {
    const root = emptyProject('ledger');
    const result = await initProject(root, { packs: ['postgres'] });
    expect('written' in result && result.written).toEqual(expect.arrayContaining(['scrape/node_exporter.ts', 'scrape/prometheus.ts', 'scrape/alertmanager.ts']));
    expect(readFileSync(join(root, 'sextant.config.ts'), 'utf8')).toContain("import postgres from 'sextant/packs/postgres';");
  });

  it('refuses an unknown pack with the packs it knows, and writes nothing', async () => {
    const root = emptyProject('ledger');
    const init = initProject(root, { packs: ['node', 'nod'] });
    await expect(init).rejects.toBeInstanceOf(InitError);
    await expect(init).rejects.toThrow(/unknown pack 'nod' \(did you mean 'node'\?\): the packs sextant ships are\n(?: {2}.*\n)* {2}node: hosts through node_exporter/);
    expect(filesOf(root)).toEqual([]);
    const cli = await runCli(['init', root, '--packs', 'node,redis_x'], root);
    expect(cli.status).toBe(2);
    expect(cli.stderr).toContain("sextant init: unknown pack 'redis_x'");
    expect(filesOf(root)).toEqual([]);
  });

  it('writes a GitHub Actions workflow that installs the project and runs sextant check', async () => {
    const root = emptyProject('ledger');
    await initProject(root);
    const workflow = yaml.load(readFileSync(join(root, '.github/workflows/monitoring.yml'), 'utf8')) as { on: Record<string, unknown>; jobs: Record<string, { steps: { uses?: string; run?: string }[] }> };
    expect(Object.keys(workflow.on)).toEqual(['push', 'pull_request']);
    const steps = Object.values(workflow.jobs).flatMap((job) => job.steps.map((step) => step.uses ?? step.run));
    expect(steps).toEqual(['actions/checkout@v4', 'actions/setup-node@v4', 'npm ci', 'sudo apt-get install -y --no-install-recommends docker-compose', 'npx sextant tools', 'npx sextant check']);
    expect(readFileSync(join(root, '.gitignore'), 'utf8').split('\n')).toEqual(expect.arrayContaining(['node_modules/', '.tools/', '.sextant/']));
  });

  it('writes nothing when any file it would write exists, and lists those files', async () => {
    const root = emptyProject('ledger');
    mkdirSync(join(root, 'scrape'));
    writeFileSync(join(root, 'README.md'), 'mine\n');
    writeFileSync(join(root, 'scrape/ledger.ts'), 'mine\n');
    expect(await initProject(root)).toEqual({ refused: ['README.md', 'scrape/ledger.ts'] });
    expect(filesOf(root)).toEqual(['README.md', 'scrape/ledger.ts']);
    expect(readFileSync(join(root, 'README.md'), 'utf8')).toBe('mine\n');
  });

  it.each([
    ['a directory name that is not snake_case', 'ledger-api', undefined, /service name 'ledger-api' is not lowercase snake_case.*--service, such as 'ledger_api'.*taken from the directory's name, ledger-api/],
    ['a --service with capitals', 'x', 'Ledger', /service name 'Ledger' is not lowercase snake_case.*such as 'ledger'/],
    ['a --service starting with a digit', 'x', '2fa', /service name '2fa' is not lowercase snake_case \(a letter, then/],
  ])('refuses %s, naming the rule and a name it would take, and writes nothing', async (_, dir, service, message) => {
    const root = emptyProject(dir);
    const init = initProject(root, service === undefined ? {} : { service });
    await expect(init).rejects.toBeInstanceOf(InitError);
    await expect(init).rejects.toThrow(message);
    expect(filesOf(root)).toEqual([]);
  });

  it('pins the compose images to the versions the reference project runs', () => {
    expect(COMPOSE_IMAGES).toEqual({
      prometheus: imageOf('prometheus'),
      alertmanager: imageOf('alertmanager'),
      grafana: imageOf('grafana'),
      nodeExporter: imageOf('nodeExporter'),
      alertReceiver: imageOf('alertReceiver'),
      mysqldExporter: imageOf('mysqldExporter'),
      postgresExporter: imageOf('postgresExporter'),
      redisExporter: imageOf('redisExporter'),
      mongodbExporter: expect.any(String),
      kafkaExporter: expect.any(String),
    });
  });

  it.each(Object.entries(COMPOSE_EXPORTERS))("runs the %s pack's exporter on the image its pack describes", (_, exporter) => {
    expect(exporter.pack().versions).toContain(exporter.image);
  });

  it('with the data store packs, runs each exporter as the service its pack scrapes in compose; check passes, and fails naming a job whose host the compose file lacks', async () => {
    const root = emptyProject('ledger');
    const packs = ['alertmanager', 'node', 'prometheus', 'kafka', 'kubernetes', 'mongodb', 'mysql', 'postgres', 'redis'];
    await initProject(root, { packs });
    expect((await runCli(['generate', '--root', root])).status).toBe(0);
    const compose = yaml.load(readFileSync(join(root, 'docker-compose.yml'), 'utf8')) as { services: Record<string, { network_mode?: string }> };
    const prometheus = yaml.load(readFileSync(join(root, 'generated/prometheus/prometheus.yml'), 'utf8')) as { scrape_configs: { job_name: string; static_configs: { targets: string[] }[] }[] };
    const hosts = Object.fromEntries(prometheus.scrape_configs.map((job) => [job.job_name, job.static_configs.flatMap((config) => config.targets).map((target) => target.split(':')[0]!)]));
    // kube-state-metrics and cAdvisor do not run in compose (the pack's notIn): no target is left for them.
    expect(hosts).toEqual({
      alertmanager: ['alertmanager'],
      kafka: ['kafka-exporter'],
      ledger: ['host.docker.internal'],
      mongodb: ['mongodb-exporter'],
      mysql: ['mysqld-exporter'],
      node: ['host.docker.internal'],
      postgres: ['postgres-exporter'],
      prometheus: ['localhost'],
      redis: ['redis-exporter'],
    });
    const exporters = Object.values(hosts).flat().filter((host) => host.endsWith('-exporter'));
    for (const host of exporters) expect(compose.services[host], host).toBeDefined();
    // The exporters' secrets come from the environment when the stack starts: none is written in the file.
    expect(readFileSync(join(root, 'docker-compose.yml'), 'utf8')).toMatch(/MYSQLD_EXPORTER_PASSWORD: \$\{MYSQLD_EXPORTER_PASSWORD:\?/);

    const check = await runCli(['check', '--root', root]);
    expect(check.status, `${check.stdout}${check.stderr}`).toBe(0);
    expect(check.stdout).toMatch(/^ok +docker-compose config .* 9 compose targets, each a host the stack defines$/m);

    // A job of the project's own whose compose target no service of the file answers to.
    writeFileSync(
      join(root, 'scrape/cache.ts'),
      "import { defineScrapeJob } from 'sextant';\nexport default defineScrapeJob({ name: 'cache', targets: { compose: ['cache-exporter:9121'], hosts: ['127.0.0.1:9121'] }, sampleLimit: { samples: 1000, reason: 'a test job' } });\n",
    );
    expect((await runCli(['generate', '--root', root])).status).toBe(0);
    const broken = await runCli(['check', '--root', root]);
    expect(broken.status).toBe(1);
    expect(broken.stderr).toContain('scrape/cache.ts: scrape job cache: target cache-exporter:9121: cache-exporter is no service of docker-compose.yml (its services: alert-receiver, alertmanager, grafana, kafka-exporter, mongodb-exporter, mysqld-exporter, postgres-exporter, prometheus, redis-exporter)');
    expect(broken.stderr).toMatch(/^check FAILED in [\d.]+ s: 1 of 8 steps failed \(compose\)\.$/m);
  }, 300_000);
});
