/**
 * A pack against its real program: a scratch project that lists the pack, the program's exporter
 * already running on 127.0.0.1 (the test starts it, with its server), a Prometheus scraping it
 * every second under the pack's job name, `verify` over its /metrics, and every panel query of
 * the pack's dashboards sent to that Prometheus. Engine tests: nothing of the reference is read.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { substituteVariables } from '../../generator/grafana/variables.ts';
import type { Model } from '../../generator/model/types.ts';
import { runPipeline } from '../../generator/pipeline.ts';
import type { GeneratedFile } from '../../generator/render/stage.ts';
import { verifyTarget } from '../../generator/verify/index.ts';
import { scratchProject, type Project } from './project.ts';
import { freePort, startServer, waitFor, type Server } from './servers.ts';

export interface PackProject {
  readonly project: Project;
  readonly model: Model;
  /** What `generate` would write (rule files, their tests…), not written. */
  readonly files: readonly GeneratedFile[];
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
  return { project, model: result.model, files: result.files };
}

/**
 * A Prometheus on a free port scraping each job's targets every second, evaluating the given rule
 * files (the pack's recording rules, for the panels that read them) every second.
 */
export async function prometheusScraping(dir: string, jobs: Readonly<Record<string, readonly string[]>>, ruleFiles: readonly GeneratedFile[] = []): Promise<Server> {
  const port = await freePort();
  const scrapeConfigs = Object.entries(jobs).map(([job, targets]) => `  - { job_name: ${JSON.stringify(job)}, static_configs: [{ targets: ${JSON.stringify(targets)} }] }`);
  ruleFiles.forEach((file, index) => writeFileSync(join(dir, `rules-${index}.yml`), file.content));
  const rules = ruleFiles.length > 0 ? ['rule_files:', ...ruleFiles.map((_, index) => `  - ${JSON.stringify(join(dir, `rules-${index}.yml`))}`)] : [];
  writeFileSync(join(dir, 'prometheus.yml'), ['global: { scrape_interval: 1s, evaluation_interval: 1s }', ...rules, 'scrape_configs:', ...scrapeConfigs, ''].join('\n'));
  const server = await startServer(
    'prometheus',
    [`--config.file=${join(dir, 'prometheus.yml')}`, `--storage.tsdb.path=${join(dir, 'data')}`, `--web.listen-address=127.0.0.1:${port}`],
    `http://127.0.0.1:${port}`,
    '/-/ready',
  );
  await waitFor(`every target of ${Object.keys(jobs).join(', ')} up`, async () => {
    const up = await query(server.url, 'up');
    return up.length === Object.values(jobs).flat().length && up.every((sample) => sample.value[1] === '1');
  });
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
  const deadline = Date.now() + (options.timeoutMs ?? 20_000);
  let empty = targets;
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
