/**
 * The reference's docker-compose.yml (written by hand), validated offline (there is no container
 * engine here): by Debian's docker-compose and by the compose-spec JSON schema, its images held to
 * versions.json, plus the promises its stack makes. The compose file the engine writes (`sextant
 * init`) and the reachability check itself are proven in test/compose.test.ts.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { runCommand } from '../helpers/command.ts';
import { composeSpecErrors, endpoints, projectPathOf, unreachable, type Compose } from '../helpers/compose.ts';
import { REPO } from '../helpers/project.ts';
import { imageOf, minorOf, VERSIONS } from '../../versions.ts';

const FILE = join(REPO, 'docker-compose.yml');
const compose = yaml.load(readFileSync(FILE, 'utf8')) as Compose;
const services = Object.entries(compose.services);
const repoPathOf = (service: Compose['services'][string], containerPath: string) => projectPathOf(REPO, service, containerPath);

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
    expect(composeSpecErrors(compose)).toBeUndefined();
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
});
