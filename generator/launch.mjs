/**
 * `npm run generate` and `npm run verify`: the generator without a TypeScript loader in the loop.
 * esbuild bundles generator/cli.ts with its packages into one module that plain Node runs, kept in
 * node_modules/.cache/sextant/ under a hash of the generator's sources and the lock file, so only
 * the first run after a change pays for the build. The loader bundles the definitions the same way
 * (model/bundle.ts); when they cannot be bundled (a syntax error, a throwing helper), the command
 * reruns under tsx, whose file-by-file import names the failing file.
 *
 * Plain JavaScript on purpose: it is what runs before any TypeScript can.
 */
import { spawnSync } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const GENERATOR = dirname(fileURLToPath(import.meta.url));
const REPO = dirname(GENERATOR);
const CLI = join(GENERATOR, 'cli.ts');
const CACHE = join(REPO, 'node_modules', '.cache', 'sextant');
const args = process.argv.slice(2);

/** Every input of the bundle: the generator's sources and place, this file, the installed packages. */
function sourceHash() {
  const hash = createHash('sha256').update(GENERATOR);
  const visit = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (/\.(ts|mjs)$/.test(entry.name)) hash.update(relative(REPO, path)).update(readFileSync(path));
    }
  };
  visit(GENERATOR);
  hash.update(readFileSync(join(REPO, 'package-lock.json')));
  return hash.digest('hex').slice(0, 16);
}

async function bundledCli() {
  const hash = sourceHash();
  const file = join(CACHE, `cli-${hash}.mjs`);
  if (!existsSync(file)) {
    const { build } = await import('esbuild');
    const result = await build({
      entryPoints: [CLI],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      // esbuild runs its own binary: it stays a package import.
      external: ['esbuild'],
      // The loader must know the generator's sources, which the bundle's import.meta.url no longer tells.
      define: { __SEXTANT_GENERATOR_DIR__: JSON.stringify(GENERATOR) },
      // CommonJS packages inside an ES module still call require() for Node's built-ins.
      banner: { js: "import { createRequire as __sextantRequire } from 'node:module'; const require = __sextantRequire(import.meta.url);" },
      write: false,
      logLevel: 'silent',
    });
    mkdirSync(CACHE, { recursive: true });
    // Bundles of older sources go; parallel runs building this one keep theirs.
    for (const old of readdirSync(CACHE).filter((name) => name.startsWith('cli-') && !name.startsWith(`cli-${hash}`))) rmSync(join(CACHE, old), { force: true });
    // Written whole, then renamed: a parallel run never imports half a file.
    const partial = `${file}.${randomUUID()}`;
    writeFileSync(partial, result.outputFiles[0].text);
    renameSync(partial, file);
  }
  return import(pathToFileURL(file).href);
}

function underTsx() {
  const run = spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args], { stdio: 'inherit' });
  return run.status ?? 1;
}

let cli;
try {
  cli = await bundledCli();
} catch {
  // No bundle (esbuild missing, a read-only node_modules): the TypeScript entry point does the same, slower.
  cli = undefined;
}
if (!cli) {
  process.exitCode = underTsx();
} else {
  try {
    process.exitCode = await cli.main(args);
  } catch (error) {
    if (error?.name === 'NeedsTypeScriptLoader') {
      process.exitCode = underTsx();
    } else {
      process.stderr.write(`sextant: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    }
  }
}
