/** load → build the strict model → validate → render. Writing is the caller's choice (write or check). */
import { buildModel } from './model/build.ts';
import { SHAPE_CHECK } from './model/definitions.ts';
import { CATALOG_DIR, DASHBOARDS_DIR, describeError, loadProject, RULES_DIR, SCRAPE_DIR, SLOS_DIR } from './model/load.ts';
import { buildDashboards } from './model/dashboards.ts';
import { buildRules } from './model/rules.ts';
import { buildScrapeJobs } from './model/scrape.ts';
import type { Model } from './model/types.ts';
import { causesFirst, isConfigRule, sortProblems, type Problem } from './problems.ts';
import { render, STAGES } from './render/index.ts';
import { ruleFilesStage } from './render/rules.ts';
import { compileSlos } from './slo/index.ts';
import type { GeneratedFile } from './render/stage.ts';
import type { Check } from './validate/check.ts';
import { CHECKS, validate } from './validate/index.ts';
import { findTool } from './tools.ts';
import { promtoolRuleProblems } from './validate/promtool.ts';

/** Milliseconds each phase took, for `npm run bench`'s breakdown. */
export interface PipelineTimings {
  /** Bundling and importing the definitions. */
  readonly load: number;
  /** Building the model: SLOs compiled, rules, dashboards and scrape jobs built. */
  readonly model: number;
  readonly validate: number;
  readonly render: number;
  /** promtool check rules over the rendered rule files: the wait for it once rendering is done, as it starts while the other stages render (0 without promtool). */
  readonly promtool: number;
}

export type PipelineResult =
  | {
      readonly ok: true;
      readonly model: Model;
      readonly files: GeneratedFile[];
      /** Every file the definitions were read from: what the output depends on, besides the generator. */
      readonly inputs: readonly string[];
      /** The promtool that checked the rule files, if one was found. */
      readonly promtool: string | undefined;
      readonly timings: PipelineTimings;
    }
  | { readonly ok: false; readonly problems: Problem[]; /** Why some checks did not run, if they did not. */ readonly notRun?: string };

export async function runPipeline(root: string): Promise<PipelineResult> {
  const clock = stopwatch();
  const project = await loadProject(root);
  const load = clock();
  const guard = guarded(root);
  const catalog = guard(CATALOG_DIR, () => buildModel(project.catalog, project.config), { model: { config: project.config, domains: [], metrics: [], rules: [], dashboards: [], scrapeJobs: [], slos: [] } });
  // SLOs compile into rule files and a dashboard: from here on they are checked and rendered as written ones.
  const slos = guard(SLOS_DIR, () => compileSlos(project.slos, project.config.namespace, project.config.grafana.folders), { slos: [], rules: [], dashboards: [] });
  const rules = guard(RULES_DIR, () => buildRules([...project.rules, ...slos.rules], catalog.model), { rules: [] });
  const dashboards = guard(DASHBOARDS_DIR, () => buildDashboards([...project.dashboards, ...slos.dashboards], catalog.model), { dashboards: [] });
  // An environment overriding thresholds or packs: its own evaluation of the rule files, built alike (the SLOs' are everyone's).
  const environments = project.environments.map(({ name, rules: sources, thresholdsRead }) => ({
    name,
    thresholdsRead: [...thresholdsRead].sort(),
    ...guard(RULES_DIR, () => buildRules([...sources, ...slos.rules], catalog.model), { rules: [] }),
  }));
  const partial = { ...catalog.model, rules: rules.rules, dashboards: dashboards.dashboards, slos: slos.slos };
  const scrape = guard(SCRAPE_DIR, () => buildScrapeJobs(project.scrape, partial), { jobs: [] });
  const model: Model = { ...partial, scrapeJobs: scrape.jobs, environments: environments.map(({ name, rules, thresholdsRead }) => ({ name, rules, thresholdsRead })) };
  const built = clock();
  // Every other check reads the config (the namespace names every metric): with an invalid one they
  // would report hundreds of consequences of one cause, so they wait until it is fixed.
  const checks = CHECKS.map(guardedCheck);
  const configChecks = checks.filter((check) => isConfigRule(check.id));
  const configProblems = validate(model, configChecks);
  const otherChecks = checks.filter((check) => !configChecks.includes(check));
  const checked = configProblems.length > 0 ? configProblems : validate(model, otherChecks);
  // Each environment's rules pass every check with its values; what the default rules share is reported once.
  const environmentProblems = configProblems.length > 0 ? [] : environments.map(({ name, rules, problems }) => ({ name, problems: [...problems, ...validate({ ...model, rules }, otherChecks)] }));
  const validated = clock();
  const problems = sortProblems(
    distinct([...project.problems, ...catalog.problems, ...slos.problems, ...rules.problems, ...dashboards.problems, ...scrape.problems, ...checked], environmentProblems),
  );
  if (problems.length > 0) {
    const notRun = configProblems.length > 0 ? `${checks.length - configChecks.length} checks that depend on the config did not run; fix sextant.config.ts first.` : undefined;
    return { ok: false, problems: causesFirst(problems), notRun };
  }
  // The rendered rule files as Prometheus itself loads them, when promtool is installed (found as `check` finds it):
  // promtool starts on the rule files (the environments' own among them) while the other stages render.
  const promtool = findTool('promtool', root);
  let promtoolRun: Promise<Problem[]> = Promise.resolve([]);
  const files = render(model, STAGES, (stage, output) => {
    if (stage === ruleFilesStage) promtoolRun = promtoolRuleProblems(model, output, promtool);
  });
  const rendered = clock();
  const refused = await promtoolRun;
  if (refused.length > 0) return { ok: false, problems: sortProblems(refused) };
  const timings = { load, model: built, validate: validated, render: rendered, promtool: clock() };
  return { ok: true, model, files, inputs: project.inputs, promtool, timings };
}

