#!/usr/bin/env node
/**
 * The `sextant` command: the generator without a TypeScript loader in the loop. esbuild bundles
 * generator/cli.ts with its packages into one module that plain Node runs, kept in the project's
 * node_modules/.cache/sextant/ under a hash of the package's sources and its installed dependencies,
 * so only the first run after a change pays for the build. The loader bundles the definitions the
 * same way (model/bundle.ts) and reports a definition that does not load as a problem of its file:
 * there is no second run under another loader. A generate whose inputs and output are exactly as the
 * last successful one left them answers from that run's record before loading anything (run-record.mjs).
 *
 * The package runs from wherever it is: installed (PROJECT/node_modules/sextant, the cache goes to
 * PROJECT/node_modules/.cache) or as a workspace of a checkout (generator/, the cache goes to the
 * checkout's node_modules/.cache).
 *
 * Plain JavaScript on purpose: it is what runs before any TypeScript can.
 */
import { createHash, randomUUID } from 'node:crypto';
import { accessSync, constants, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { freshRecord, recordPath, writeRecord } from './run-record.mjs';

const GENERATOR = dirname(fileURLToPath(import.meta.url));
const CLI = join(GENERATOR, 'cli.ts');
const MANIFEST = JSON.parse(readFileSync(join(GENERATOR, 'package.json'), 'utf8'));
/** The node_modules the package is installed in, else (a workspace) the one beside it. */
const NODE_MODULES = GENERATOR.includes(`${sep}node_modules${sep}`)
  ? GENERATOR.slice(0, GENERATOR.lastIndexOf(`${sep}node_modules${sep}`) + `${sep}node_modules`.length)
  : join(dirname(GENERATOR), 'node_modules');
const CACHE = writableCache(join(NODE_MODULES, '.cache', 'sextant'));
const args = process.argv.slice(2);
const NO_CACHE = '--no-cache';
/** generate and generate --check only: the other commands look at the world outside the project. */
const recordable = args[0] === 'generate' && !args.some((arg) => ['-h', '--help', NO_CACHE].includes(arg));

/** The project's cache, or, where that cannot be written (a read-only or shared install), one under the temporary directory. */
function writableCache(preferred) {
  try {
    mkdirSync(preferred, { recursive: true });
    accessSync(preferred, constants.W_OK);
    return preferred;
  } catch {
    return join(tmpdir(), `sextant-cache-${process.getuid?.() ?? 'user'}`);
  }
}

/** Every input of the bundle: the package's sources and place, this file, the dependencies as installed. */
function sourceHash() {
  const hash = createHash('sha256').update(GENERATOR);
  const visit = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && entry.name !== 'dist') visit(path);
      } else if (/\.(ts|mjs)$/.test(entry.name)) hash.update(relative(GENERATOR, path)).update(readFileSync(path));
    }
  };
  visit(GENERATOR);
  for (const name of Object.keys(MANIFEST.dependencies ?? {}).sort()) hash.update(`${name}@${installedVersion(name)}`);
  return hash.digest('hex').slice(0, 16);
}

/** The version of a dependency as Node would resolve it from the package (nearest node_modules up). */
function installedVersion(name) {
  for (let dir = GENERATOR; ; dir = dirname(dir)) {
    const manifest = join(dir, 'node_modules', name, 'package.json');
    if (existsSync(manifest)) return JSON.parse(readFileSync(manifest, 'utf8')).version;
    if (dirname(dir) === dir) return 'missing';
  }
}

async function bundledCli(hash) {
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

/**
 * generate, check and verify start by bundling the definitions with esbuild: its service process
 * starts now, while the generator loads, instead of after it (~20 ms). The generator requires the
 * same module, so it finds the service running.
 */
function startEsbuild() {
  if (!['generate', 'check', 'verify'].includes(args[0]) || args.some((arg) => ['-h', '--help'].includes(arg))) return;
  try {
    createRequire(import.meta.url)('esbuild').transform('').catch(() => {});
  } catch {} // not installed: the generator says so when it needs it
}

const describe = (error) => (error instanceof Error ? (error.stack ?? error.message) : String(error));

const hash = sourceHash();
const record = recordable ? recordPath(CACHE, hash, args) : undefined;
const unchanged = record && freshRecord(record);
let cli;
try {
  if (unchanged) process.stdout.write(`${unchanged.summary}\n`);
  else {
    startEsbuild();
    cli = await bundledCli(hash);
  }
} catch (error) {
  // The definitions are bundled by the same esbuild: without it nothing could load them either.
  process.stderr.write(`sextant: cannot build the generator with esbuild (is it installed? run npm install): ${describe(error)}\n`);
  process.exitCode = 1;
}
if (cli) {
  try {
    // A record that cannot be written (a read-only cache) only costs the next run its shortcut.
    const generated = (run) => {
      try {
        if (record) writeRecord(record, run);
      } catch {}
    };
    process.exitCode = await cli.main(args, undefined, { generated });
  } catch (error) {
    process.stderr.write(`sextant: internal error: ${describe(error)}\n`);
    process.exitCode = 1;
  }
}
