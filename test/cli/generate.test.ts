/** The generator CLI end to end, in its own process: write, drift check, usage, output safety. */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { domainFile, REPO, runCli, scratchProject, VALID_DOMAIN, type Project } from '../helpers/project.ts';

const projects: Project[] = [];
afterAll(() => projects.forEach((p) => p.remove()));

function project(): Project {
  const p = scratchProject({ 'catalog/base.ts': VALID_DOMAIN });
  projects.push(p);
  return p;
}

describe('npm run generate', () => {
  it('writes the metric reference and the catalogue for other languages, and says what it did', async () => {
    const p = project();
    const run = await runCli(['generate', '--root', p.root]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Wrote 2 files to .*generated\/ from 2 metrics in 1 domains, 0 alerts and 0 recording rules\./);
    expect(readFileSync(join(p.root, 'generated/docs/metrics.md'), 'utf8')).toContain('`app_requests_total`');
    expect(readFileSync(join(p.root, 'generated/catalogue.json'), 'utf8')).toContain('"name": "app_requests_total"');
  });

  it('produces byte-identical output on a second run', async () => {
    const p = project();
    await runCli(['generate', '--root', p.root]);
    const first = readFileSync(join(p.root, 'generated/docs/metrics.md'));
    await runCli(['generate', '--root', p.root]);
    expect(readFileSync(join(p.root, 'generated/docs/metrics.md')).equals(first)).toBe(true);
    expect(readdirSync(p.root).sort()).toEqual(['catalog', 'generated']);
  });

  it('removes files in the output directory that no stage renders', async () => {
    const p = project();
    p.write('generated/stale.txt', 'left over');
    expect((await runCli(['generate', '--root', p.root])).status).toBe(0);
    expect(existsSync(join(p.root, 'generated/stale.txt'))).toBe(false);
  });

  it('writes where --out says, relative to the current directory', async () => {
    const p = project();
    const run = await runCli(['generate', '--root', '.', '--out', 'elsewhere'], p.root);
    expect(run.status).toBe(0);
    expect(existsSync(join(p.root, 'elsewhere/docs/metrics.md'))).toBe(true);
  });
});

describe('npm run generate -- --check', () => {
  it('exits 0 when generated/ matches the definitions', async () => {
    const p = project();
    await runCli(['generate', '--root', p.root]);
    const run = await runCli(['generate', '--root', p.root, '--check']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('is up to date (2 files)');
  });

  it('exits 1 naming a generated file that was edited by hand', async () => {
    const p = project();
    await runCli(['generate', '--root', p.root]);
    writeFileSync(join(p.root, 'generated/docs/metrics.md'), 'edited\n');
    const run = await runCli(['generate', '--root', p.root, '--check']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/changed\s+.*generated\/docs\/metrics\.md/);
    expect(run.stderr).toContain('Run `npx sextant generate`');
    expect(readFileSync(join(p.root, 'generated/docs/metrics.md'), 'utf8')).toBe('edited\n');
  });

  it('exits 1 when a definition changed after the last generate', async () => {
    const p = project();
    await runCli(['generate', '--root', p.root]);
    p.write('catalog/more.ts', domainFile("g: gauge({ name: 'depth', help: 'Items waiting.' }),", { name: 'more' }));
    const run = await runCli(['generate', '--root', p.root, '--check']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/changed\s+.*docs\/metrics\.md/);
  });

  it('lists missing and extra files, and writes nothing', async () => {
    const p = project();
    p.write('generated/extra.txt', 'x');
    const run = await runCli(['generate', '--root', p.root, '--check']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/missing\s+.*docs\/metrics\.md/);
    expect(run.stderr).toMatch(/extra\s+.*extra\.txt/);
    expect(existsSync(join(p.root, 'generated/docs'))).toBe(false);
  });

  it('is clean for the reference project in this repository', async () => {
    const run = await runCli(['generate', '--check'], REPO);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});

describe('usage', () => {
  it('--help describes the options, exit codes and every check', async () => {
    const run = await runCli(['generate', '--help']);
    expect(run.status).toBe(0);
    for (const text of ['--check', '--out DIR', '--root DIR', 'Exit codes', 'series-budget', 'label-values', 'rule-tests', 'promql-unknown-label']) expect(run.stdout).toContain(text);
  });

  it('an unknown option exits 2 with a pointer to --help', async () => {
    const run = await runCli(['generate', '--chek']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("Unknown option '--chek'");
    expect(run.stderr).toContain('--help');
  });

  it('refuses to use the project directory as output', async () => {
    const p = project();
    const run = await runCli(['generate', '--root', p.root, '--out', p.root]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('it is the project directory or contains it');
    expect(existsSync(join(p.root, 'catalog/base.ts'))).toBe(true);
  });

  it('refuses an output directory that holds a package.json', async () => {
    const p = project();
    p.write('other/package.json', '{}');
    const run = await runCli(['generate', '--root', p.root, '--out', join(p.root, 'other')]);
    expect(run.status).toBe(2);
    expect(existsSync(join(p.root, 'other/package.json'))).toBe(true);
  });

  it('reports a project without catalog/', async () => {
    const p = scratchProject();
    projects.push(p);
    const run = await runCli(['generate', '--root', p.root]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('no catalog/ directory');
  });
});
