/**
 * The adopter's path, proven on every run: `npm pack` of the engine (generator/), the tarball
 * installed into an empty directory outside this repository, and the `sextant` command run there
 * with npx, as a team using sextant runs it. Nothing of this repository is visible from there but
 * the tarball (and the fetched Prometheus tools on PATH, as a CI image has them).
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand, type CommandResult } from './helpers/command.ts';
import { REPO } from './helpers/project.ts';

const OFFLINE = ['--prefer-offline', '--no-audit', '--no-fund'];
/** The compiler options a project's definitions need (they import each other as `../catalog/x.ts`). */
const ADOPTER_TSCONFIG = {
  compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, allowImportingTsExtensions: true, skipLibCheck: true },
};

let scratch: string;
let tarball: string;
let project: string;

/**
 * `npx sextant …` in a directory of the adopter's (the project, or a folder inside it: `sextant init
 * sub`, then `sextantIn(join(project, 'sub'), 'check')`); `--no`: never fetch a registry package of that name.
 */
const sextantIn = (cwd: string, ...args: string[]): Promise<CommandResult> => runCommand('npx', ['--no', '--', 'sextant', ...args], { cwd });
const sextant = (...args: string[]): Promise<CommandResult> => sextantIn(project, ...args);

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'sextant-adopter-'));
  // prepack emits the declarations (dist/) adopters type-check against.
  const packed = await runCommand('npm', ['pack', '--json', '--pack-destination', scratch], { cwd: join(REPO, 'generator') });
  expect(packed.code, packed.output).toBe(0);
  tarball = join(scratch, (JSON.parse(packed.stdout) as { filename: string }[])[0]!.filename);
  project = join(scratch, 'ledger');
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), `${JSON.stringify({ name: 'ledger-monitoring', private: true, type: 'module' }, null, 2)}\n`);
  const installed = await runCommand('npm', ['install', tarball, ...OFFLINE], { cwd: project });
  expect(installed.code, installed.output).toBe(0);
}, 300_000);

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('the sextant package, installed from its tarball', () => {
  it('ships the engine and none of the reference project', async () => {
    const listed = await runCommand('tar', ['-tzf', tarball]);
    const files = listed.stdout.split('\n').filter(Boolean).map((path) => path.replace(/^package\//, ''));
    for (const file of ['launch.mjs', 'cli.ts', 'index.ts', 'dist/index.d.ts', 'stack/index.ts', 'dist/stack/api.d.ts', 'tools/fetch-debian-tools.sh', 'tools/versions.json']) expect(files).toContain(file);
    // stack/ is the package's native stack; the reference's own (main.ts, stack.ts) stays home.
    expect(files.filter((file) => /^(catalog|alerts|slos|dashboards|scrape|exporter|test)\//.test(file) || /^stack\/(main|stack)\.ts$/.test(file) || file.startsWith('node_modules/'))).toEqual([]);
  });

  it('answers --help for itself and every command, and exits 2 on an unknown command', async () => {
    const help = await sextant('--help');
    expect(help.code, help.output).toBe(0);
    const commands = ['init', 'generate', 'check', 'verify', 'stack', 'tools'];
    for (const command of commands) expect(help.stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
    for (const command of commands) {
      const run = await sextant(command, '--help');
      expect(run.code, `${command} --help: ${run.output}`).toBe(0);
      expect(run.stdout).toContain(`sextant ${command}`);
    }
    const unknown = await sextant('generat');
    expect(unknown.code).toBe(2);
    expect(unknown.output).toContain("unknown command 'generat'");
    expect(unknown.output).toContain('Usage: sextant <command>');
  });

  describe('a project started with sextant init', () => {
    const fresh = () => join(project, 'fresh');

    it('is written with its generated tree, passes sextant check, and generates again', async () => {
      const init = await sextant('init', 'fresh', '--service', 'ledger');
      expect(init.code, init.output).toBe(0);
      expect(init.stdout).toContain('alerts/ledger.ts');
      expect(existsSync(join(fresh(), 'generated/prometheus/rules/ledger.rules.yml'))).toBe(true);
      const checked = await sextantIn(fresh(), 'check');
      expect(checked.code, checked.output).toBe(0);
      expect(checked.output).toContain('check passed');
      const generated = await sextantIn(fresh(), 'generate');
      expect(generated.code, generated.output).toBe(0);
      expect(generated.output).toMatch(/generated\/ is up to date|Wrote /);
    });

    it('runs its native stack: Prometheus, Alertmanager and node_exporter up, the service named', async () => {
      const stack = await sextantIn(fresh(), 'stack', '--check', '--free-ports');
      expect(stack.code, stack.output).toBe(0);
      expect(stack.output).toMatch(/^ {2}up +prometheus /m);
      expect(stack.output).toMatch(/^ {2}ledger +expected on 127\.0\.0\.1:\d+$/m);
    });

    it('refuses to init over its own files', async () => {
      const again = await sextant('init', 'fresh', '--service', 'ledger');
      expect(again.code).toBe(1);
      expect(again.output).toContain('nothing was written');
    });

    it('fails sextant check naming the test when an alert test expects the wrong text', async () => {
      const rules = join(fresh(), 'alerts/ledger.ts');
      const source = readFileSync(rules, 'utf8');
      expect(source).toContain('10% of requests to ${service} failed'.replace('${service}', 'ledger'));
      writeFileSync(rules, source.replace('10% of requests to ledger failed', '11% of requests to ledger failed'));
      try {
        const broken = await sextantIn(fresh(), 'check');
        expect(broken.code).toBe(1);
        expect(broken.output).toContain("alert LedgerErrorRatioHigh: test '10% of requests fail'");
      } finally {
        writeFileSync(rules, source);
      }
    });
  });

  describe('a project written by hand (the README example)', () => {
    beforeAll(() => {
      cpSync(join(REPO, 'test/fixtures/readme-project'), project, { recursive: true });
      writeFileSync(join(project, 'tsconfig.json'), `${JSON.stringify(ADOPTER_TSCONFIG, null, 2)}\n`);
    });

    it('generates its tree, building the CLI into the project\'s own node_modules/.cache', async () => {
      const run = await sextant('generate');
      expect(run.code, run.output).toBe(0);
      expect(run.stdout).toContain('Wrote ');
      for (const file of ['prometheus/rules/payments.rules.yml', 'prometheus/tests/payments.test.yml', 'alertmanager/alertmanager.yml']) {
        expect(existsSync(join(project, 'generated', file)), file).toBe(true);
      }
      const dashboards = readdirSync(join(project, 'generated/grafana/dashboards'), { recursive: true, encoding: 'utf8' });
      expect(dashboards.filter((file) => file.endsWith('.json'))).toHaveLength(1);
      expect(readdirSync(join(project, 'node_modules/.cache/sextant')).some((name) => /^cli-[0-9a-f]+\.mjs$/.test(name))).toBe(true);
    });

    it('passes sextant check, and fails it naming the test when an expected value is wrong', async () => {
      const clean = await sextant('check');
      expect(clean.code, clean.output).toBe(0);
      expect(clean.output).toContain('check passed');

      const rules = join(project, 'alerts/payments.ts');
      const source = readFileSync(rules, 'utf8');
      expect(source).toContain('value: 0.25 }');
      writeFileSync(rules, source.replace('value: 0.25 }', 'value: 0.5 }'));
      try {
        const broken = await sextant('check');
        expect(broken.code).toBe(1);
        expect(broken.output).toContain('is failed over all payments');
      } finally {
        writeFileSync(rules, source);
      }
    });
  });
});
