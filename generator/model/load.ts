/**
 * Loads a project's definitions: `sextant.config.ts` and every `catalog/*.ts`, each imported as a
 * module. A file that fails to import (syntax error, a throwing helper) becomes a problem naming the
 * file; the other files still load, so one run reports everything.
 */
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { defineConfig, DEFAULT_CONFIG, type SextantConfig, type SextantConfigInput } from '../config.ts';
import type { Problem } from '../problems.ts';
import type { DefinitionSource } from './build.ts';

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

export async function loadProject(root: string): Promise<LoadedProject> {
  const problems: Problem[] = [];
  const config = await loadConfig(root, problems);
  const catalog: DefinitionSource[] = [];
  const catalogDir = join(root, CATALOG_DIR);
  if (!existsSync(catalogDir)) {
    problems.push({ file: `${CATALOG_DIR}/`, definition: 'catalogue', rule: 'load', message: `no ${CATALOG_DIR}/ directory in ${root}` });
    return { config, catalog, rules: [], dashboards: [], scrape: [], problems };
  }
  catalog.push(...(await importAll(root, catalogDir, problems)));
  const optional = async (dir: string) => (existsSync(join(root, dir)) ? importAll(root, join(root, dir), problems) : []);
  const rules = await optional(RULES_DIR);
  const dashboards = await optional(DASHBOARDS_DIR);
  const scrape = await optional(SCRAPE_DIR);
  return { config, catalog, rules, dashboards, scrape, problems };
}

async function importAll(root: string, dir: string, problems: Problem[]): Promise<DefinitionSource[]> {
  const sources: DefinitionSource[] = [];
  for (const file of await definitionFiles(dir)) {
    const imported = await importDefinition(root, join(dir, file), problems);
    if (imported !== undefined) sources.push({ file: relativePath(root, join(dir, file)), value: imported.default });
  }
  return sources;
}

async function loadConfig(root: string, problems: Problem[]): Promise<SextantConfig> {
  const path = join(root, CONFIG_FILE);
  if (!existsSync(path)) return DEFAULT_CONFIG;
  const imported = await importDefinition(root, path, problems);
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

async function importDefinition(root: string, path: string, problems: Problem[]): Promise<{ default?: unknown } | undefined> {
  try {
    return (await import(pathToFileURL(path).href)) as { default?: unknown };
  } catch (error) {
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
