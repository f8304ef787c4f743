/**
 * The packs a project's config lists, as definition sources beside its own files: each pack's
 * domains, rule files, dashboards and scrape jobs, placed at `sextant/packs/<name>/<kind>` so every
 * message about them names the pack.
 */
import type { SextantConfig } from '../config.ts';
import type { PackDef } from '../dsl/packs.ts';
import { unknownKeyMessage } from '../dsl/unknown-keys.ts';
import type { Problem } from '../problems.ts';
import type { DefinitionSource } from './build.ts';
import { CONFIG_FILE } from './load.ts';

export interface PackSources {
  readonly catalog: DefinitionSource[];
  readonly rules: DefinitionSource[];
  readonly dashboards: DefinitionSource[];
  readonly scrape: DefinitionSource[];
}

const PACK_NAME = /^[a-z][a-z0-9_]*$/;

export function packSources(config: SextantConfig, problems: Problem[]): PackSources {
  const sources: PackSources = { catalog: [], rules: [], dashboards: [], scrape: [] };
  const listed: unknown = config.packs;
  if (!Array.isArray(listed)) {
    problems.push({ file: CONFIG_FILE, definition: 'packs', check: 'definition-shape', message: "packs must be a list of packs, written like packs: [node(), postgres({ job: 'db' })]" });
    return sources;
  }
  const seen = new Set<string>();
  listed.forEach((pack: unknown, index) => {
    if (!isPack(pack)) {
      const hint = typeof pack === 'function' ? ': call it (node(), not node)' : ': import it from sextant/packs/<name> and call it';
      problems.push({ file: CONFIG_FILE, definition: `packs[${index}]`, check: 'definition-shape', message: `is not a pack${hint}` });
      return;
    }
    if (!PACK_NAME.test(pack.name) || seen.has(pack.name)) {
      problems.push({ file: CONFIG_FILE, definition: `packs[${index}]`, check: 'definition-shape', message: seen.has(pack.name) ? `pack '${pack.name}' is listed twice: list each pack once, with all its options` : `pack name '${pack.name}' must be snake_case` });
      return;
    }
    seen.add(pack.name);
    for (const { place, key, known } of pack.unknownKeys ?? []) {
      const where = place === 'options' ? `packs.${pack.name}` : `packs.${pack.name}.${place}`;
      problems.push({ file: CONFIG_FILE, definition: `${where}.${key}`, check: 'config-keys', message: unknownKeyMessage(key, known, `the ${pack.name} pack's ${place}`) });
    }
    const place = (kind: string, value: { name?: unknown }, many: number) => `sextant/packs/${pack.name}/${kind}${many > 1 ? `/${String(value.name)}` : ''}`;
    const add = (into: DefinitionSource[], kind: string, values: readonly { name?: unknown }[]) => {
      for (const value of values) into.push({ file: place(kind, value, values.length), value });
    };
    add(sources.catalog, 'catalog', pack.domains);
    add(sources.rules, 'alerts', pack.rules);
    add(sources.dashboards, 'dashboards', pack.dashboards);
    add(sources.scrape, 'scrape', pack.scrape);
  });
  return sources;
}

function isPack(value: unknown): value is PackDef {
  if (typeof value !== 'object' || value === null || (value as { kind?: unknown }).kind !== 'pack') return false;
  const pack = value as Record<string, unknown>;
  return typeof pack.name === 'string' && ['domains', 'rules', 'dashboards', 'scrape'].every((key) => Array.isArray(pack[key]));
}
