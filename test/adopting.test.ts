/**
 * docs/adopting.md shows real code: every file it shows is written into a project made by
 * `sextant init`, and that project generates and passes `sextant check`. A block is a file when its
 * first line names it: `// <path>` (TypeScript: the whole file), `# <path>` (YAML: the whole file,
 * which must be the one init wrote), or `# docker-compose.yml, under services:` (YAML services added
 * to init's compose file).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initProject } from '../generator/init/index.ts';
import { REPO, runCli } from './helpers/project.ts';
import { sextantWorkspace, type Workspace } from './helpers/sextant-package.ts';

const DOC = readFileSync(join(REPO, 'docs/adopting.md'), 'utf8');
const UNDER_SERVICES = ', under services:';

interface Block {
  readonly path: string;
  readonly text: string;
  readonly kind: 'file' | 'init file' | 'services';
}

/** The blocks of the page that name a file, in order. */
function blocks(markdown: string): Block[] {
  return [...markdown.matchAll(/^```(ts|yaml)\n(.*?)^```$/gms)].flatMap(([, language, body]): Block[] => {
    const [first = '', ...rest] = body!.split('\n');
    if (language === 'ts') {
      const path = /^\/\/ ([\w./-]+\.ts)$/.exec(first)?.[1];
      return path ? [{ path, text: body!, kind: 'file' }] : [];
    }
    const path = /^# ([\w./-]+\.ya?ml)(, under services:)?$/.exec(first);
    if (!path) return [];
    return [{ path: path[1]!, text: rest.join('\n'), kind: path[2] === UNDER_SERVICES ? 'services' : 'init file' }];
  });
}

let workspace: Workspace;
beforeAll(async () => {
  workspace = await sextantWorkspace();
});
afterAll(() => workspace.remove());

describe('docs/adopting.md', () => {
  it('shows the ledger project file by file, and that project passes sextant check', async () => {
    const shown = blocks(DOC);
    expect(shown.map((block) => block.path)).toEqual(expect.arrayContaining(['catalog/postgres_exporter.ts', 'alerts/ledger.ts', 'scrape/redis.ts', 'docker-compose.yml', '.github/workflows/monitoring.yml']));
    const root = workspace.emptyProject('ledger');
    expect(await initProject(root)).toHaveProperty('written');
    for (const block of shown) {
      const file = join(root, block.path);
      if (block.kind === 'init file') {
        expect(block.text, `${block.path} as the page shows it`).toBe(readFileSync(file, 'utf8'));
      } else if (block.kind === 'services') {
        const compose = readFileSync(file, 'utf8');
        expect(compose).toMatch(/^services:\n/m);
        writeFileSync(file, compose.replace(/^services:\n/m, `services:\n${block.text}\n`));
      } else {
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, block.text);
      }
    }
    const generate = await runCli(['generate', '--root', root]);
    expect(generate.status, `${generate.stdout}${generate.stderr}`).toBe(0);
    const check = await runCli(['check', '--root', root]);
    expect(check.status, `${check.stdout}${check.stderr}`).toBe(0);
    expect(check.stdout).toMatch(/^check passed: 8 steps in [\d.]+ s\.$/m);
    // The services the page adds are in the file docker-compose validated.
    expect(readFileSync(join(root, 'docker-compose.yml'), 'utf8')).toContain('postgres-exporter:\n');
  });
});
