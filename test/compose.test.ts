/**
 * The compose file the engine writes (`sextant init`), beside the configurations `generate` writes
 * for it, validated offline (no container engine here): by Debian's docker-compose and the
 * compose-spec JSON schema; every image pinned, ports on 127.0.0.1 only, configuration mounted
 * read-only from files that exist, and every host:port a generated configuration names reachable
 * from the service that reads it; with the data store packs, their exporters too, whose connection
 * secrets the user must set. The reference's own docker-compose.yml is in test/reference/compose.test.ts.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import yaml from 'js-yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { initProject } from '../generator/init/index.ts';
import { SERVICE_PORT } from '../generator/init/names.ts';
import { runPipeline } from '../generator/pipeline.ts';
import { runCommand } from './helpers/command.ts';
import { composeSpecErrors, endpoints, projectPathOf, unreachable, type Compose } from './helpers/compose.ts';
import { scratchProject } from './helpers/project.ts';

const project = scratchProject();
afterAll(() => project.remove());
await initProject(project.root, { service: 'ledger' });
const result = await runPipeline(project.root);
if (!result.ok) throw new Error(`the init'd project is invalid: ${result.problems.map((p) => p.message).join('; ')}`);
for (const file of result.files) {
  mkdirSync(dirname(join(project.root, 'generated', file.path)), { recursive: true });
  writeFileSync(join(project.root, 'generated', file.path), file.content);
}
const FILE = join(project.root, 'docker-compose.yml');
const compose = yaml.load(readFileSync(FILE, 'utf8')) as Compose;
const services = Object.entries(compose.services);

/** The generated configurations the compose services read, by the service that reads each. */
function composeConfigs(): { reader: string; file: string }[] {
  const configFile = (name: string) => projectPathOf(project.root, compose.services[name]!, compose.services[name]!.command!.find((arg) => arg.startsWith('--config.file='))!.split('=')[1]!);
  const datasources = projectPathOf(project.root, compose.services.grafana!, '/etc/grafana/provisioning/datasources');
  return [
    { reader: 'prometheus', file: configFile('prometheus') },
    { reader: 'alertmanager', file: configFile('alertmanager') },
    ...readdirSync(datasources).map((name) => ({ reader: 'grafana', file: join(datasources, name) })),
  ];
}

const dockerCompose = (env: Record<string, string>) => runCommand('docker-compose', ['-f', FILE, 'config', '-q'], { cwd: project.root, env: { PATH: process.env.PATH ?? '', ...env } });

describe("the compose file sextant init writes, with generate's configurations", () => {
  it('is valid for docker-compose', async () => {
    const run = await dockerCompose({ GRAFANA_ADMIN_PASSWORD: 'test-only' });
    expect(run.output).toBe('');
    expect(run.code).toBe(0);
  });

  it('refuses to start without a Grafana admin password, saying which variable to set', async () => {
    const run = await dockerCompose({});
    expect(run.code).not.toBe(0);
    expect(run.output).toContain('set GRAFANA_ADMIN_PASSWORD');
  });

  it('matches the compose-spec schema', () => {
    expect(composeSpecErrors(compose)).toBeUndefined();
  });

  it('the schema refuses what compose refuses, so the check above can fail', () => {
    expect(composeSpecErrors({ ...compose, services: { ...compose.services, prometheus: { ...compose.services.prometheus, ports: 9090 } } })).toBeDefined();
  });

  it('runs Prometheus, Alertmanager, Grafana, node_exporter and a receiver for notifications', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['alert-receiver', 'alertmanager', 'grafana', 'node-exporter', 'prometheus']);
  });

  it.each(services)('%s: pins its image, publishes ports on 127.0.0.1 only', (_name, service) => {
    expect(service.image).toMatch(/:[\w.-]+$/);
    expect(service.image).not.toMatch(/:latest$/);
    for (const port of service.ports ?? []) expect(port).toMatch(/^127\.0\.0\.1:/);
  });

  it.each(services)('%s: mounts files that exist, configuration read-only', (_name, service) => {
    for (const volume of service.volumes ?? []) {
      const [source, , mode] = volume.split(':');
      if (source!.startsWith('./')) {
        expect(existsSync(join(project.root, source!)), source).toBe(true);
        expect(mode, volume).toBe('ro');
      } else if (!source!.startsWith('/')) expect(Object.keys(compose.volumes)).toContain(source);
    }
  });

  it('reads the generated configurations of Prometheus, Alertmanager and Grafana', () => {
    expect(composeConfigs().map(({ reader, file }) => `${reader} ${file.slice(project.root.length + 1)}`)).toEqual([
      'prometheus generated/prometheus/prometheus.yml',
      'alertmanager generated/alertmanager/alertmanager.yml',
      ...readdirSync(join(project.root, 'generated/grafana/provisioning/datasources')).map((name) => `grafana generated/grafana/provisioning/datasources/${name}`),
    ]);
  });

  // The user's service runs on the host, outside the compose file, on the port init gives it.
  it.each(composeConfigs())('$reader reaches every host:port that $file names', ({ reader, file }) => {
    const config = yaml.load(readFileSync(file, 'utf8'));
    expect(endpoints(config).length, 'names some host:port').toBeGreaterThan(0);
    expect(unreachable(compose, reader, config, [SERVICE_PORT])).toEqual([]);
  });
});