/**
 * The problems, then each environment's that the default rules do not have already, once, naming the
 * environment: `alert X in environments.production`.
 */
function distinct(problems: readonly Problem[], environments: readonly { name: string; problems: readonly Problem[] }[]): Problem[] {
  const key = (problem: Problem) => `${problem.file}\0${problem.definition}\0${problem.check}\0${problem.message}`;
  const seen = new Set(problems.map(key));
  const added: Problem[] = [];
  for (const { name, problems: theirs } of environments) {
    for (const problem of theirs) {
      const named = { ...problem, definition: `${problem.definition} in environments.${name}` };
      if (seen.has(key(problem)) || seen.has(key(named))) continue;
      seen.add(key(named));
      added.push(named);
    }
  }
  return [...problems, ...added];
}

/** Each call answers the milliseconds since the previous one (or since the stopwatch started). */
function stopwatch(): () => number {
  let last = performance.now();
  return () => {
    const now = performance.now();
    const elapsed = now - last;
    last = now;
    return elapsed;
  };
}

/**
 * A builder that throws on a definition no shape check foresaw (a getter that throws, a value of an
 * unexpected kind) is a problem of that folder, reported with the line that threw, never an
 * internal error with a stack trace.
 */
function guarded(root: string) {
  return <T extends { problems: Problem[] }>(dir: string, build: () => T, empty: Omit<T, 'problems'>): T => {
    try {
      return build();
    } catch (error) {
      const problem: Problem = { file: `${dir}/`, definition: 'definitions', check: SHAPE_CHECK, message: `cannot be built: ${describeError(root, error)}` };
      return { ...empty, problems: [problem] } as T;
    }
  };
}

/**
 * A check that throws met a value of a type no shape check foresaw (a string where a list goes):
 * that is reported as a problem of the check, so a user sees which rule and fixes the value,
 * instead of an internal error with a stack trace.
 */
function guardedCheck(check: Check): Check {
  return {
    ...check,
    run(model) {
      try {
        return check.run(model);
      } catch (error) {
        const message = `could not check the definitions: ${(error as Error).message ?? String(error)}; a value in them has a type this check does not expect (a string where a list goes?)`;
        return [{ file: 'definitions', definition: `check ${check.id}`, check: check.id, message }];
      }
    },
  };
}
