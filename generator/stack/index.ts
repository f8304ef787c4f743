/**
 * The native stack (`sextant stack`, and the API a project's own script calls): Prometheus,
 * Alertmanager and node_exporter from the fetched tools, on 127.0.0.1, configured from one static
 * environment's generated files (plan.ts), a built-in receiver for Alertmanager's webhooks
 * (receiver.ts), and the caller's local services. Every child is stopped by its PID.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { freePort, portIsFree, startProcess, type RunningProcess } from './process.ts';
import { planStack, PROGRAMS, stackAlertmanagerConfig, stackPrometheusConfig, type PlannedPart, type StackPlan, type Target } from './plan.ts';
import { startReceiver, type Receiver } from './receiver.ts';
import { alertmanagerCommand, requireTool, STACK_PROGRAMS, type Command } from './tools.ts';

/** Where `sextant stack` keeps its data (Prometheus's TSDB, Alertmanager's silences), relative to the project. */
export const STACK_DATA_DIR = join('.sextant', 'stack');

/** A program of the project the stack can start: it serves its scrape job's loopback target. */
export interface LocalService {
  /** The command that serves the job's /metrics on 127.0.0.1:`port`; `urlOf(part)` is another part's base URL (a service's job, or a program). */
  start(port: number, urlOf: (part: string) => string): Command & { readonly env?: NodeJS.ProcessEnv; readonly cwd?: string; readonly readyPath?: string };
}

export interface StackOptions {
  readonly root: string;
  /** A static environment: hosts (default) or one the config declares. */
  readonly environment?: string;
  /** Where Prometheus and Alertmanager keep their data, kept after stop; default a temporary directory, removed on stop. */
  readonly dataDir?: string;
  /** Every part on a free port, rather than the configuration's (tests, two stacks side by side). */
  readonly freePorts?: boolean;
  /** A part's port, by name (prometheus, alertmanager, node_exporter, receiver, a service's job): used as given, never moved. */
  readonly ports?: Readonly<Record<string, number>>;
  /** Programs of the project the stack starts, by scrape job. */
  readonly services?: Readonly<Record<string, LocalService>>;
  readonly log?: (line: string) => void;
}

export interface RunningPart {
  readonly name: string;
  readonly kind: PlannedPart['kind'];
  readonly url: string;
  readonly pid: number | undefined;
}

export interface Stack {
  readonly plan: StackPlan;
  readonly dataDir: string;
  readonly parts: readonly RunningPart[];
  readonly notStarted: readonly Target[];
  readonly urls: { readonly prometheus: string; readonly alertmanager: string; readonly receiver: string };
  readonly receiver: Receiver;
  /** Base URL of a part by name. */
  urlOf(part: string): string;
  stop(): Promise<void>;
}

const url = (port: number) => `http://127.0.0.1:${port}`;

