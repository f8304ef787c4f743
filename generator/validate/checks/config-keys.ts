import { DEFAULT_CONFIG, type RemoteWrite } from '../../config.ts';
import { ENVIRONMENT_PACK_OPTIONS, optionsBeyondEnvironment, type PackDef } from '../../dsl/packs.ts';
import { unknownKeyMessage } from '../../dsl/unknown-keys.ts';
// Other checks name the nearest known word the same way.
import { CONFIG_FILE } from '../../model/load.ts';
import type { Problem } from '../../problems.ts';
import type { Check } from '../check.ts';

/** Where the config holds maps of the user's own names: any key goes there. */
/** (environments: their names are the user's; check `environments` reads their keys.) */
const FREE_FORM = ['alerts.thresholds', 'kubernetes.ruleLabels', 'kubernetes.monitorLabels', 'environments', 'packs'];
/** remoteWrite is off by default, so DEFAULT_CONFIG cannot show its shape. */
const REMOTE_WRITE: Required<Omit<RemoteWrite, 'queue'>> & { queue: Required<NonNullable<RemoteWrite['queue']>> } = {
  url: '',
  bearerTokenFile: '',
  queue: { capacity: 0, maxShards: 0, maxSamplesPerSend: 0 },
};
const KNOWN = { ...DEFAULT_CONFIG, prometheus: { ...DEFAULT_CONFIG.prometheus, remoteWrite: REMOTE_WRITE } };

export const configKeysCheck: Check = {
  id: 'config-keys',
  summary:
    "Every key of sextant.config.ts is one the engine reads: a misspelt key would otherwise be ignored and its default used. A pack an environment lists again takes only thresholds and escalation: its other options shape the scrape jobs, dashboards and domains every environment shares, so they would change only that environment's rules.",
  fix: "Rename the key to the one the message suggests, or delete it: the engine reads only the keys it documents. Set a pack's other options (job, targets per environment, folder…) on the config's pack.",
  run({ config }) {
    const problems: Problem[] = [];
    const visit = (given: unknown, known: unknown, path: string) => {
      if (!isObject(given) || !isObject(known) || FREE_FORM.includes(path)) return;
      for (const [key, value] of Object.entries(given)) {
        const where = path === '' ? key : `${path}.${key}`;
        if (key in known) visit(value, known[key], where);
        else problems.push({ file: CONFIG_FILE, definition: where, check: this.id, message: unknownKeyMessage(key, Object.keys(known), path === '' ? 'the config' : path) });
      }
    };
    visit(config, KNOWN, '');
    for (const [definition, message] of environmentPackKeys(config.environments, config.packs)) problems.push({ file: CONFIG_FILE, definition, check: this.id, message });
    return problems;
  },
};

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Why an environment cannot give a pack the option, and the fix, by option. */
const PER_CONFIG: Readonly<Record<string, (pack: string, environment: string) => string>> = {
  job: (pack, environment) => `it names the scrape job every environment shares, so ${environment}'s rules would select a job no target has; set job on the config's ${pack}() pack`,
  targets: (pack, environment) => `targets belong to the scrape job every environment shares; list ${environment}'s on the config's ${pack}() pack, as targets: { ${environment}: ['host:port'] }`,
  folder: (pack) => `its dashboards are rendered once, for every environment; set folder on the config's ${pack}() pack`,
};

/**
 * The keys of each pack an environment lists again (`environments.<name>.packs`): a misspelt option
 * or threshold, and an option other than thresholds and escalation with another value than the
 * config's pack has, would leave that environment on the config's value, or change only its rules,
 * silently. The rest of its shape is the
 * `environments` check's.
 */
function environmentPackKeys(environments: unknown, listed: unknown): [string, string][] {
  if (!isObject(environments)) return [];
  const configured = (name: string): Readonly<Record<string, unknown>> =>
    (Array.isArray(listed) ? (listed as Partial<PackDef>[]) : []).find((pack) => isObject(pack) && pack.name === name)?.options ?? {};
  return Object.entries(environments).flatMap(([environment, settings]) => {
    const packs = isObject(settings) && Array.isArray(settings.packs) ? (settings.packs as unknown[]) : [];
    return packs.flatMap((pack, index): [string, string][] => {
      if (!isObject(pack) || pack.kind !== 'pack' || typeof pack.name !== 'string') return [];
      const { name, unknownKeys = [], options = {} } = pack as Partial<PackDef> & { name: string };
      const where = `environments.${environment}.packs[${index}]`;
      const misspelt = new Set(unknownKeys.filter(({ place }) => place === 'options').map(({ key }) => key));
      return [
        ...unknownKeys.map(({ place, key, known }): [string, string] => [`${where}.${place === 'options' ? '' : `${place}.`}${key}`, unknownKeyMessage(key, known, `the ${name} pack's ${place}`)]),
        ...optionsBeyondEnvironment(options, configured(name))
          .filter((key) => !misspelt.has(key))
          .map((key): [string, string] => [
            `${where}.${key}`,
            `${environment} cannot change the ${name} pack's ${key}: ${PER_CONFIG[key]?.(name, environment) ?? `it shapes the pack's scrape jobs, dashboards or domains, which every environment shares, so only ${environment}'s rules would follow it; set ${key} on the config's ${name}() pack`} (an environment may change only a pack's ${ENVIRONMENT_PACK_OPTIONS.join(' and ')})`,
          ]),
      ];
    });
  });
}
