/**
 * What the rules and panels read must be scraped wherever the rules run: an alert on a metric no
 * job collects generates fine and never fires. The deployments are those the project has scrape
 * jobs for, and the environments it declares (each gets a Prometheus configuration with every rule file).
 */
import { DEPLOYMENTS, type DeploymentName } from '../../dsl/scrape.ts';
import type { Model, ModelDomain } from '../../model/types.ts';
import type { Problem } from '../../problems.ts';
import { familiesRead, type ReadingQuery } from '../../promql/reads.ts';
import type { Check } from '../check.ts';
import { isBlank } from '../readable-text.ts';

const ID = 'scrape-coverage';
/** How many readers and families a message names before it counts the rest. */
const NAMED = 3;

export const scrapeCoverageCheck: Check = {
  id: ID,
  summary:
    'Every metric family an alert, recording rule or panel reads (through recording rules too) is exposed by a scrape job in every deployment the project scrapes, unless a job exposing it says why it is not there (notIn) or its domain says who scrapes it (scrapedElsewhere); series Prometheus writes itself need no job.',
  fix: "Add the domain to the exposes of a scrape job that runs in each environment, or say why not there on that job (notIn: { compose: 'why' }), or on the domain who scrapes it (scrapedElsewhere: 'why').",
  run(model) {
    if (model.scrapeJobs.length === 0) return [];
    const problems = [...reasonProblems(model)];
    const declared = Object.keys(model.config.environments);
    const deployments = [...DEPLOYMENTS, ...declared].filter((deployment) => model.scrapeJobs.some((job) => job.runsIn.includes(deployment)));
    const readers = readersByFamily(model);
    for (const domain of model.domains) {
      if (domain.scrapedElsewhere !== undefined || (domain.owner !== 'app' && domain.owner.synthetic)) continue;
      const read = domain.metrics.filter((metric) => readers.has(metric.name));
      if (read.length === 0) continue;
      const jobs = model.scrapeJobs.filter((job) => job.exposes.includes(domain.name));
      const missing = deployments.filter((deployment) => !jobs.some((job) => job.runsIn.includes(deployment) || job.notIn[deployment] !== undefined));
      if (missing.length === 0) continue;
      const who = [...new Set(read.flatMap((metric) => readers.get(metric.name)!))];
      problems.push({
        file: domain.file,
        definition: domain.name,
        check: ID,
        message:
          `no scrape job exposes ${domain.name} in ${missing.join(', ')}, yet ${named(who)} ${who.length === 1 ? 'reads' : 'read'} ${named(read.map((metric) => metric.name))}: ` +
          `the rules run there and would find nothing. ${fix(domain, jobs.length > 0, missing, declared)}`,
      });
    }
    return problems;
  },
};

function fix(domain: ModelDomain, hasJob: boolean, missing: readonly DeploymentName[], declared: readonly string[]): string {
  const notIn = `notIn: { ${missing[0]}: 'why' }`;
  // A job runs in a declared environment by listing targets there, in the others by runsIn.
  const runsIn = missing.filter((deployment) => !declared.includes(deployment));
  const targets = missing.filter((deployment) => declared.includes(deployment));
  const where = [
    ...(runsIn.length > 0 ? [`add ${runsIn.join(', ')} to the runsIn of a job exposing it`] : []),
    ...(targets.length > 0 ? [`give a job exposing it targets in ${targets.join(', ')}`] : []),
  ].join(', ');
  const job = hasJob ? `${where}, say why it is not there with ${notIn}` : `add a scrape job with exposes: [${domain.name}], or say on it why it does not run somewhere with ${notIn}`;
  return `Fix: ${job}, or, if a Prometheus this project does not configure scrapes it, give the domain scrapedElsewhere: 'why'.`;
}

/** Who reads each catalogued family: alerts, recording rules and panels, in model order. */
function readersByFamily(model: Model): Map<string, string[]> {
  const readers = new Map<string, string[]>();
  const add = (reader: string, query: ReadingQuery) => {
    for (const family of familiesRead(model, query)) readers.set(family, [...(readers.get(family) ?? []), reader]);
  };
  for (const file of model.rules) {
    for (const rule of file.recording) add(`recording rule ${rule.written}`, rule);
    for (const alert of file.alerts) add(`alert ${alert.name}`, alert);
  }
  for (const dashboard of model.dashboards) {
    for (const panel of dashboard.panels) for (const target of panel.targets) add(`dashboard ${dashboard.name}`, target);
  }
  return readers;
}

/** The reasons given must say something, and a job cannot both run somewhere and say why it does not. */
function reasonProblems(model: Model): Problem[] {
  const problems: Problem[] = [];
  for (const job of model.scrapeJobs) {
    for (const [deployment, reason] of Object.entries(job.notIn) as [DeploymentName, unknown][]) {
      const report = (message: string) => problems.push({ file: job.file, definition: `scrape job ${job.name}`, check: ID, message });
      if (job.runsIn.includes(deployment)) report(`notIn.${deployment} says why the job does not run in ${deployment}, but its runsIn lists ${deployment}: drop one of them`);
      else if (typeof reason !== 'string' || isBlank(reason)) report(`notIn.${deployment} needs a reason with visible characters: say why nothing needs this job in ${deployment}`);
    }
  }
  for (const domain of model.domains) {
    const reason = domain.scrapedElsewhere;
    if (reason !== undefined && (typeof reason !== 'string' || isBlank(reason))) {
      problems.push({ file: domain.file, definition: domain.name, check: ID, message: 'scrapedElsewhere needs a reason with visible characters: say which Prometheus scrapes it' });
    }
  }
  return problems;
}

/** The first few, then how many more. */
function named(items: readonly string[]): string {
  const unique = [...new Set(items)];
  return unique.length <= NAMED ? unique.join(', ') : `${unique.slice(0, NAMED).join(', ')} and ${unique.length - NAMED} more`;
}
