import { DEFAULT_CONFIG, type RemoteWrite } from '../../config.ts';
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
  summary: 'Every key of sextant.config.ts is one the engine reads: a misspelt key would otherwise be ignored and its default used.',
  fix: 'Rename the key to the one the message suggests, or delete it: the engine reads only the keys it documents.',
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
    return problems;
  },
};

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
