/**
 * The widest project the engine can be given without the reference: the fixture project
 * (test/fixtures/golden-project/, an application job and an upstream Redis domain of its own) with
 * every pack the package ships, built by the real pipeline and written under its generated/. What
 * the engine tests that once ran on the reference's output run on.
 */
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Model } from '../../generator/model/types.ts';
import { camelName, PACKS } from '../../generator/packs/index.ts';
import { runPipeline } from '../../generator/pipeline.ts';
import type { GeneratedFile } from '../../generator/render/stage.ts';
import { FIXTURE_PROJECT, scratchProject, type Project } from './project.ts';

export interface BuiltProject {
  readonly project: Project;
  readonly model: Model;
  readonly files: readonly GeneratedFile[];
}

/** The packs listed: all but redis, whose job name the fixture's own redis job already takes (scrape-jobs refuses two). */
export const LISTED_PACKS = PACKS.map((pack) => pack.name).filter((name) => name !== 'redis');

export async function everyPackProject(): Promise<BuiltProject> {
  const project = scratchProject();
  cpSync(FIXTURE_PROJECT, project.root, { recursive: true });
  project.write(
    'sextant.config.ts',
    [
      "import { defineConfig } from 'sextant';",
      ...LISTED_PACKS.map((name) => `import ${camelName(name)} from 'sextant/packs/${name}';`),
      '',
      `export default defineConfig({ namespace: 'shop', packs: [${LISTED_PACKS.map((name) => `${camelName(name)}()`).join(', ')}] });`,
      '',
    ].join('\n'),
  );
  const result = await runPipeline(project.root);
  if (!result.ok) {
    project.remove();
    throw new Error(`the every-pack project is invalid:\n${result.problems.map((p) => `${p.file} ${p.definition} [${p.check}] ${p.message}`).join('\n')}`);
  }
  for (const file of result.files) {
    const path = join(project.root, 'generated', file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.content);
  }
  return { project, model: result.model, files: result.files };
}
