/**
 * A pack against its real program: a scratch project that lists the pack, the program's exporter
 * already running on 127.0.0.1 (the test starts it, with its server), a Prometheus scraping it
 * every second under the pack's job name, `verify` over its /metrics, and every panel query of
 * the pack's dashboards sent to that Prometheus. Engine tests: nothing of the reference is read.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { substituteVariables } from '../../generator/grafana/variables.ts';
import type { Model } from '../../generator/model/types.ts';
import { runPipeline } from '../../generator/pipeline.ts';
import type { Problem } from '../../generator/problems.ts';
import type { GeneratedFile } from '../../generator/render/stage.ts';
import { startProcess } from '../../generator/stack/process.ts';
import { verifyTarget } from '../../generator/verify/index.ts';
import { scratchProject, type Project } from './project.ts';
import { freePort, startServer, waitFor, type Server } from './servers.ts';

export interface PackProject {
  readonly project: Project;
  readonly model: Model;
  /** What generate would write, also written under the project's generated/ (promtool test rules runs there). */
  readonly files: readonly GeneratedFile[];
  /** The generated rule files, absolute: what the live Prometheus evaluates. */
  readonly ruleFiles: readonly string[];
}

/** The text of a file the pack project generates (`prometheus/rules/<name>.rules.yml`); throws naming it when there is none. */
export function contentOf(pack: PackProject, path: string): string {
  const file = pack.files.find((each) => each.path === path);
  if (!file) throw new Error(`the pack project generates no ${path}`);
  return file.content;
}

/**
 * A project whose config is `export default defineConfig({ packs: [<packs>] })`, with the imports
 * given (`import node from 'sextant/packs/node';`), built by the real pipeline.
 */
export async function packProject(imports: string, packs: string, files: Record<string, string> = {}): Promise<PackProject> {
  const project = scratchProject({
    'sextant.config.ts': `import { defineConfig } from 'sextant';\n${imports}\n\nexport default defineConfig({ packs: [${packs}] });\n`,
    ...files,
  });
  const result = await runPipeline(project.root);
  if (!result.ok) {
    project.remove();
    throw new Error(`the pack project is invalid:\n${result.problems.map((p) => `${p.file} ${p.definition} [${p.check}] ${p.message}`).join('\n')}`);
  }
  for (const file of result.files) {
    const path = join(project.root, 'generated', file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.content);
  }
  const ruleFiles = result.files.filter((file) => file.path.startsWith('prometheus/rules/')).map((file) => join(project.root, 'generated', file.path));
  return { project, model: result.model, files: result.files, ruleFiles };
}

export interface PrometheusOptions {
  /** Also scrape this Prometheus itself, under this job name (the prometheus pack's job). */
  readonly selfJob?: string;
  /** Rule files (absolute paths) it evaluates: a healthy Prometheus has rules, and its per-group series come with them. */
  readonly ruleFiles?: readonly string[];
  /** Alertmanagers (host:port) it sends its alerts to. */
  readonly alertmanagers?: readonly string[];
}

/** The problems of a project whose config lists `packs` (with the imports given); none when it generates. */
export async function packProblems(imports: string, packs: string): Promise<readonly Problem[]> {
  const project = scratchProject({ 'sextant.config.ts': `import { defineConfig } from 'sextant';\n${imports}\n\nexport default defineConfig({ packs: [${packs}] });\n` });
  try {
    const result = await runPipeline(project.root);
    return result.ok ? [] : result.problems;
  } finally {
    project.remove();
  }
}

/** A Prometheus on a free port scraping each job's targets every second. */
export async function prometheusScraping(dir: string, jobs: Readonly<Record<string, readonly string[]>>, options: PrometheusOptions = {}): Promise<Server> {
  const port = await freePort();
  const scraped = { ...jobs, ...(options.selfJob === undefined ? {} : { [options.selfJob]: [`127.0.0.1:${port}`] }) };
  const scrapeConfigs = Object.entries(scraped).map(([job, targets]) => `  - { job_name: ${JSON.stringify(job)}, static_configs: [{ targets: ${JSON.stringify(targets)} }] }`);
  writeFileSync(
    join(dir, 'prometheus.yml'),
    [
      'global: { scrape_interval: 1s, evaluation_interval: 1s }',
      ...(options.ruleFiles === undefined ? [] : [`rule_files: ${JSON.stringify(options.ruleFiles)}`]),
      ...(options.alertmanagers === undefined ? [] : [`alerting: { alertmanagers: [{ static_configs: [{ targets: ${JSON.stringify(options.alertmanagers)} }] }] }`]),
      'scrape_configs:',
      ...scrapeConfigs,
      '',
    ].join('\n'),
  );
  const server = await startServer(
    'prometheus',
    [`--config.file=${join(dir, 'prometheus.yml')}`, `--storage.tsdb.path=${join(dir, 'data')}`, `--web.listen-address=127.0.0.1:${port}`],
    `http://127.0.0.1:${port}`,
    '/-/ready',
  );
  try {
    await waitFor(`every target of ${Object.keys(scraped).join(', ')} up`, async () => {
      const up = await query(server.url, 'up');
      return up.length === Object.values(scraped).flat().length && up.every((sample) => sample.value[1] === '1');
    });
  } catch (error) {
    // The caller never gets the server to stop: stop it here, or it outlives the test run.
    await server.stop();
    throw error;
  }
  return server;
}

