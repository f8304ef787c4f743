/**
 * What the native stack runs, read from the generated files alone: an environment's Prometheus
 * configuration (its targets on this machine) and the Alertmanager configuration. Prometheus and
 * Alertmanager always run; node_exporter when a job scrapes one on loopback; the caller's local
 * services (a command per job) on their jobs' targets. Every other loopback target is named as not
 * started, with the address the stack expects its program on. Pure: nothing is started here.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative } from 'node:path';
import yaml from 'js-yaml';
import { ALERTMANAGER_CONFIG_PATH } from '../render/alertmanager-config.ts';
import { prometheusConfigPath } from '../render/prometheus-config.ts';

/** The programs the stack starts itself, and how a target is recognised as one of them. */
export const PROGRAMS = {
  prometheus: { jobs: ['prometheus'], port: 9090, readyPath: '/-/ready' },
  alertmanager: { jobs: ['alertmanager'], port: 9093, readyPath: '/-/ready' },
  node_exporter: { jobs: ['node', 'node-exporter', 'node_exporter'], port: 9100, readyPath: '/metrics' },
} as const;
export type Program = keyof typeof PROGRAMS;

/** Where the built-in notification receiver listens when the webhook URLs name no port. */
export const RECEIVER_PORT = 9095;

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

export interface Target {
  readonly job: string;
  /** As the configuration writes it: host:port. */
  readonly address: string;
  readonly port: number;
  readonly local: boolean;
}

export interface PlannedPart {
  /** A program of PROGRAMS, or the job of a local service. */
  readonly name: string;
  readonly kind: 'program' | 'service';
  /** The port the configuration expects it on. */
  readonly port: number;
  readonly readyPath: string;
}

export interface StackPlan {
  readonly environment: string;
  /** The generated configuration it runs, relative to the project. */
  readonly configFile: string;
  readonly prometheusConfig: PrometheusConfig;
  readonly alertmanagerConfig: AlertmanagerConfig;
  readonly targets: readonly Target[];
  readonly parts: readonly PlannedPart[];
  /** Loopback targets of programs the stack does not run: the project's services, its data stores. */
  readonly notStarted: readonly Target[];
  /** Where the built-in receiver listens by default: the port of the generated webhook URLs. */
  readonly receiverPort: number;
}

interface StaticConfig {
  targets?: string[];
}
export interface PrometheusConfig {
  rule_files?: string[];
  alerting?: { alertmanagers?: { static_configs?: StaticConfig[] }[] };
  scrape_configs?: { job_name: string; static_configs?: StaticConfig[] }[];
  [key: string]: unknown;
}
export interface AlertmanagerConfig {
  receivers?: { name: string; webhook_configs?: { url?: string }[] }[];
  [key: string]: unknown;
}

export class StackPlanError extends Error {}

