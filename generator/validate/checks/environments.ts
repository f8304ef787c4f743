/**
 * The environments the config declares (staging, production…) beside compose, hosts and Kubernetes:
 * each names a generated file and a label value, and overrides only thresholds its rules read and
 * the thresholds and escalation of packs the config lists (model/environments.ts evaluates the rules
 * with them).
 */
import { optionsBeyondEnvironment, type PackDef, packInEnvironment } from '../../dsl/packs.ts';
import { DEPLOYMENTS } from '../../dsl/scrape.ts';
import { nearestKey, unknownKeyMessage, unknownKeys } from '../../dsl/unknown-keys.ts';
import { CONFIG_FILE } from '../../model/load.ts';
import type { Model } from '../../model/types.ts';
import type { Problem } from '../../problems.ts';
import type { Check } from '../check.ts';
import { isBlank, shown } from '../readable-text.ts';
import { targetProblem } from './scrape-jobs.ts';

/** It names prometheus/prometheus.<name>.yml and the environment label: lowercase, no dots or spaces. */
const NAME = /^[a-z][a-z0-9_-]*$/;
const ENVIRONMENT_KEYS = ['thresholds', 'packs', 'alertmanager'];
/** `<file>.edges.test.yml` is a file's edge cases: an environment of that name would make its copies ambiguous. */
const RESERVED = ['edges'];

export const environmentsCheck: Check = {
  id: 'environments',
  summary:
    'Declared environments have lowercase names other than compose, hosts, kubernetes and edges, only the keys thresholds, packs and alertmanager, threshold overrides that name a threshold of alerts.thresholds some rule reads with a finite number, packs the config lists, whose jobs have targets there and whose thresholds or escalation change their rules, and a host:port Alertmanager; kubernetes.environment names one of them.',
  fix: 'Name the environment in lowercase (staging, production), give it only thresholds, packs and alertmanager, override only thresholds that alerts.thresholds defines and some rule reads, with a number, and list again only packs the config lists that run there, with the thresholds or escalation that differ there.',
  run(model) {
    const { config } = model;
    const problems: Problem[] = [];
    const report = (definition: string, message: string) => problems.push({ file: CONFIG_FILE, definition, check: this.id, message });
    const environments: unknown = config.environments;
    if (typeof environments !== 'object' || environments === null || Array.isArray(environments)) {
      report('environments', "must map environment names to their settings, such as { staging: {}, production: { thresholds: { … } } }");
      return problems;
    }
    const thresholds = Object.keys(config.alerts.thresholds);
    for (const [name, settings] of Object.entries(environments as Record<string, unknown>)) {
      const where = `environments.${name}`;
      if (isBlank(name)) report(`environments[${shown(name)}]`, 'an environment name is blank: name it as its Prometheus configuration file will be (staging, production)');
      else if ((DEPLOYMENTS as readonly string[]).includes(name)) report(where, `${name} is built in: its targets go under targets.${name} without declaring it; declare only other environments`);
      else if (RESERVED.includes(name)) report(where, `${name} is reserved: <file>.${name}.test.yml already names a rule file's edge cases; name the environment otherwise`);
      else if (!NAME.test(name)) report(`environments[${shown(name)}]`, `environment name ${shown(name)} must be lowercase letters, digits, - and _, starting with a letter: it names prometheus/prometheus.<name>.yml and the environment label`);
      if (typeof settings !== 'object' || settings === null || Array.isArray(settings)) {
        report(where, 'must be an object ({} when nothing differs there but the targets)');
        continue;
      }
      for (const key of unknownKeys(settings, ENVIRONMENT_KEYS)) report(where, unknownKeyMessage(key, ENVIRONMENT_KEYS, where));
      const { thresholds: overrides, packs, alertmanager } = settings as { thresholds?: unknown; packs?: unknown; alertmanager?: unknown };
      if (alertmanager !== undefined) {
        const problem = targetProblem(alertmanager);
        if (problem) report(`${where}.alertmanager`, `${shown(alertmanager)} ${problem}: give the Alertmanager's host:port in ${name}`);
      }
      if (packs !== undefined) for (const [definition, message] of packProblems(model, packs, name)) report(`${where}.${definition}`, message);
      if (overrides === undefined) continue;
      if (typeof overrides !== 'object' || overrides === null || Array.isArray(overrides)) {
        report(`${where}.thresholds`, 'must map threshold names of alerts.thresholds to the numbers this environment uses');
        continue;
      }
      const read = thresholdsRead(model, name);
      for (const [threshold, value] of Object.entries(overrides)) {
        if (!thresholds.includes(threshold)) {
          const nearest = nearestKey(threshold, thresholds);
          report(
            `${where}.thresholds.${threshold}`,
            `overrides threshold '${threshold}', which alerts.thresholds does not define${nearest ? `: did you mean '${nearest}'?` : ''}; an environment only changes thresholds every environment has (add it to alerts.thresholds first)`,
          );
        } else if (typeof value !== 'number' || !Number.isFinite(value)) {
          report(`${where}.thresholds.${threshold}`, `must be a finite number, got ${String(value)}`);
        } else if (!read.includes(threshold)) {
          // An override no rule reads would leave the environment alerting as every other one does, silently.
          const nearest = nearestKey(threshold, read);
          report(
            `${where}.thresholds.${threshold}`,
            `overrides threshold '${threshold}', which no rule file reads, so ${name} would alert exactly as the default does${nearest ? `; did you mean '${nearest}'?` : ''}: override a threshold an alert reads (config.alerts.thresholds.<name> in alerts/), or remove the override`,
          );
        }
      }
    }
    const inKubernetes: unknown = config.kubernetes.environment;
    if (inKubernetes !== undefined && !(typeof inKubernetes === 'string' && Object.hasOwn(environments, inKubernetes))) {
      const nearest = typeof inKubernetes === 'string' ? nearestKey(inKubernetes, Object.keys(environments)) : undefined;
      problems.push({
        file: CONFIG_FILE,
        definition: 'kubernetes.environment',
        check: this.id,
        message: `${shown(inKubernetes)} is not a declared environment${nearest ? `: did you mean '${nearest}'?` : ` (declared: ${Object.keys(environments).join(', ') || 'none'})`}; name the environment whose thresholds the cluster's rules use, or leave it out for the defaults`,
      });
    }
    return problems;
  },
};

