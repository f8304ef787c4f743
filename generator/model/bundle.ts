/**
 * Loads the definitions without a TypeScript loader: esbuild bundles them, one entry per file with
 * the code they share split out, into node_modules/.cache/sextant/ of the nearest node_modules
 * (the project's), where Node resolves the npm packages they import as it would from the project. `sextant` (TypeScript) is bundled in like
 * any module: the definitions get their own copy of the DSL, which is fine because every definition
 * carries its kind and identity as data (nothing compares classes or object identity). Inline source
 * maps let an error thrown while a file runs name the file and line it was written on.
 *
 * A file that does not build (a syntax error, an import that does not resolve) or throws when it
 * runs is a failure of that file, with its cause; the other files still load, so one run reports
 * everything.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { createRequire, findSourceMap } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BuildFailure, Message, Plugin } from 'esbuild';

// esbuild is CommonJS: required, it loads without Node scanning its source for named exports, as an
// import of it would (a third of a bare Node start, every run).
const { build } = createRequire(import.meta.url)('esbuild') as typeof import('esbuild');

export type ImportedModule = { default?: unknown };

/** Where esbuild found the same key twice in one object literal: JavaScript keeps only the last one. */
export interface DuplicateKey {
  /** Path relative to the project root. */
  readonly file: string;
  /** The line of the repeated key, and of its first occurrence when esbuild tells. */
  readonly line: number;
  readonly firstLine: number | undefined;
  readonly key: string;
}

export interface BundleResult {
  /** Definition files (absolute paths) that loaded → their modules. */
  readonly modules: ReadonlyMap<string, ImportedModule>;
  /** Definition files that did not → why (the error, or where esbuild stopped). */
  readonly failures: ReadonlyMap<string, unknown>;
  readonly duplicateKeys: readonly DuplicateKey[];
  /** Every file the bundle read (absolute paths, sorted): the definitions and what they import, packages aside. */
  readonly inputs: readonly string[];
}

/** A build error, as a load failure names it: esbuild's text and the place, project-relative. */
export class BuildError extends Error {
  override readonly name = 'BuildError';
}

/**
 * Definition files (absolute paths, in load order) → their modules, or why each one failed. `plugins`
 * change how the files are built: an environment's copy of the rules sees its config (environments.ts).
 */
export async function importBundled(root: string, files: readonly string[], plugins: readonly Plugin[] = []): Promise<BundleResult> {
  const outdir = join(nearestNodeModules(root), '.cache', 'sextant', `definitions-${randomUUID()}`);
  try {
    const failures = new Map<string, unknown>();
    let result = await bundle(root, files, outdir, plugins);
    if ('errors' in result) {
      // Which files fail: each one alone; then the others together. Only a failing run pays for this.
      for (const file of files) {
        const alone = await bundle(root, [file], join(outdir, 'alone'), plugins);
        if ('errors' in alone) failures.set(file, buildError(root, alone.errors));
      }
      const building = files.filter((file) => !failures.has(file));
      result = await bundle(root, building, outdir, plugins);
      if ('errors' in result) throw new Error(`the definitions do not build together: ${buildError(root, result.errors).message}`);
    }
    const modules = new Map<string, ImportedModule>();
    // Errors thrown while a definition runs point into the bundle: its source maps point back.
    process.setSourceMapsEnabled(true);
    for (const [file, entry] of result.entries) {
      try {
        modules.set(file, (await import(pathToFileURL(entry).href)) as ImportedModule);
      } catch (error) {
        failures.set(file, withSourceFrames(error));
      }
    }
    return { modules, failures, duplicateKeys: duplicateKeysOf(root, result.warnings), inputs: result.inputs };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

/** The node_modules Node would resolve the project's packages from first; the project's own if none exists yet. */
function nearestNodeModules(root: string): string {
  for (let dir = resolve(root); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'node_modules'))) return join(dir, 'node_modules');
    if (dirname(dir) === dir) return join(root, 'node_modules');
  }
}

type Built = { readonly entries: ReadonlyMap<string, string>; readonly warnings: readonly Message[]; readonly inputs: readonly string[] } | { readonly errors: readonly Message[] };

/**
 * npm packages stay imports, resolved by Node from the project, except `sextant` itself: it ships as
 * TypeScript, which Node does not load from node_modules, so its DSL is bundled in.
 */
const packagesExternalButSextant: Plugin = {
  name: 'packages-external-but-sextant',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, ({ path }) => (path === 'sextant' || path.startsWith('sextant/') ? undefined : { external: true }));
  },
};

/** Bundles files as entries `d<i>.js` into outdir; their shared modules become chunks beside them. */
async function bundle(root: string, files: readonly string[], outdir: string, plugins: readonly Plugin[]): Promise<Built> {
  try {
    const result = await build({
      entryPoints: files.map((file, i) => ({ in: file, out: `d${i}` })),
      outdir,
      absWorkingDir: root,
      bundle: true,
      splitting: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      plugins: [...plugins, packagesExternalButSextant],
      sourcemap: 'inline',
      // Frames are mapped to files and lines; the sources' text would double what is written and decoded.
      sourcesContent: false,
      write: true,
      metafile: true,
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs).map((input) => resolve(root, input)).sort();
    return { entries: new Map(files.map((file, i) => [file, join(outdir, `d${i}.js`)])), warnings: result.warnings, inputs };
  } catch (error) {
    const errors = (error as Partial<BuildFailure>).errors;
    if (Array.isArray(errors) && errors.length > 0) return { errors };
    throw error;
  }
}

/**
 * The error with each stack frame in the bundle replaced by the source line it was bundled from,
 * whoever formats stacks in this process (Node, or a test runner that replaces its formatter).
 */
function withSourceFrames(error: unknown): unknown {
  if (!(error instanceof Error) || error.stack === undefined) return error;
  error.stack = error.stack.replace(/(file:\/\/[^\s()]+\.js):(\d+):(\d+)/g, (frame, url: string, line: string, column: string) => {
    const entry = findSourceMap(url)?.findEntry(Number(line) - 1, Number(column) - 1);
    if (!entry || !('originalSource' in entry)) return frame;
    const source = entry.originalSource.startsWith('file:') ? fileURLToPath(entry.originalSource) : entry.originalSource;
    return `${source}:${entry.originalLine + 1}:${entry.originalColumn + 1}`;
  });
  return error;
}

/** esbuild's first error: `Expected "}" but found end of file (at catalog/case.ts:1)`. */
function buildError(root: string, errors: readonly Message[]): BuildError {
  const [first] = errors;
  const at = first?.location ? ` (at ${projectPath(root, first.location.file)}:${first.location.line})` : '';
  return new BuildError(`${first?.text ?? 'does not build'}${at}`);
}

/** esbuild's duplicate-object-key warnings: the second key's place, and the first's from the note. */
function duplicateKeysOf(root: string, warnings: readonly Message[]): DuplicateKey[] {
  return warnings.flatMap(({ id, location, notes, text }) =>
    id === 'duplicate-object-key' && location
      ? [{ file: projectPath(root, location.file), line: location.line, firstLine: notes[0]?.location?.line, key: /"(.*)"/.exec(text)?.[1] ?? location.lineText.slice(location.column, location.column + location.length) }]
      : [],
  );
}

function projectPath(root: string, file: string): string {
  return relative(root, resolve(root, file)).split(sep).join('/');
}
