/**
 * `tsc --noEmit` over the definitions, with the project's tsconfig.json: the definitions are
 * TypeScript, and a type error (a misspelt option, a label value of the wrong type) is a bug the
 * user wants before any check. The compiler checks what a generate loads (the config, the definition
 * folders and what they import) under the project's own compiler options, through a tsconfig that
 * extends the project's and names those files; the rest of the project (its tests, its services) is
 * its own build's business. The compiler is the project's typescript, else the engine's; the
 * project's incremental state is kept in its node_modules/.cache/sextant/, so an unchanged project
 * is re-checked quickly (CI caches that directory with node_modules).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { CONFIG_FILE, DEFINITION_DIRS } from '../model/load.ts';
import { failed, passed, toolSaid, type CheckStep } from './step.ts';

export const typecheckStep: CheckStep = {
  id: 'typecheck',
  title: 'type check (tsc --noEmit)',
  async run(context) {
    const tsconfig = join(context.root, 'tsconfig.json');
    if (!existsSync(tsconfig)) return failed([`tsconfig.json: the project has none, so its definitions cannot be type-checked; add one (compilerOptions: module and moduleResolution "NodeNext", strict, noEmit, allowImportingTsExtensions).`]);
    const compiler = compilerOf(context.root);
    if (!compiler) return failed(['typescript was not found in the project\'s node_modules: install it with `npm install --save-dev typescript`.']);
    // Under node_modules, so that the compiler finds @types from there as it does from the project.
    const state = join(compiler.modules, '.cache', 'sextant', `check-${createHash('sha256').update(context.root).digest('hex').slice(0, 12)}`);
    // A project without node_modules of its own (inside another's tree) keeps no state there.
    const owned = compiler.modules === join(context.root, 'node_modules');
    mkdirSync(state, { recursive: true });
    const definitions = join(state, 'tsconfig.json');
    writeFileSync(definitions, JSON.stringify({ extends: tsconfig, files: [join(context.root, CONFIG_FILE)], include: DEFINITION_DIRS.map((dir) => join(context.root, dir)) }));
    const incremental = owned ? ['--incremental', '--tsBuildInfoFile', join(state, 'tsbuildinfo')] : [];
    const run = await context.exec(process.execPath, [compiler.script, '--noEmit', '--pretty', 'false', '-p', definitions, ...incremental], context.root);
    if (!owned) rmSync(state, { recursive: true, force: true });
    if (run.code === 0) return passed();
    // The compiler's own lines: `catalog/http.ts(12,5): error TS2322: …`, as it reports them.
    return failed(toolSaid(`${run.stdout}\n${run.stderr}`));
  },
};

/** The tsc script of the project's typescript, else of the one the engine was installed with, and the node_modules holding it. */
function compilerOf(root: string): { script: string; modules: string } | undefined {
  for (const from of [join(root, 'package.json'), import.meta.url]) {
    try {
      const manifest = createRequire(from).resolve('typescript/package.json');
      const bin = (JSON.parse(readFileSync(manifest, 'utf8')) as { bin?: { tsc?: string } }).bin?.tsc ?? 'bin/tsc';
      return { script: join(dirname(manifest), bin), modules: dirname(dirname(manifest)) };
    } catch {
      // not installed there
    }
  }
  return undefined;
}