/** The thresholds an environment's evaluation of the rule files read (none when it was not evaluated). */
function thresholdsRead(model: Model, environment: string): readonly string[] {
  return model.environments?.find(({ name }) => name === environment)?.thresholdsRead ?? [];
}

/**
 * An environment's packs: each a pack the config lists (by name), once, whose thresholds or
 * escalation change its rules; the environment takes only its rules (jobs, dashboards and domains
 * stay the config's). Its keys, misspelt or not for an environment, are `config-keys`'s.
 */
function packProblems(model: Model, packs: unknown, environment: string): [string, string][] {
  const listed: unknown = model.config.packs;
  const base = (Array.isArray(listed) ? listed : []).filter(isPackLike);
  if (!Array.isArray(packs)) return [['packs', `must be a list of packs the config lists, with ${environment}'s options: packs: [node({ thresholds: { … } })]`]];
  const names = base.map((pack) => pack.name);
  const seen = new Set<string>();
  return packs.flatMap((pack: unknown, index): [string, string][] => {
    const where = `packs[${index}]`;
    if (!isPackLike(pack)) return [[where, `is not a pack${typeof pack === 'function' ? ': call it (node({ … }), not node)' : ': list a pack call, such as node({ thresholds: { … } })'}`]];
    const same = base.find((other) => other.name === pack.name);
    if (!same) {
      // Its scrape jobs, dashboards and domains would exist nowhere: a pack runs where its jobs have targets.
      const nearest = nearestKey(pack.name, names);
      return [[where, `pack '${pack.name}' is not in the config's packs${nearest ? `: did you mean '${nearest}'?` : ''}; an environment changes only the thresholds and escalation of packs every environment has, whose scrape jobs, dashboards and domains come from the config: list it in packs first, with targets under targets.${environment} if it runs only there`]];
    }
    if (seen.has(pack.name)) return [[where, `pack '${pack.name}' is listed twice in ${environment}: list it once, with all its options`]];
    seen.add(pack.name);
    // config-keys names a misspelt option or one an environment cannot change.
    if ((pack.unknownKeys ?? []).length > 0 || optionsBeyondEnvironment(pack.options ?? {}, same.options ?? {}).length > 0) return [];
    // Without configure the environment's pack is taken as written: it must not drop what the config's sets.
    const fixed = Object.keys(same.options ?? {});
    if (same.configure === undefined && fixed.length > 0) {
      return [[where, `pack '${pack.name}' cannot be made again with ${environment}'s options: its definePack() names no configure function, so ${environment}'s rules would lose the config's ${fixed.join(', ')}; give definePack() configure: <the pack's function>, or remove it from ${environment}`]];
    }
    const unreached = unreachedJobs(model, same, environment);
    if (unreached.length > 0) {
      return [[where, `pack '${pack.name}' has no targets in ${environment}: its scrape job${unreached.length > 1 ? 's' : ''} ${unreached.join(', ')} list${unreached.length > 1 ? '' : 's'} none under targets.${environment}, so its rules would never fire there; give the config's ${pack.name}() pack targets: { ${environment}: ['host:port'] }, or remove it from ${environment}`]];
    }
    if (rulesOf(packInEnvironment(same, pack)) === rulesOf(same)) {
      return [[where, `pack '${pack.name}' changes none of its rules in ${environment}: give it the thresholds or escalation that differ there, or remove it`]];
    }
    return idleOverrides(same, pack).map((key): [string, string] => [
      `${where}.${key}`,
      `${key === 'escalation' ? 'its escalation' : `threshold '${key.slice('thresholds.'.length)}'`} changes none of the ${pack.name} pack's rules in ${environment}: no rule reads it, or the config's pack has that value already; remove it`,
    ]);
  });
}

