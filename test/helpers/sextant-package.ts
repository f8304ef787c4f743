/**
 * Projects that import `sextant` as an adopter's do, from their node_modules, before the package is
 * packed: a stand-in package whose code is generator/index.ts bundled by esbuild (Node loads it at
 * run time, as it would a published build), with the packs (`sextant/packs/<name>`) likewise, and whose types are the sources. The packed package
 * itself is proven by the package's own test. Everything lives under test/.work/ in this
 * repository, so the bundled engine finds its dependencies in this node_modules.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { PACKS } from '../../generator/packs/index.ts';
import { REPO } from './project.ts';

export interface Workspace {
  /** An empty directory named `name` (the default service name) with the stand-in package installed. */
  emptyProject(name: string): string;
  remove(): void;
}

export async function sextantWorkspace(): Promise<Workspace> {
  mkdirSync(join(REPO, 'test/.work'), { recursive: true });
  const work = mkdtempSync(join(REPO, 'test/.work/sextant-'));
  const sextant = join(work, 'sextant');
  mkdirSync(sextant);
  symlinkSync(join(REPO, 'generator'), join(sextant, 'generator'));
  const exports = { '.': { types: './generator/index.ts', default: './dist/index.js' }, './packs/*': { types: './generator/packs/*/index.ts', default: './dist/packs/*/index.js' } };
  writeFileSync(join(sextant, 'package.json'), JSON.stringify({ name: 'sextant', type: 'module', exports }));
  const entryPoints = [{ in: join(REPO, 'generator/index.ts'), out: 'index' }, ...PACKS.map((pack) => ({ in: join(REPO, `generator/packs/${pack.name}/index.ts`), out: `packs/${pack.name}/index` }))];
  await build({ entryPoints, outdir: join(sextant, 'dist'), bundle: true, packages: 'external', platform: 'node', format: 'esm', target: 'node20', logLevel: 'silent' });
  return {
    emptyProject(name) {
      const root = join(mkdtempSync(join(work, 'p-')), name);
      mkdirSync(join(root, 'node_modules'), { recursive: true });
      symlinkSync(sextant, join(root, 'node_modules/sextant'));
      return root;
    },
    remove() {
      rmSync(work, { recursive: true, force: true });
    },
  };
}
