/**
 * The live tests' stack: both exporter roles, Prometheus, Alertmanager and node_exporter (found on
 * PATH) on loopback ports, configured from the model rather than from generated/: rules with a
 * profile's shorter windows, one interval, webhooks to the test's receiver, roles stopped and
 * started by the test. Users run the package's stack (`sextant stack`; `npm run stack` is stack/main.ts).
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Role } from '../exporter/role-map.ts';
import type { ScrapeJobDef } from '../generator/dsl/scrape.ts';
import type { Model } from '../generator/model/types.ts';
import { runPipeline } from '../generator/pipeline.ts';
import { alertmanagerConfig, webhooksUnder } from '../generator/render/alertmanager-config.ts';
import { applyProfile, type RuleProfile } from '../generator/render/profile.ts';
import { prometheusConfig } from '../generator/render/prometheus-config.ts';
import { renderRuleFile, ruleFilePath } from '../generator/render/rules.ts';
import { toYaml } from '../generator/render/yaml.ts';
import apiJob from '../scrape/api.ts';
import workerJob from '../scrape/worker.ts';
import { startProcess, type RunningProcess } from '../generator/stack/process.ts';
import type { Command } from '../generator/stack/tools.ts';
import { alertmanagerCommand } from './tools.ts';
import config from '../sextant.config.ts';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export interface StackPorts {
  readonly api: number;
  readonly worker: number;
  readonly nodeExporter: number;
  readonly prometheus: number;
  readonly alertmanager: number;
}

/** The scrape job a pack of the reference's config brings. */
function packJob(pack: string): ScrapeJobDef {
  const job = config.packs.find((listed) => listed.name === pack)?.scrape[0];
  if (!job) throw new Error(`sextant.config.ts lists no ${pack} pack, whose scrape job the native stack runs`);
  return job;
}

/** The scrape job of each process the stack runs: its `hosts` target gives the default port, so the two cannot disagree. */
const SCRAPE_JOB_OF: Readonly<Record<keyof StackPorts, ScrapeJobDef>> = {
  api: apiJob,
  worker: workerJob,
  nodeExporter: packJob('node'),
  prometheus: packJob('prometheus'),
  alertmanager: packJob('alertmanager'),
};
const STACK_PARTS = Object.keys(SCRAPE_JOB_OF) as (keyof StackPorts)[];

function hostsPort(part: keyof StackPorts): number {
  const target = SCRAPE_JOB_OF[part].targets.hosts?.[0];
  if (!target) throw new Error(`scrape job ${SCRAPE_JOB_OF[part].name} has no hosts target for the native stack`);
  return Number(new URL(`http://${target}`).port);
}
export const DEFAULT_PORTS: StackPorts = {
  api: hostsPort('api'),
  worker: hostsPort('worker'),
  nodeExporter: hostsPort('nodeExporter'),
  prometheus: hostsPort('prometheus'),
  alertmanager: hostsPort('alertmanager'),
};
/** The `job` labels of the stack's scrape jobs (Grafana, which the stack lacks, is not among them). */
export const STACK_JOBS = STACK_PARTS.map((part) => SCRAPE_JOB_OF[part].name);

export interface StackOptions {
  readonly ports?: Partial<StackPorts>;
  /** Rules with shorter `for` and windows (the end-to-end tests); the shipped rules otherwise. */
  readonly profile?: RuleProfile;
  /** Load the rule files in generated/ rather than a copy, so a reload after `npm run generate` takes them. */
  readonly followGenerated?: boolean;
  /** One interval for scraping and rule evaluation, instead of the generated ones. */
  readonly interval?: string;
  /** Base URL for Alertmanager's webhooks (each receiver's name is appended: `/page`, `/ticket`…); the configured ones otherwise. */
  readonly webhookUrl?: string;
  /** Group wait and interval of Alertmanager, for tests that cannot wait minutes. */
  readonly alertGrouping?: string;
  readonly exporter?: { readonly load?: number; readonly workerLoad?: number; readonly workers?: number; readonly tickMs?: number };
  readonly log?: (line: string) => void;
}

export interface Stack {
  readonly model: Model;
  readonly dir: string;
  readonly ports: StackPorts;
  readonly urls: Readonly<Record<'api' | 'worker' | 'nodeExporter' | 'prometheus' | 'alertmanager', string>>;
  /** The bearer token both exporter roles' /admin/faults take, new for every stack. */
  readonly adminToken: string;
  /** Stops one exporter role, for target-down scenarios. */
  stopRole(role: Role): Promise<void>;
  startRole(role: Role): Promise<void>;
  /** Writes the rule files again, as given (for reload tests). */
  writeRules(files: Readonly<Record<string, string>>): void;
  stop(): Promise<void>;
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const log = options.log ?? (() => {});
  const result = await runPipeline(REPO);
  if (!result.ok) throw new Error(`the definitions are invalid; run npm run generate for the details`);
  const model = result.model;
  const ports: StackPorts = { ...DEFAULT_PORTS, ...options.ports };
  const url = (port: number) => `http://127.0.0.1:${port}`;
  const dir = mkdtempSync(join(tmpdir(), 'sextant-stack-'));
  const running = new Map<string, RunningProcess>();

