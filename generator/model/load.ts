/**
 * Loads a project's definitions: `sextant.config.ts` and every `catalog/`, `alerts/`, `slos/`,
 * `dashboards/` and `scrape/` file, bundled by esbuild (bundle.ts). A file that fails to load
 * (syntax error, a throwing helper) becomes a problem naming the file and the cause; the other
 * files still load, so one run reports everything. The packs the config lists add their
 * definitions beside the project's (packs.ts).
 */
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { defineConfig, DEFAULT_CONFIG, type SextantConfig, type SextantConfigInput } from '../config.ts';
import type { Problem } from '../problems.ts';
import type { DefinitionSource } from './build.ts';
import { importBundled, type ImportedModule } from './bundle.ts';
import { loadEnvironments, type LoadedEnvironment } from './environments.ts';
import { packSources } from './packs.ts';

export const CONFIG_FILE = 'sextant.config.ts';
export const CATALOG_DIR = 'catalog';
export const RULES_DIR = 'alerts';
export const DASHBOARDS_DIR = 'dashboards';
export const SCRAPE_DIR = 'scrape';
export const SLOS_DIR = 'slos';
/** Definition folders in the order they may import each other: rules read the catalogue, and so on. */
export const DEFINITION_DIRS = [CATALOG_DIR, RULES_DIR, SLOS_DIR, DASHBOARDS_DIR, SCRAPE_DIR] as const;

export interface LoadedProject {
  readonly config: SextantConfig;
  readonly catalog: DefinitionSource[];
  /** Rule files; the alerts/ directory is optional. */
  readonly rules: DefinitionSource[];
  /** Dashboard files; the dashboards/ directory is optional. */
  readonly dashboards: DefinitionSource[];
  /** Scrape job files; the scrape/ directory is optional. */
  readonly scrape: DefinitionSource[];
  /** SLO files; the slos/ directory is optional. */
  readonly slos: DefinitionSource[];
  readonly problems: Problem[];
  /** Every file the definitions were read from (absolute paths): what a run of them depends on. */
  readonly inputs: readonly string[];
  /** The environments whose thresholds or packs differ, each with its own evaluation of the rule files. */
  readonly environments: readonly LoadedEnvironment[];
}

type Importer = ((path: string, problems: Problem[]) => Promise<ImportedModule | undefined>) & {
  readonly inputs: readonly string[];
  /** Whether the file built and ran: only those are evaluated again per environment. */
  readonly loaded: (path: string) => boolean;
};

export async function loadProject(root: string): Promise<LoadedProject> {
  const problems: Problem[] = [];
  const catalogDir = join(root, CATALOG_DIR);
  const dirs = DEFINITION_DIRS.filter((dir) => existsSync(join(root, dir)));
  const files = new Map<string, string[]>();
  for (const dir of dirs) files.set(dir, (await definitionFiles(join(root, dir))).map((file) => join(root, dir, file)));
  const importer = await importerFor(root, problems, [...(existsSync(join(root, CONFIG_FILE)) ? [join(root, CONFIG_FILE)] : []), ...[...files.values()].flat()]);
  const config = await loadConfig(root, importer, problems);
  // The config's packs go first: a project's own definitions are read after the programs they build on.
  const packs = packSources(config, problems);
  if (!existsSync(catalogDir) && packs.catalog.length === 0) {
    problems.push({ file: `${CATALOG_DIR}/`, definition: 'catalogue', check: 'load', message: `no ${CATALOG_DIR}/ directory in ${root}, and sextant.config.ts lists no packs: describe your metrics in ${CATALOG_DIR}/ or use a pack` });
    return { config, catalog: [], rules: [], dashboards: [], scrape: [], slos: [], problems, inputs: importer.inputs, environments: [] };
  }
  const load = (dir: string) => importAll(root, files.get(dir) ?? [], importer, problems);
  const ruleFiles = files.get(RULES_DIR) ?? [];
  const environments = await loadEnvironments(root, config, join(root, CONFIG_FILE), ruleFiles.filter((path) => importer.loaded(path)), (path) => relativePath(root, path));
  for (const { name, failures } of environments) {
    for (const [path, error] of failures) {
      if (path !== join(root, CONFIG_FILE)) problems.push({ file: relativePath(root, path), definition: `environments.${name}`, check: 'load', message: `${describeLoadError(root, error)} (with the thresholds of environments.${name} in sextant.config.ts)` });
    }
  }
  return {
    config,
    catalog: [...packs.catalog, ...(await load(CATALOG_DIR))],
    rules: [...packs.rules, ...(await load(RULES_DIR))],
    dashboards: [...packs.dashboards, ...(await load(DASHBOARDS_DIR))],
    scrape: [...packs.scrape, ...(await load(SCRAPE_DIR))],
    slos: await load(SLOS_DIR),
    problems,
    inputs: importer.inputs,
    environments,
  };
}

