/**
 * The documentation a newcomer reads: the README stays an entry point (short, with an example that
 * compiles and generates as shown), every relative link leads to a file of the repository, and no
 * user-facing text cites the requirement documents the project was built from (users never see them).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeTreeAtomically } from '../../generator/output/write.ts';
import { runPipeline } from '../../generator/pipeline.ts';
import { findTool } from '../../generator/tools.ts';
import { REPO, runCli, scratchProject } from '../helpers/project.ts';
import { ensureTools } from '../helpers/tools.ts';

const README = readFileSync(join(REPO, 'README.md'), 'utf8');
const EXAMPLE = join(REPO, 'test/fixtures/readme-project');
const EXAMPLE_FILES = ['catalog/payments.ts', 'alerts/payments.ts', 'dashboards/payments.ts', 'scrape/ledger.ts'];

/** Markdown a user reads: the README, docs/, CONTRIBUTING and the exporter's README. */
function userDocs(): string[] {
  const docs = readdirSync(join(REPO, 'docs')).filter((name) => name.endsWith('.md')).map((name) => join(REPO, 'docs', name));
  return [join(REPO, 'README.md'), join(REPO, 'CONTRIBUTING.md'), join(REPO, 'exporter/README.md'), ...docs];
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)]));
}

describe('README', () => {
  it('is an entry point of at most 10,000 characters', () => {
    expect(README.length).toBeLessThanOrEqual(10_000);
  });

  it.each(EXAMPLE_FILES)('shows %s exactly as the example project has it', (file) => {
    const source = readFileSync(join(EXAMPLE, file), 'utf8').trimEnd();
    expect(README).toContain('```ts\n' + source + '\n```');
  });

  it('shows the example config as the project has it', () => {
    const config = readFileSync(join(EXAMPLE, 'sextant.config.ts'), 'utf8');
    const call = /defineConfig\(.*\)/.exec(config)![0];
    expect(README).toContain(`\`export default ${call}\``);
  });

  it('has an example that generates, and whose promtool tests pass', async () => {
    await ensureTools();
    const result = await runPipeline(EXAMPLE);
    if (!result.ok) throw new Error(`the README example is invalid:\n${result.problems.map((p) => `${p.file}: ${p.definition}: ${p.message} [${p.check}]`).join('\n')}`);
    const out = mkdtempSync(join(tmpdir(), 'sextant-readme-'));
    try {
      await writeTreeAtomically(join(out, 'generated'), result.files);
      const tests = join(out, 'generated/prometheus/tests');
      const promtool = findTool('promtool', REPO)!;
      const run = execFileSync(promtool, ['test', 'rules', ...readdirSync(tests).map((name) => join(tests, name))], { encoding: 'utf8' });
      expect(run).toContain('SUCCESS');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('quotes the error the example gets for a counter without _total', async () => {
    const quoted = /^catalog\/payments\.ts: .*\[type-suffix\]$/m.exec(README)?.[0];
    expect(quoted).toBeDefined();
    const files = Object.fromEntries(['sextant.config.ts', ...EXAMPLE_FILES].map((file) => [file, readFileSync(join(EXAMPLE, file), 'utf8')]));
    files['catalog/payments.ts'] = files['catalog/payments.ts']!.replace("name: 'payments_total'", "name: 'payments'");
    const project = scratchProject(files);
    try {
      const run = await runCli(['generate', '--root', project.root, '--out', join(project.root, 'generated')]);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain(quoted);
    } finally {
      project.remove();
    }
  });
});

describe('user-facing text', () => {
  it.each(userDocs().map((file) => relative(REPO, file)))('%s links only to files of the repository', (file) => {
    const text = readFileSync(join(REPO, file), 'utf8');
    for (const [, target] of text.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)) {
      if (/^[a-z]+:/.test(target!)) continue;
      const path = resolve(dirname(join(REPO, file)), target!);
      expect(path.startsWith(REPO + '/'), `${file} links outside the repository: ${target}`).toBe(true);
      expect(existsSync(path), `${file} links to a missing file: ${target}`).toBe(true);
    }
  });

  it('cites no source document (no "seed N"): docs, generated files and help texts say what the requirement is', async () => {
    const generated = filesUnder(join(REPO, 'generated')).filter((file) => statSync(file).size < 5_000_000);
    const helps = await Promise.all([['--help'], ...['init', 'generate', 'check', 'verify', 'stack', 'tools'].map((command) => [command, '--help'])].map((args) => runCli(args)));
    const texts = [
      ...[...userDocs(), ...generated].map((file) => ({ where: relative(REPO, file), text: readFileSync(file, 'utf8') })),
      ...helps.map((run, i) => ({ where: `help text ${i}`, text: run.stdout + run.stderr })),
    ];
    const citing = texts.filter(({ text }) => /\bseeds?\s*#?\s*0*\d+/i.test(text)).map(({ where }) => where);
    expect(citing).toEqual([]);
  });
});
