/**
 * Loads a project's definitions: `sextant.config.ts` and every `catalog/`, `alerts/`, `dashboards/`
 * and `scrape/` file, bundled into one module when they all load (bundle.ts), else imported one by
 * one: a file that fails to import (syntax error, a throwing helper) becomes a problem naming the
 * file; the other files still load, so one run reports everything.
 */
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { defineConfig, DEFAULT_CONFIG, type SextantConfig, type SextantConfigInput } from '../config.ts';
import type { Problem } from '../problems.ts';
import type { DefinitionSource } from './build.ts';
import { importBundled, type ImportedModule } from './bundle.ts';

export const CONFIG_FILE = 'sextant.config.ts';
export const CATALOG_DIR = 'catalog';
export const RULES_DIR = 'alerts';
export const DASHBOARDS_DIR = 'dashboards';
export const SCRAPE_DIR = 'scrape';

export interface LoadedProject {
  readonly config: SextantConfig;
  readonly catalog: DefinitionSource[];
  /** Rule files; the alerts/ directory is optional. */
  readonly rules: DefinitionSource[];
  /** Dashboard files; the dashboards/ directory is optional. */
  readonly dashboards: DefinitionSource[];
  /** Scrape job files; the scrape/ directory is optional. */
  readonly scrape: DefinitionSource[];
  readonly problems: Problem[];
}

type Importer = (path: string, problems: Problem[]) => Promise<ImportedModule | undefined>;

export async function loadProject(root: string): Promise<LoadedProject> {
  const problems: Problem[] = [];
  const catalogDir = join(root, CATALOG_DIR);
  const dirs = [CATALOG_DIR, RULES_DIR, DASHBOARDS_DIR, SCRAPE_DIR].filter((dir) => existsSync(join(root, dir)));
  const files = new Map<string, string[]>();
  for (const dir of dirs) files.set(dir, (await definitionFiles(join(root, dir))).map((file) => join(root, dir, file)));
  const importer = await importerFor(root, [...(existsSync(join(root, CONFIG_FILE)) ? [join(root, CONFIG_FILE)] : []), ...[...files.values()].flat()]);
  const config = await loadConfig(root, importer, problems);
  if (!existsSync(catalogDir)) {
    problems.push({ file: `${CATALOG_DIR}/`, definition: 'catalogue', rule: 'load', message: `no ${CATALOG_DIR}/ directory in ${root}` });
    return { config, catalog: [], rules: [], dashboards: [], scrape: [], problems };
  }
  const load = (dir: string) => importAll(root, files.get(dir) ?? [], importer, problems);
  return { config, catalog: await load(CATALOG_DIR), rules: await load(RULES_DIR), dashboards: await load(DASHBOARDS_DIR), scrape: await load(SCRAPE_DIR), problems };
}

/** All definitions in one bundle when that works; otherwise file by file, each failure named. */
async function importerFor(root: string, files: readonly string[]): Promise<Importer> {
  const bundled = await importBundled(root, files);
  if ('modules' in bundled) return async (path) => bundled.modules.get(path);
  return (path, problems) => importDefinition(root, path, problems);
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
    problems.push({ file: CONFIG_FILE, definition: 'default export', rule: 'load', message: 'must `export default defineConfig({ ... })`' });
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
 * Thrown when the definitions did not bundle and this process cannot import TypeScript file by file
 * (plain Node, no tsx): the launcher reruns the command under tsx, which names the failing file.
 */
export class NeedsTypeScriptLoader extends Error {
  override readonly name = 'NeedsTypeScriptLoader';
}

async function importDefinition(root: string, path: string, problems: Problem[]): Promise<ImportedModule | undefined> {
  try {
    return (await import(pathToFileURL(path).href)) as { default?: unknown };
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_UNKNOWN_FILE_EXTENSION') throw new NeedsTypeScriptLoader(`cannot import ${relativePath(root, path)} without a TypeScript loader`);
    problems.push({ file: relativePath(root, path), definition: 'file', rule: 'load', message: describeLoadError(root, error) });
    return undefined;
  }
}

/** The error's first lines, with absolute paths made relative so messages are the same everywhere. */
function describeLoadError(root: string, error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const prefix = root.endsWith(sep) ? root : root + sep;
  return `cannot load: ${text.split(prefix).join('').split('\n').filter((line) => line.trim() !== '').slice(0, 4).join(' / ')}`;
}

export function relativePath(root: string, path: string): string {
  return relative(root, path).split(sep).join('/');
}
