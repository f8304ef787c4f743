/**
 * `npm run generate` and `npm run verify`: the generator without a TypeScript loader in the loop.
 * esbuild bundles generator/cli.ts (packages stay imports) into one module that plain Node runs:
 * hundreds of milliseconds less than loading every module through tsx. The loader bundles the
 * definitions the same way (model/bundle.ts); when they cannot be bundled (a syntax error, a
 * throwing helper), the command reruns under tsx, whose file-by-file import names the failing file.
 *
 * Plain JavaScript on purpose: it is what runs before any TypeScript can.
 */
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const CLI = fileURLToPath(new URL('./cli.ts', import.meta.url));
// Inside node_modules, so the bundle's package imports resolve as the sources' do.
const CACHE = join(dirname(CLI), '..', 'node_modules', '.cache', 'sextant');
const args = process.argv.slice(2);

function underTsx() {
  const run = spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args], { stdio: 'inherit' });
  return run.status ?? 1;
}

async function bundled() {
  const result = await build({ entryPoints: [CLI], bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', write: false, logLevel: 'silent' });
  mkdirSync(CACHE, { recursive: true });
  const out = join(CACHE, `cli-${randomUUID()}.mjs`);
  try {
    writeFileSync(out, result.outputFiles[0].text);
    const { main } = await import(pathToFileURL(out).href);
    return await main(args);
  } finally {
    rmSync(out, { force: true });
  }
}

try {
  process.exitCode = await bundled();
} catch (error) {
  if (error?.name !== 'NeedsTypeScriptLoader') {
    process.stderr.write(`sextant: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  } else {
    process.exitCode = underTsx();
  }
}