  if (options.followGenerated) {
    // Prometheus reads generated/'s rule files themselves: a new `npm run generate` and a reload pick them up.
    symlinkSync(join(REPO, 'generated/prometheus/rules'), join(dir, 'rules'));
  } else {
    const rules = options.profile ? applyProfile(model.rules, options.profile) : model.rules;
    mkdirSync(join(dir, 'rules'));
    for (const file of rules) writeFileSync(join(dir, ruleFilePath(file)), renderRuleFile(model, file));
  }
  const targets = Object.fromEntries(STACK_PARTS.map((part) => [SCRAPE_JOB_OF[part].name, [`127.0.0.1:${ports[part]}`]]));
  writeFileSync(
    join(dir, 'prometheus.yml'),
    toYaml(prometheusConfig(model, 'hosts', { alertmanager: `127.0.0.1:${ports.alertmanager}`, targets, jobs: STACK_JOBS, interval: options.interval })),
  );
  writeFileSync(
    join(dir, 'alertmanager.yml'),
    toYaml(
      alertmanagerConfig(model, {
        ...(options.webhookUrl ? webhooksUnder(options.webhookUrl) : {}),
        ...(options.alertGrouping ? { groupWait: options.alertGrouping, groupInterval: options.alertGrouping } : {}),
      }),
    ),
  );

  const adminToken = randomBytes(24).toString('base64url');
  const exporterEnv = (role: Role): NodeJS.ProcessEnv => ({
    PATH: process.env.PATH ?? '',
    EXPORTER_ADMIN_TOKEN: adminToken,
    EXPORTER_ROLE: role,
    EXPORTER_HOST: '127.0.0.1',
    EXPORTER_PORT: String(ports[role]),
    EXPORTER_LOAD: String((role === 'worker' ? options.exporter?.workerLoad : options.exporter?.load) ?? 5),
    EXPORTER_TICK_MS: String(options.exporter?.tickMs ?? 1000),
    EXPORTER_WORKERS: String(options.exporter?.workers ?? 4),
    ...(role === 'api' ? { EXPORTER_WORKER_URL: url(ports.worker) } : {}),
  });
  const startRole = async (role: Role) => {
    running.set(
      role,
      await startProcess({
        name: `exporter ${role}`,
        command: process.execPath,
        args: ['--conditions=sextant-source', '--import', 'tsx', join(REPO, 'exporter/main.ts')],
        cwd: REPO,
        env: exporterEnv(role),
        url: url(ports[role]),
        readyPath: '/readyz',
      }),
    );
    log(`${`exporter ${role}`.padEnd(17)}${url(ports[role])}/metrics`);
  };

  const stop = async () => {
    await Promise.all([...running.values()].map((process) => process.stop()));
    running.clear();
    rmSync(dir, { recursive: true, force: true });
  };

  try {
    const start = async (name: string, { command, args }: Command, port: number, readyPath: string) => {
      running.set(name, await startProcess({ name, command, args, url: url(port), readyPath }));
      log(`${name.padEnd(17)}${url(port)}`);
    };
    await start('node_exporter', { command: 'prometheus-node-exporter', args: [`--web.listen-address=127.0.0.1:${ports.nodeExporter}`] }, ports.nodeExporter, '/metrics');
    await start(
      'alertmanager',
      alertmanagerCommand([`--config.file=${join(dir, 'alertmanager.yml')}`, `--storage.path=${join(dir, 'alertmanager')}`, `--web.listen-address=127.0.0.1:${ports.alertmanager}`, '--cluster.listen-address=']),
      ports.alertmanager,
      '/-/ready',
    );
    await startRole('worker');
    await startRole('api');
    await start(
      'prometheus',
      {
        command: 'prometheus',
        args: [
          `--config.file=${join(dir, 'prometheus.yml')}`,
          `--storage.tsdb.path=${join(dir, 'prometheus')}`,
          `--web.listen-address=127.0.0.1:${ports.prometheus}`,
          '--storage.tsdb.retention.time=1d',
          // Loopback only: lets `curl -X POST …/-/reload` re-read the rule files (generated/'s with followGenerated).
          '--web.enable-lifecycle',
          // The default waits a minute before re-sending an alert Alertmanager did not take.
          '--rules.alert.resend-delay=1s',
        ],
      },
      ports.prometheus,
      '/-/ready',
    );
  } catch (error) {
    await stop();
    throw error;
  }

  return {
    model,
    dir,
    ports,
    adminToken,
    urls: { api: url(ports.api), worker: url(ports.worker), nodeExporter: url(ports.nodeExporter), prometheus: url(ports.prometheus), alertmanager: url(ports.alertmanager) },
    stopRole: async (role) => {
      await running.get(role)?.stop();
      running.delete(role);
    },
    startRole,
    writeRules: (files) => {
      if (options.followGenerated) throw new Error('the stack reads generated/ itself: run npm run generate instead of writing its rules');
      for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, 'rules', name), content);
    },
    stop,
  };
}