const rulesOf = (pack: PackDef) => JSON.stringify(pack.rules);

/**
 * What an environment's pack sets that changes none of its rules though the pack as a whole does:
 * each threshold and the escalation, tried alone over the config's options (none when the pack
 * cannot be made again to try them).
 */
function idleOverrides(base: PackDef, pack: PackDef): string[] {
  if (base.configure === undefined) return [];
  const { thresholds = {}, escalation } = (pack.options ?? {}) as { thresholds?: Record<string, unknown>; escalation?: unknown };
  const alone: [string, Record<string, unknown>][] = [
    ...Object.entries(thresholds).map(([name, value]): [string, Record<string, unknown>] => [`thresholds.${name}`, { thresholds: { [name]: value } }]),
    ...(escalation === undefined ? [] : [['escalation', { escalation }] as [string, Record<string, unknown>]]),
  ];
  // The pack as the environment lists it with only that option: packInEnvironment() reads only its options.
  return alone.filter(([, options]) => rulesOf(packInEnvironment(base, { ...pack, options })) === rulesOf(base)).map(([key]) => key);
}

/**
 * The config's pack's scrape jobs, by name, when none of them reaches the environment: none has
 * targets there, nor runs in Kubernetes when the cluster is that environment. A pack without jobs
 * reads series of other jobs: nothing to say.
 */
function unreachedJobs(model: Model, pack: PackDef, environment: string): string[] {
  const jobs = model.scrapeJobs.filter((job) => (pack.scrape ?? []).some((def) => def.name === job.name));
  const inKubernetes = model.config.kubernetes.environment === environment;
  const reaches = jobs.some((job) => (job.targets[environment]?.length ?? 0) > 0 || (inKubernetes && job.runsIn.includes('kubernetes')));
  return reaches ? [] : jobs.map((job) => job.name);
}

function isPackLike(value: unknown): value is PackDef {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'pack' && typeof (value as { name?: unknown }).name === 'string';
}