interface Sample {
  readonly metric: Record<string, string>;
  readonly value: [number, string];
}

export async function query(prometheusUrl: string, expr: string): Promise<Sample[]> {
  const response = await fetch(`${prometheusUrl}/api/v1/query`, { method: 'POST', body: new URLSearchParams({ query: expr }) });
  const body = (await response.json()) as { status: string; error?: string; data?: { resultType: string; result: Sample[] } };
  if (body.status !== 'success') throw new Error(`${expr}: ${body.error}`);
  return body.data!.resultType === 'vector' ? body.data!.result : [];
}

/**
 * The panels of the given dashboards (by uid, or all) whose queries return nothing, as
 * `<uid> "<panel>" <refId>`, waiting until each has data or `timeoutMs` passed (rates need two
 * scrapes). A panel quiet when the program is healthy (quietWhenHealthy) is not expected to show data.
 */
export async function panelsWithoutData(model: Model, prometheusUrl: string, options: { uids?: readonly string[]; timeoutMs?: number } = {}): Promise<string[]> {
  const dashboards = model.dashboards.filter((dashboard) => options.uids === undefined || options.uids.includes(dashboard.uid));
  const targets = dashboards.flatMap((dashboard) =>
    dashboard.panels
      .filter((panel) => panel.quietWhenHealthy === undefined)
      .flatMap((panel) => panel.targets.map((target) => ({ where: `${dashboard.uid} "${panel.title}" ${target.refId}`, expr: substituteVariables(target.expr, 1) }))),
  );
  return withoutData(prometheusUrl, targets, options.timeoutMs);
}

/**
 * The alerts whose runbook query (the alert's compared quantity, as on-call would run it) returns
 * nothing from the live program: an expression whose label matching fits the tests' series but
 * not the exporter's would show here.
 */
export async function runbookQueriesWithoutData(model: Model, prometheusUrl: string, options: { timeoutMs?: number } = {}): Promise<string[]> {
  const queries = model.rules.flatMap((file) => file.alerts.flatMap((alert) => (alert.runbook.query === undefined ? [] : [{ where: alert.name, expr: alert.runbook.query }])));
  return withoutData(prometheusUrl, queries, options.timeoutMs);
}

/** The queries that still return nothing after `timeoutMs` (rates need two scrapes), by `where`. */
async function withoutData(prometheusUrl: string, queries: readonly { where: string; expr: string }[], timeoutMs = 20_000): Promise<string[]> {
  const deadline = Date.now() + timeoutMs;
  let empty = queries;
  while (empty.length > 0 && Date.now() < deadline) {
    const answered = await Promise.all(empty.map(async (target) => ((await query(prometheusUrl, target.expr)).length > 0 ? undefined : target)));
    empty = answered.filter((target) => target !== undefined);
    if (empty.length > 0) await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return empty.map((target) => target.where);
}

/** `sextant verify` of one exporter against the project's catalogue: its report lines and whether it was clean. */
export async function verifyExporter(model: Model, url: string, job: string): Promise<{ clean: boolean; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const clean = await verifyTarget(model, url, { out: (line) => out.push(line), err: (line) => err.push(line) }, { timeoutSeconds: 30 }, job);
  return { clean, out, err };
}

/**
 * What an exporter exposes once, started with `args(port)` and `env` on a free port and stopped
 * again: for an exporter configured another way than the suite's (the compose service init writes).
 */
export async function exposedOnce(command: string, args: (port: number) => readonly string[], env: NodeJS.ProcessEnv): Promise<string> {
  const port = await freePort();
  const exporter = await startProcess({ name: command, command, args: args(port), env: { ...process.env, ...env }, url: `http://127.0.0.1:${port}`, readyPath: '/metrics' });
  try {
    return await (await fetch(`${exporter.url}/metrics`)).text();
  } finally {
    await exporter.stop();
  }
}
