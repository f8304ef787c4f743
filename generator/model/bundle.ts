/**
 * The fast way to load definitions. Importing each definition file through a TypeScript loader
 * costs a few milliseconds a module and needs the loader; esbuild bundles them all into one plain
 * JavaScript module, imported once. `#sextant` in the bundle is the DSL the running generator
 * already loaded, so definitions and generator share one instance (the Query class, the registry of
 * application metrics). Any failure returns why instead: the caller then imports file by file,
 * which names the file that failed.
 */
import { randomUUID } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type Message, type Plugin } from 'esbuild';
import * as dsl from '../index.ts';

export type ImportedModule = { default?: unknown };

const DSL_KEY = 'sextant.dsl';
/** Set by the launcher when it bundles the generator, where import.meta.url is the bundle's. */
declare const __SEXTANT_GENERATOR_DIR__: string | undefined;
/** The running generator's sources: definitions reach them through `#sextant`, never bundle them. */
const GENERATOR_DIR = typeof __SEXTANT_GENERATOR_DIR__ === 'string' ? __SEXTANT_GENERATOR_DIR__ : dirname(dirname(fileURLToPath(import.meta.url)));

/** Where esbuild found the same key twice in one object literal: JavaScript keeps only the last one. */
export interface DuplicateKey {
  /** Path relative to the project root. */
  readonly file: string;
  /** The line of the repeated key, and of its first occurrence when esbuild tells. */
  readonly line: number;
  readonly firstLine: number | undefined;
  readonly key: string;
}

export type BundleResult = ({ readonly modules: ReadonlyMap<string, ImportedModule> } | { readonly failed: string }) & { readonly duplicateKeys: readonly DuplicateKey[] };

/** Definition files (absolute paths) → their modules, in one import; or why that failed. */
export async function importBundled(root: string, files: readonly string[]): Promise<BundleResult> {
  const entry = [...files.map((file, i) => `import * as m${i} from ${JSON.stringify(file)};`), `export default [${files.map((_, i) => `m${i}`).join(', ')}];`].join('\n');
  const out = join(tmpdir(), `sextant-definitions-${randomUUID()}.mjs`);
  let result;
  try {
    result = await build({
      stdin: { contents: entry, resolveDir: root, sourcefile: 'definitions.ts', loader: 'ts' },
      absWorkingDir: root,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      write: false,
      metafile: true,
      logLevel: 'silent',
      plugins: [theRunningDsl()],
    });
  } catch {
    return { failed: 'does not build', duplicateKeys: [] };
  }
  const duplicateKeys = duplicateKeysOf(root, result.warnings);
  // A relative import into the generator would give the definitions a second copy of the DSL.
  if (Object.keys(result.metafile.inputs).some((input) => resolve(root, input).startsWith(GENERATOR_DIR + sep))) return { failed: 'bundles the generator', duplicateKeys };
  (globalThis as Record<symbol, unknown>)[Symbol.for(DSL_KEY)] = dsl;
  try {
    writeFileSync(out, result.outputFiles[0]!.text);
    const modules = ((await import(pathToFileURL(out).href)) as { default: ImportedModule[] }).default;
    return { modules: new Map(files.map((file, i) => [file, modules[i]!])), duplicateKeys };
  } catch {
    return { failed: 'does not evaluate', duplicateKeys };
  } finally {
    rmSync(out, { force: true });
  }
}

/** esbuild's duplicate-object-key warnings: the second key's place, and the first's from the note. */
function duplicateKeysOf(root: string, warnings: readonly Message[]): DuplicateKey[] {
  return warnings.flatMap(({ id, location, notes, text }) =>
    id === 'duplicate-object-key' && location
      ? [{ file: relative(root, resolve(root, location.file)).split(sep).join('/'), line: location.line, firstLine: notes[0]?.location?.line, key: /"(.*)"/.exec(text)?.[1] ?? location.lineText.slice(location.column, location.column + location.length) }]
      : [],
  );
}

/** `#sextant` becomes a module handing out the generator's own DSL exports. */
function theRunningDsl(): Plugin {
  const names = Object.keys(dsl).filter((name) => /^[A-Za-z_$][\w$]*$/.test(name));
  return {
    name: 'the-running-dsl',
    setup(plugin) {
      plugin.onResolve({ filter: /^#sextant$/ }, () => ({ path: 'sextant-dsl', namespace: 'sextant' }));
      plugin.onLoad({ filter: /.*/, namespace: 'sextant' }, () => ({
        contents: `export const { ${names.join(', ')} } = globalThis[Symbol.for(${JSON.stringify(DSL_KEY)})];`,
        loader: 'js',
      }));
    },
  };
}
