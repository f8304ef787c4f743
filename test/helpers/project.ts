/**
 * Scratch projects for tests that run the real generator. They live under test/.work/ inside this
 * repository so that their definitions resolve `sextant` through the workspace link node_modules/sextant, as a user's resolve the installed package.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** A small complete project (a catalogue, rules with tests, a dashboard, scrape jobs): what engine tests run on, never the reference. */
export const FIXTURE_PROJECT = join(REPO, 'test/fixtures/golden-project');
const WORK = join(REPO, 'test/.work');
const CLI = join(REPO, 'generator/cli.ts');
const LAUNCHER = join(REPO, 'generator/launch.mjs');

export interface Project {
  readonly root: string;
  write(path: string, content: string): void;
  remove(): void;
}

export function scratchProject(files: Record<string, string> = {}): Project {
  mkdirSync(WORK, { recursive: true });
  const root = mkdtempSync(join(WORK, 'project-'));
  const project: Project = {
    root,
    write(path, content) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), content);
    },
    remove() {
      rmSync(root, { recursive: true, force: true });
    },
  };
  for (const [path, content] of Object.entries(files)) project.write(path, content);
  return project;
}

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the generator CLI as a user would (`npm run generate`): a separate Node process, through the
 * bundling launcher. `underTsx` runs generator/cli.ts under tsx instead, to compare the two ways;
 * `env` replaces the environment (a PATH without a tool).
 */
export function runCli(args: readonly string[], cwd: string = REPO, options: { underTsx?: boolean; env?: NodeJS.ProcessEnv } = {}): Promise<CliRun> {
  const command = options.underTsx ? ['--import', 'tsx', CLI] : [LAUNCHER];
  return new Promise((resolvePromise) => {
    execFile(process.execPath, [...command, ...args], { cwd, encoding: 'utf8', env: options.env }, (error, stdout, stderr) => {
      const status = error ? (typeof error.code === 'number' ? error.code : null) : 0;
      resolvePromise({ status, stdout, stderr });
    });
  });
}

/** A small valid domain to put beside the definition under test. */
export const VALID_DOMAIN = `import { counter, defineDomain, histogram } from 'sextant';
export default defineDomain({
  name: 'base',
  title: 'Base',
  description: 'A valid domain.',
  owner: 'app',
  metrics: {
    requests: counter({ name: 'requests_total', help: 'Requests served.', labels: { route: ['/a', '/b'] } }),
    latency: histogram({ name: 'request_duration_seconds', help: 'Request latency.', unit: 'seconds', buckets: [0.1, 1] }),
  },
});
`;

/** A catalogue file holding one app domain with the given metrics source. */
export function domainFile(metrics: string, options: { name?: string; owner?: string; imports?: string } = {}): string {
  const imports = options.imports ?? 'bounded, counter, gauge, histogram, summary, untyped, upstream, exponentialBuckets';
  return `import { defineDomain, ${imports} } from 'sextant';
export default defineDomain({
  name: '${options.name ?? 'case'}',
  title: 'Case',
  description: 'The definition under test.',
  owner: ${options.owner ?? "'app'"},
  metrics: {
${metrics}
  },
});
`;
}