export async function startStack(options: StackOptions): Promise<Stack> {
  const log = options.log ?? (() => {});
  const services = options.services ?? {};
  const plan = planStack(options.root, options.environment ?? 'hosts', Object.keys(services));
  // Every program is found before anything starts: a missing one is reported alone, with how to get it.
  const binaries = {
    prometheus: requireTool(STACK_PROGRAMS.prometheus, options.root),
    alertmanager: requireTool(STACK_PROGRAMS.alertmanager, options.root),
    nodeExporter: plan.parts.some((part) => part.name === 'node_exporter') ? requireTool(STACK_PROGRAMS.nodeExporter, options.root) : '',
  };

  // The configuration's port → where the part listens (moved when that port is taken).
  const ports = new Map<number, number>();
  const choose = async (name: string, wanted: number): Promise<number> => {
    const given = options.ports?.[name];
    if (given !== undefined) return given;
    if (options.freePorts) return freePort();
    if (await portIsFree(wanted)) return wanted;
    const port = await freePort();
    log(`${name}: 127.0.0.1:${wanted} is in use; it runs on 127.0.0.1:${port}`);
    return port;
  };
  const partPorts = new Map<string, number>();
  for (const part of plan.parts) {
    const port = await choose(part.name, part.port);
    partPorts.set(part.name, port);
    ports.set(part.port, port);
  }
  const receiverPort = await choose('receiver', plan.receiverPort);
  const urlOf = (name: string) => {
    const port = partPorts.get(name);
    if (port === undefined) throw new Error(`the stack runs no part named ${name}`);
    return url(port);
  };

  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'sextant-stack-'));
  mkdirSync(dataDir, { recursive: true });
  const running: RunningProcess[] = [];
  let receiver: Receiver | undefined;
  const stop = async () => {
    await Promise.all(running.map((part) => part.stop()));
    running.length = 0;
    await receiver?.stop();
    receiver = undefined;
    if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    receiver = await startReceiver(receiverPort, log);
    writeFileSync(join(dataDir, 'alertmanager.yml'), stackYaml(plan.configFile, stackAlertmanagerConfig(plan, receiver.url)));
    writeFileSync(join(dataDir, 'prometheus.yml'), stackYaml(plan.configFile, stackPrometheusConfig(plan, options.root, ports, `127.0.0.1:${partPorts.get('alertmanager')!}`)));
    const listen = (name: string) => `--web.listen-address=127.0.0.1:${partPorts.get(name)!}`;
    const commands: Record<string, () => Command & { env?: NodeJS.ProcessEnv; cwd?: string; readyPath?: string }> = {
      node_exporter: () => ({ command: binaries.nodeExporter, args: [listen('node_exporter')] }),
      alertmanager: () =>
        alertmanagerCommand(binaries.alertmanager, [`--config.file=${join(dataDir, 'alertmanager.yml')}`, `--storage.path=${join(dataDir, 'alertmanager')}`, listen('alertmanager'), '--cluster.listen-address=']),
      prometheus: () => ({
        command: binaries.prometheus,
        args: [
          `--config.file=${join(dataDir, 'prometheus.yml')}`,
          `--storage.tsdb.path=${join(dataDir, 'prometheus')}`,
          listen('prometheus'),
          '--storage.tsdb.retention.time=7d',
          // Loopback only: `curl -X POST …/-/reload` re-reads the rule files after `sextant generate`.
          '--web.enable-lifecycle',
          // The default waits a minute before re-sending an alert Alertmanager did not take.
          '--rules.alert.resend-delay=1s',
        ],
      }),
    };
    // In plan order: node_exporter and the services, then Alertmanager, then Prometheus, which scrapes them all.
    for (const part of plan.parts) {
      const port = partPorts.get(part.name)!;
      const spec = part.kind === 'service' ? services[part.name]!.start(port, urlOf) : commands[part.name]!();
      running.push(
        await startProcess({
          name: part.name,
          command: spec.command,
          args: spec.args,
          env: spec.env,
          cwd: spec.cwd ?? options.root,
          url: url(port),
          readyPath: spec.readyPath ?? (part.kind === 'program' ? PROGRAMS[part.name as keyof typeof PROGRAMS].readyPath : part.readyPath),
        }),
      );
    }
  } catch (error) {
    await stop();
    throw error;
  }

  return {
    plan,
    dataDir,
    parts: plan.parts.map((part, index) => ({ name: part.name, kind: part.kind, url: urlOf(part.name), pid: running[index]?.child.pid })),
    notStarted: plan.notStarted,
    urls: { prometheus: urlOf('prometheus'), alertmanager: urlOf('alertmanager'), receiver: receiver.url },
    receiver,
    urlOf,
    stop,
  };
}

function stackYaml(from: string, config: unknown): string {
  return `# Written by sextant stack from generated/ (${from}) for the native stack; rewritten at every start.\n${yaml.dump(config, { lineWidth: -1, noRefs: true })}`;
}

/** How many rule groups the generated rule files hold: what Prometheus must show once it has loaded them. */
export function ruleGroupCount(stack: Stack): number {
  const config = yaml.load(readFileSync(join(stack.dataDir, 'prometheus.yml'), 'utf8')) as { rule_files?: string[] };
  return (config.rule_files ?? []).reduce((count, file) => count + ((yaml.load(readFileSync(file, 'utf8')) as { groups?: unknown[] } | null)?.groups?.length ?? 0), 0);
}