describe('the reachability check', () => {
  const stack: Compose = {
    volumes: {},
    services: {
      prometheus: { ports: ['127.0.0.1:9090:9090'], extra_hosts: ['host.docker.internal:host-gateway'] },
      alertmanager: { command: ['--web.listen-address=:9093'] },
      node: { network_mode: 'host', command: ['--web.listen-address=:9100'] },
      grafana: {},
    },
  };
  it.each([
    { name: 'accepts a service on a port it listens on, and the reader itself as localhost', reader: 'prometheus', config: { targets: ['alertmanager:9093', 'localhost:9090'] }, problems: [] },
    { name: 'refuses a host that is no compose service', reader: 'prometheus', config: { url: 'http://alert-receiver:9095/page' }, problems: ['http://alert-receiver:9095/page: alert-receiver is not a compose service'] },
    { name: 'refuses a port the service does not listen on', reader: 'prometheus', config: ['alertmanager:9094'], problems: ['alertmanager:9094: alertmanager does not listen on 9094 (it listens on 9093)'] },
    { name: 'refuses a host-network service by its name', reader: 'prometheus', config: ['node:9100'], problems: ["node:9100: node runs in the host's network, reachable as host.docker.internal only"] },
    { name: 'refuses the host gateway to a reader without it', reader: 'grafana', config: ['host.docker.internal:9100'], problems: ['host.docker.internal:9100: grafana has no host.docker.internal:host-gateway in extra_hosts'] },
    { name: 'accepts the host gateway to a host-network service', reader: 'prometheus', config: ['host.docker.internal:9100'], problems: [] },
    { name: 'refuses the host gateway to a port nothing listens on', reader: 'prometheus', config: ['host.docker.internal:8080'], problems: ["host.docker.internal:8080: no service in the host's network listens on 8080"] },
  ])('$name', ({ reader, config, problems }) => {
    expect(unreachable(stack, reader, config)).toEqual(problems);
  });
});

describe('the compose file sextant init writes with the data store packs', async () => {
  const packed = scratchProject();
  afterAll(() => packed.remove());
  await initProject(packed.root, { service: 'ledger', packs: ['alertmanager', 'node', 'prometheus', 'kafka', 'mongodb', 'mysql', 'postgres', 'redis'] });
  const generated = await runPipeline(packed.root);
  if (!generated.ok) throw new Error(`the init'd project is invalid: ${generated.problems.map((p) => p.message).join('; ')}`);
  const prometheus = yaml.load(generated.files.find((file) => file.path === 'prometheus/prometheus.yml')!.content);
  const file = join(packed.root, 'docker-compose.yml');
  const stack = yaml.load(readFileSync(file, 'utf8')) as Compose;
  const secrets: Record<string, string> = { GRAFANA_ADMIN_PASSWORD: 'test-only', MONGODB_URI: 'mongodb://u:p@host.docker.internal:27017/admin', MYSQLD_EXPORTER_PASSWORD: 'test-only', POSTGRES_EXPORTER_PASSWORD: 'test-only', REDIS_PASSWORD: '' };
  const config = (env: Record<string, string>) => runCommand('docker-compose', ['-f', file, 'config', '-q'], { cwd: packed.root, env: { PATH: process.env.PATH ?? '', ...env } });

  it('runs an exporter per data store, each image pinned, and Prometheus reaches every host:port of its configuration', () => {
    expect(Object.keys(stack.services).filter((name) => name.endsWith('-exporter')).sort()).toEqual(['kafka-exporter', 'mongodb-exporter', 'mysqld-exporter', 'node-exporter', 'postgres-exporter', 'redis-exporter']);
    for (const service of Object.values(stack.services)) expect(service.image).toMatch(/:[\w.-]+$/);
    expect(unreachable(stack, 'prometheus', prometheus, [SERVICE_PORT])).toEqual([]);
    expect(composeSpecErrors(stack)).toBeUndefined();
  });

  it('is valid for docker-compose with the connection secrets given', async () => {
    const run = await config(secrets);
    expect(run.output).toBe('');
    expect(run.code).toBe(0);
  });

  it.each(['MONGODB_URI', 'MYSQLD_EXPORTER_PASSWORD', 'POSTGRES_EXPORTER_PASSWORD', 'REDIS_PASSWORD'])('refuses to start without %s, saying what to set: no default secret', async (name) => {
    const { [name]: _, ...others } = secrets;
    const run = await config(others);
    expect(run.code).not.toBe(0);
    expect(run.output).toContain(`set ${name}`);
  });
});
