/** load → build the strict model → validate → render. Writing is the caller's choice (write or check). */
import { buildModel } from './model/build.ts';
import { loadProject } from './model/load.ts';
import { buildDashboards } from './model/dashboards.ts';
import { buildRules } from './model/rules.ts';
import { buildScrapeJobs } from './model/scrape.ts';
import type { Model } from './model/types.ts';
import { sortProblems, type Problem } from './problems.ts';
import { render } from './render/index.ts';
import type { GeneratedFile } from './render/stage.ts';
import { validate } from './validate/index.ts';

export type PipelineResult =
  | { readonly ok: true; readonly model: Model; readonly files: GeneratedFile[] }
  | { readonly ok: false; readonly problems: Problem[] };

export async function runPipeline(root: string): Promise<PipelineResult> {
  const project = await loadProject(root);
  const catalog = buildModel(project.catalog, project.config);
  const rules = buildRules(project.rules, project.config);
  const dashboards = buildDashboards(project.dashboards, project.config);
  const partial = { ...catalog.model, rules: rules.rules, dashboards: dashboards.dashboards };
  const scrape = buildScrapeJobs(project.scrape, partial);
  const model = { ...partial, scrapeJobs: scrape.jobs };
  const problems = sortProblems([
    ...project.problems,
    ...catalog.problems,
    ...rules.problems,
    ...dashboards.problems,
    ...scrape.problems,
    ...validate(model),
  ]);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, model, files: render(model) };
}
