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
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';
import * as dsl from '../index.ts';

export type ImportedModule = { default?: unknown };

const DSL_KEY = 'sextant.dsl';
/** Set by the launcher when it bundles the generator, where import.meta.url is the bundle's. */
declare const __SEXTANT_GENERATOR_DIR__: string | undefined;
/** The running generator's sources: definitions reach them through `#sextant`, never bundle them. */
const GENERATOR_DIR = typeof __SEXTANT_GENERATOR_DIR__ === 'string' ? __SEXTANT_GENERATOR_DIR__ : dirname(dirname(fileURLToPath(import.meta.url)));

export type BundleResult = { readonly modules: ReadonlyMap<string, ImportedModule> } | { readonly failed: string };

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
    return { failed: 'does not build' };
  }
  // A relative import into the generator would give the definitions a second copy of the DSL.
  if (Object.keys(result.metafile.inputs).some((input) => resolve(root, input).startsWith(GENERATOR_DIR + sep))) return { failed: 'bundles the generator' };
  (globalThis as Record<symbol, unknown>)[Symbol.for(DSL_KEY)] = dsl;
  try {
    writeFileSync(out, result.outputFiles[0]!.text);
    const modules = ((await import(pathToFileURL(out).href)) as { default: ImportedModule[] }).default;
    return { modules: new Map(files.map((file, i) => [file, modules[i]!])) };
  } catch {
    return { failed: 'does not evaluate' };
  } finally {
    rmSync(out, { force: true });
  }
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
