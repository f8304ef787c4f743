/**
 * The packs a new project uses (`sextant init --packs node,postgres`): checked against the packs the
 * package ships (packs/index.ts), written into the config one line each, and in place of the
 * hand-written scrape file init writes for the same program.
 */
import { nearestKey } from '../dsl/unknown-keys.ts';
import { camelName, PACKS } from '../packs/index.ts';

/** What a project gets when it names no packs. */
export const DEFAULT_PACKS: readonly string[] = ['alertmanager', 'node', 'prometheus'];

/** The scrape file of init's own template that a pack's scrape job replaces. */
export const SCRAPE_FILE_OF_PACK: Readonly<Record<string, string>> = {
  node: 'scrape/node_exporter.ts',
  prometheus: 'scrape/prometheus.ts',
  alertmanager: 'scrape/alertmanager.ts',
};

/** Why these pack names cannot be used, or undefined. */
export function packsProblem(packs: readonly string[]): string | undefined {
  const known = PACKS.map((pack) => pack.name);
  const unknown = packs.filter((name) => !known.includes(name));
  const twice = packs.find((name, index) => packs.indexOf(name) !== index);
  if (unknown.length === 0 && twice === undefined) return undefined;
  const list = PACKS.map((pack) => `  ${pack.name}: ${pack.summary}`).join('\n');
  if (twice !== undefined) return `pack '${twice}' is named twice in --packs: name each once`;
  const nearest = nearestKey(unknown[0]!, known);
  return `unknown pack '${unknown[0]}'${nearest ? ` (did you mean '${nearest}'?)` : ''}: the packs sextant ships are\n${list}`;
}

/** The config's lines for the packs: one import and one list entry each. */
export function packLines(packs: readonly string[]): { imports: string[]; entries: string[] } {
  return {
    imports: packs.map((name) => `import ${camelName(name)} from 'sextant/packs/${name}';`),
    entries: packs.map((name) => `${camelName(name)}()`),
  };
}