/** A plan for `environment` from ROOT/generated; `services` are the jobs whose programs the caller can start. */
export function planStack(root: string, environment: string, services: readonly string[] = []): StackPlan {
  const generated = join(root, 'generated');
  if (environment === 'compose') throw new StackPlanError('the compose environment\'s targets are compose service names: run it with `docker compose up` (docs/deploy.md), or give a static environment such as hosts');
  const configFile = join(generated, prometheusConfigPath(environment));
  if (!existsSync(configFile)) {
    const prometheusDir = join(generated, 'prometheus');
    const known = existsSync(prometheusDir) ? readdirSync(prometheusDir).filter((name) => /^prometheus\.[^.]+\.yml$/.test(name)).map((name) => name.split('.')[1]) : [];
    throw new StackPlanError(
      known.length > 0
        ? `there is no environment '${environment}': ${relative(root, configFile)} does not exist. Environments generated: ${known.join(', ')}`
        : `${relative(root, configFile)} does not exist: the project has no scrape jobs (scrape/*.ts) with targets there`,
    );
  }
  const prometheusConfig = readYaml<PrometheusConfig>(configFile);
  const alertmanagerFile = join(generated, ALERTMANAGER_CONFIG_PATH);
  if (!existsSync(alertmanagerFile)) throw new StackPlanError(`${relative(root, alertmanagerFile)} does not exist: run \`npx sextant generate\``);
  const alertmanagerConfig = readYaml<AlertmanagerConfig>(alertmanagerFile);

  const targets = (prometheusConfig.scrape_configs ?? []).flatMap((job) => (job.static_configs ?? []).flatMap((config) => (config.targets ?? []).map((address) => target(job.job_name, address))));
  const local = targets.filter((each) => each.local);
  const alertingPort = (prometheusConfig.alerting?.alertmanagers ?? [])
    .flatMap((manager) => (manager.static_configs ?? []).flatMap((config) => config.targets ?? []))
    .map((address) => target('', address))
    .find((each) => each.local)?.port;
  const programOf = (each: Target): Program | undefined =>
    (Object.keys(PROGRAMS) as Program[]).find((program) => (PROGRAMS[program].jobs as readonly string[]).includes(each.job) || PROGRAMS[program].port === each.port) ??
    (each.port === alertingPort ? 'alertmanager' : undefined);
  const portOf = (program: Program) => local.find((each) => programOf(each) === program)?.port ?? (program === 'alertmanager' ? alertingPort : undefined);

  const parts: PlannedPart[] = [];
  const add = (name: string, kind: PlannedPart['kind'], port: number, readyPath: string) => {
    if (!parts.some((part) => part.port === port)) parts.push({ name, kind, port, readyPath });
  };
  const nodeExporter = portOf('node_exporter');
  if (nodeExporter !== undefined) add('node_exporter', 'program', nodeExporter, PROGRAMS.node_exporter.readyPath);
  for (const job of services) {
    const port = local.find((each) => each.job === job)?.port;
    if (port === undefined) throw new StackPlanError(`the local service '${job}' has no target on 127.0.0.1 in ${relative(root, configFile)}: give its scrape job a ${environment} target such as 127.0.0.1:8080`);
    add(job, 'service', port, '/metrics');
  }
  add('alertmanager', 'program', portOf('alertmanager') ?? PROGRAMS.alertmanager.port, PROGRAMS.alertmanager.readyPath);
  add('prometheus', 'program', portOf('prometheus') ?? PROGRAMS.prometheus.port, PROGRAMS.prometheus.readyPath);

  const webhookPort = webhookUrls(alertmanagerConfig).map((url) => Number(new URL(url).port)).find((port) => port > 0);
  return {
    environment,
    configFile: relative(root, configFile),
    prometheusConfig,
    alertmanagerConfig,
    targets,
    parts,
    notStarted: local.filter((each) => !parts.some((part) => part.port === each.port)),
    receiverPort: webhookPort ?? RECEIVER_PORT,
  };
}

function target(job: string, address: string): Target {
  const url = new URL(`http://${address}`);
  return { job, address, port: Number(url.port || 80), local: LOOPBACK.has(url.hostname) };
}

function readYaml<T>(file: string): T {
  return yaml.load(readFileSync(file, 'utf8')) as T;
}

function webhookUrls(config: AlertmanagerConfig): string[] {
  return (config.receivers ?? []).flatMap((receiver) => (receiver.webhook_configs ?? []).flatMap((webhook) => (webhook.url ? [webhook.url] : [])));
}

/**
 * The Prometheus configuration the stack runs: the generated one, with the rule files read where
 * they are generated (a reload after `sextant generate` takes them), alerts sent to the stack's
 * Alertmanager, and each loopback target of a part moved to where that part listens.
 */
export function stackPrometheusConfig(plan: StackPlan, root: string, ports: ReadonlyMap<number, number>, alertmanager: string): PrometheusConfig {
  const configDir = dirname(join(root, plan.configFile));
  const moved = (address: string) => {
    const each = target('', address);
    const port = each.local ? ports.get(each.port) : undefined;
    return port === undefined ? address : `127.0.0.1:${port}`;
  };
  return {
    ...plan.prometheusConfig,
    rule_files: (plan.prometheusConfig.rule_files ?? []).map((file) => (isAbsolute(file) ? file : join(configDir, file))),
    alerting: { ...plan.prometheusConfig.alerting, alertmanagers: [{ static_configs: [{ targets: [alertmanager] }] }] },
    scrape_configs: (plan.prometheusConfig.scrape_configs ?? []).map((job) => ({
      ...job,
      ...(job.static_configs ? { static_configs: job.static_configs.map((config) => ({ ...config, targets: (config.targets ?? []).map(moved) })) } : {}),
    })),
  };
}

/** The Alertmanager configuration the stack runs: every webhook sent to the built-in receiver, on the same path. */
export function stackAlertmanagerConfig(plan: StackPlan, receiver: string): AlertmanagerConfig {
  return {
    ...plan.alertmanagerConfig,
    receivers: (plan.alertmanagerConfig.receivers ?? []).map((each) => ({
      ...each,
      ...(each.webhook_configs
        ? { webhook_configs: each.webhook_configs.map((webhook) => (webhook.url ? { ...webhook, url: `${receiver}${new URL(webhook.url).pathname}` } : webhook)) }
        : {}),
    })),
  };
}