/** All definitions in one bundle; a file that failed is a `load` problem when it is asked for. */
async function importerFor(root: string, problems: Problem[], files: readonly string[]): Promise<Importer> {
  const bundled = await importBundled(root, files);
  for (const { file, line, firstLine, key } of bundled.duplicateKeys) {
    const first = firstLine === undefined ? '' : ` (first on line ${firstLine})`;
    problems.push({
      file,
      definition: `key ${key} (line ${line})`,
      check: 'duplicate-keys',
      message: `'${key}' is written twice in one object${first}; JavaScript silently keeps only the last one, so the earlier definition is lost. Rename or remove one of them`,
    });
  }
  const importer = async (path: string, problems: Problem[]) => {
    if (bundled.failures.has(path)) problems.push({ file: relativePath(root, path), definition: 'file', check: 'load', message: describeLoadError(root, bundled.failures.get(path)) });
    return bundled.modules.get(path);
  };
  return Object.assign(importer, { inputs: bundled.inputs, loaded: (path: string) => bundled.modules.has(path) });
}

async function importAll(root: string, files: readonly string[], importer: Importer, problems: Problem[]): Promise<DefinitionSource[]> {
  const sources: DefinitionSource[] = [];
  for (const path of files) {
    const imported = await importer(path, problems);
    if (imported !== undefined) sources.push({ file: relativePath(root, path), value: imported.default });
  }
  return sources;
}

async function loadConfig(root: string, importer: Importer, problems: Problem[]): Promise<SextantConfig> {
  const path = join(root, CONFIG_FILE);
  if (!existsSync(path)) return DEFAULT_CONFIG;
  const imported = await importer(path, problems);
  if (imported === undefined) return DEFAULT_CONFIG;
  const value = imported.default;
  if (typeof value !== 'object' || value === null) {
    problems.push({ file: CONFIG_FILE, definition: 'default export', check: 'load', message: 'must `export default defineConfig({ ... })`' });
    return DEFAULT_CONFIG;
  }
  // defineConfig is idempotent, so a plain object and a defineConfig() result are both accepted.
  return defineConfig(value as SextantConfigInput);
}

/** Definition files in name order, so output and messages do not depend on the file system. */
async function definitionFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.d.ts'))
    .map((e) => e.name)
    .sort();
}

/**
 * The error's first lines, with absolute paths made relative so messages are the same everywhere,
 * and, for an error thrown while the file ran (something it reads is undefined), the line of the
 * project's own code that threw: "Cannot read properties of undefined" alone does not say where.
 */
function describeLoadError(root: string, error: unknown): string {
  return `cannot load: ${describeError(root, error)}`;
}

/** An error's message, project-relative, with the project line that threw when the stack has one. */
export function describeError(root: string, error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const prefix = root.endsWith(sep) ? root : root + sep;
  const message = text.split(prefix).join('').split('\n').filter((line) => line.trim() !== '').slice(0, 4).join(' / ');
  const at = error instanceof Error ? projectFrame(root, error.stack ?? '') : undefined;
  return `${message}${at && !message.includes(at) ? ` (at ${at})` : ''}`;
}

/** `catalog/http.ts:12` from the first stack frame in the project's definitions, if any. */
function projectFrame(root: string, stack: string): string | undefined {
  for (const match of stack.matchAll(/(?:file:\/\/)?(\/[^\s():]+):(\d+):\d+/g)) {
    const file = relativePath(root, match[1]!);
    if (!file.startsWith('..') && !file.startsWith('node_modules/') && !file.startsWith('generator/')) return `${file}:${match[2]}`;
  }
  return undefined;
}

export function relativePath(root: string, path: string): string {
  return relative(root, path).split(sep).join('/');
}
