/**
 * `sextant init [dir]`: a minimal, working project for one service. Every file is written or none:
 * if any of them exists, nothing is written and the existing ones are returned, so init never
 * overwrites a user's work and never leaves half a project.
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { projectNames, serviceNameProblem, type ProjectNames } from './names.ts';
import { DEFAULT_PACKS, packsProblem, SCRAPE_FILE_OF_PACK } from './packs.ts';
import { alertsFile } from './templates/alerts.ts';
import { catalogFile } from './templates/catalog.ts';
import { composeFile } from './templates/compose.ts';
import { configFile } from './templates/config.ts';
import { dashboardFile } from './templates/dashboard.ts';
import { gitignoreFile } from './templates/gitignore.ts';
import { readmeFile } from './templates/readme.ts';
import { scrapeFiles } from './templates/scrape.ts';
import { tsconfigFile } from './templates/tsconfig.ts';
import { workflowFile } from './templates/workflow.ts';

/** Bad input to init (a service name that cannot be a namespace): its message is for the user, as it is. */
export class InitError extends Error {}

export interface InitOptions {
  /** The service's name, which becomes the namespace; default: the directory's name. */
  readonly service?: string;
  /** The packs the project uses (`node`, `postgres`…); default DEFAULT_PACKS. */
  readonly packs?: readonly string[];
}

export type InitResult = { readonly written: string[] } | { readonly refused: string[] };

/** The project's files by path (relative, with /), for a service and the packs it uses. */
export function projectFiles(names: ProjectNames, packs: readonly string[] = DEFAULT_PACKS): Record<string, string> {
  const { service } = names;
  // A pack brings its own scrape job: init's hand-written one for the same program goes.
  const replaced = new Set(packs.map((pack) => SCRAPE_FILE_OF_PACK[pack]));
  const scrape = Object.entries(scrapeFiles(names)).filter(([path]) => !replaced.has(path));
  return {
    'sextant.config.ts': configFile(names, packs),
    [`catalog/${service}.ts`]: catalogFile(names),
    [`alerts/${service}.ts`]: alertsFile(names),
    [`dashboards/${service}.ts`]: dashboardFile(names),
    ...Object.fromEntries(scrape),
    'docker-compose.yml': composeFile(names, packs),
    'tsconfig.json': tsconfigFile(),
    'README.md': readmeFile(names, packs),
    '.github/workflows/monitoring.yml': workflowFile(),
    '.gitignore': gitignoreFile(),
  };
}

export async function initProject(dir: string, options: InitOptions = {}): Promise<InitResult> {
  const root = resolve(dir);
  const service = options.service ?? basename(root);
  const problem = serviceNameProblem(service);
  if (problem) throw new InitError(options.service === undefined ? `${problem} (it was taken from the directory's name, ${basename(root)})` : problem);
  const packs = options.packs ?? DEFAULT_PACKS;
  const packProblem = packsProblem(packs);
  if (packProblem) throw new InitError(packProblem);
  const files = Object.entries(projectFiles(projectNames(service), packs)).sort(([a], [b]) => (a < b ? -1 : 1));
  const refused = files.map(([path]) => path).filter((path) => existsSync(join(root, path)));
  if (refused.length > 0) return { refused };
  for (const [path, text] of files) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    // 'wx': a file that appeared since the look above is still not overwritten.
    await writeFile(join(root, path), text, { flag: 'wx' });
  }
  return { written: files.map(([path]) => path) };
}
