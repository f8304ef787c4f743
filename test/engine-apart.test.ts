/**
 * Engine tests run without the reference project: every test file outside test/reference/ and
 * test/e2e/ (and every helper and fixture they use) imports none of the reference's definitions
 * (catalog/, alerts/, slos/, dashboards/, scrape/, exporter/, sextant.config.ts at the root) and runs
 * no generator on the root. What proves the reference itself lives in test/reference/.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from './helpers/project.ts';

const TEST = join(REPO, 'test');
const EXEMPT = ['reference', 'e2e', '.work'].map((dir) => join(TEST, dir));
const REFERENCE = ['catalog', 'alerts', 'slos', 'dashboards', 'scrape', 'exporter'].map((dir) => join(REPO, dir));
const REFERENCE_CONFIG = join(REPO, 'sextant.config.ts');

/** An `import … from '…'` or `export … from '…'` at the start of a line. */
const IMPORT = /^(?:import|export)\b[^'"`]*?\bfrom\s+['"]([^'"]+)['"]/gm;
/** `import('…')` anywhere. */
const DYNAMIC_IMPORT = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;
/** Where a module's static imports end: its first statement (what follows may hold a fixture's text that imports). */
const FIRST_STATEMENT = /^(?:const|let|var|function|async|class|describe|it|test|beforeAll|afterAll|if|for|await|export\s+(?:const|let|function|async|class|default|interface|type))\b/m;
/**
 * The generator pointed at the root: the pipeline or loader given REPO, the CLI with `--root` REPO or
 * run without `--root` (its default cwd is the root), the root's generated/ read.
 */
const ON_REFERENCE = [
  /\b(?:runPipeline|loadProject|runCheck|importBundled|modelOf|createContext)\(\s*REPO\b/,
  /'--root',\s*REPO\b/,
  /\brunCli\(\s*\[(?![^\]]*'--(?:root|help)')[^\]]*\](?:\s*\)|,\s*REPO\b)/,
  /join\(\s*REPO,\s*'(?:generated|catalog|alerts|slos|dashboards|scrape|exporter)\b/,
  /generator\/launch\.mjs[^`'"]*generate(?![^`'"]*--root)/,
];

function testSources(dir: string): string[] {
  if (EXEMPT.includes(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return testSources(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

function referenceImports(file: string, source: string): string[] {
  const header = source.slice(0, source.search(FIRST_STATEMENT) >>> 0);
  return [...header.matchAll(IMPORT), ...source.matchAll(DYNAMIC_IMPORT)]
    .map((match) => match[1]!)
    .filter((specifier) => specifier.startsWith('.'))
    .filter((specifier) => {
      const target = resolve(dirname(file), specifier);
      return target === REFERENCE_CONFIG || REFERENCE.some((dir) => target === dir || target.startsWith(`${dir}/`));
    });
}

describe('engine tests stay apart from the reference project', () => {
  const files = testSources(TEST);

  it('finds the engine tests', () => {
    expect(files.length).toBeGreaterThan(50);
  });

  it.each(files.map((file) => relative(REPO, file)))('%s imports no reference definition and runs nothing on the root', (path) => {
    const file = join(REPO, path);
    const source = readFileSync(file, 'utf8');
    expect(referenceImports(file, source), `${path} imports the reference's definitions: use a fixture (test/fixtures/) or move the test to test/reference/`).toEqual([]);
    const runs = ON_REFERENCE.filter((pattern) => pattern.test(source)).map((pattern) => source.match(pattern)![0]);
    expect(runs, `${path} runs the generator on the reference project: use a fixture project (test/fixtures/, scratchProject()) or move the test to test/reference/`).toEqual([]);
  });
});
