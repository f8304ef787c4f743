/**
 * Whether the Prometheus of a compose stack can resolve every host its configuration for the compose
 * environment names: each scrape target and the Alertmanager it sends alerts to. A host the compose
 * file does not define is a target that stays down for ever while every check of the files passes.
 *
 * Reached on purpose, and accepted: a service of the file by its name, its container_name or a
 * network alias; a name some service maps in extra_hosts (the check does not guess which service is
 * Prometheus); host.docker.internal (the Docker host: Docker Desktop defines it, a Linux host through
 * extra_hosts' host-gateway); localhost; a literal IP address. A service with network_mode: host is
 * not on the compose network: its name does not resolve, and it is reached as host.docker.internal.
 * Ports are not checked: an image listens where its own configuration says, which the file need not
 * repeat. The check assumes Prometheus runs on the compose network, as the stack `sextant init`
 * writes runs it.
 */
import { isIP } from 'node:net';
import type { Model } from '../model/types.ts';
import { alertmanagerTarget, prometheusConfigPath } from '../render/prometheus-config.ts';

/** A service as `docker-compose config` prints it, with what decides the names it answers to. */
export interface ComposeService {
  readonly container_name?: string;
  readonly network_mode?: string;
  readonly extra_hosts?: readonly string[] | Readonly<Record<string, string>>;
  readonly networks?: readonly string[] | Readonly<Record<string, { readonly aliases?: readonly string[] } | null>>;
}

/** A host:port Prometheus connects to in the compose environment, and who names it. */
export interface ComposeTarget {
  /** Where it is written (`scrape/shop.ts`, `sextant/packs/postgres/scrape`). */
  readonly file: string;
  /** `scrape job shop`, or `alerting` for the Alertmanager Prometheus sends to. */
  readonly definition: string;
  readonly target: string;
}

/** Every host:port the compose environment's Prometheus configuration connects to, with who names it. */
export function composeTargets(model: Model): ComposeTarget[] {
  // Without scrape jobs no Prometheus configuration is generated.
  if (model.scrapeJobs.length === 0) return [];
  const jobs = model.scrapeJobs.filter((job) => job.runsIn.includes('compose'));
  const scraped = jobs.flatMap((job) => (job.targets.compose ?? []).map((target) => ({ file: job.file, definition: `scrape job ${job.name}`, target })));
  // Usually a target of the job that receivesAlerts, checked as such; else the engine's default.
  const alertmanager = alertmanagerTarget(model, 'compose');
  const sendsElsewhere = alertmanager !== undefined && !scraped.some(({ target }) => target === alertmanager);
  return [...scraped, ...(sendsElsewhere ? [{ file: `generated/${prometheusConfigPath('compose')}`, definition: 'alerting', target: alertmanager }] : [])];
}

/** Names every container on the compose network resolves to reach this host (Docker's host gateway). */
const HOST_GATEWAY = 'host.docker.internal';

/** One line per target whose host the stack does not define: cause first, then the fix. */
export function unresolvedTargets(file: string, services: Readonly<Record<string, ComposeService>>, targets: readonly ComposeTarget[]): string[] {
  const onNetwork = Object.entries(services).filter(([, service]) => service.network_mode !== 'host');
  const hostNetwork = new Set(Object.entries(services).filter(([, service]) => service.network_mode === 'host').map(([name]) => name));
  const names = new Set([
    ...onNetwork.flatMap(([name, service]) => [name, ...(service.container_name ? [service.container_name] : []), ...aliases(service)]),
    ...Object.values(services).flatMap(extraHosts),
    HOST_GATEWAY,
    'localhost',
  ]);
  const defined = onNetwork.map(([name]) => name).sort().join(', ') || 'none';
  return targets.flatMap(({ file: where, definition, target }) => {
    const host = hostOf(target);
    if (names.has(host) || isIP(host) !== 0) return [];
    const port = target.slice(target.lastIndexOf(':') + 1);
    const cause = hostNetwork.has(host)
      ? `${host} runs in the host's network (network_mode: host) in ${file}, where its name does not resolve: Prometheus reaches it as ${HOST_GATEWAY}:${port}`
      : `${host} is no service of ${file} (its services: ${defined}), so Prometheus cannot resolve it and the target stays down`;
    const fix =
      definition === 'alerting'
        ? `run Alertmanager in ${file} as ${host}, or give the scrape job of the Alertmanager that receives alerts (receivesAlerts) a compose target the stack defines`
        : `add a service ${host} to ${file} (the exporter or program it scrapes), point the job's compose target at a host the stack defines (targets.compose, or a pack's targets option), or say why the job does not run in compose (notIn: { compose: 'why' })`;
    return [`${where}: ${definition}: target ${target}: ${cause}. Fix: ${fix}.`];
  });
}

/** The host of `host:port`, `[v6]:port` or a bare host. */
function hostOf(target: string): string {
  const bracketed = /^\[([^\]]+)\]/.exec(target);
  if (bracketed) return bracketed[1]!;
  return /^(.*):\d+$/.exec(target)?.[1] ?? target;
}

function aliases(service: ComposeService): string[] {
  const networks = service.networks;
  if (networks === undefined || Array.isArray(networks)) return [];
  return Object.values(networks as Record<string, { aliases?: string[] } | null>).flatMap((network) => network?.aliases ?? []);
}

/** extra_hosts as a list (`name:address`, or `name=address` in newer compose) or a map. */
function extraHosts(service: ComposeService): string[] {
  const hosts = service.extra_hosts;
  if (hosts === undefined) return [];
  if (!Array.isArray(hosts)) return Object.keys(hosts);
  return (hosts as string[]).map((entry) => entry.split(/[:=]/)[0]!.trim());
}
