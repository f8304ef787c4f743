/**
 * Per-environment thresholds on a fixture (test/fixtures/environments-project): production declines
 * fewer orders before it warns, staging keeps the defaults. The overriding environment gets its own
 * rule file and tests, which promtool runs; every other output is what the project renders without
 * the override; a pack listed again under an environment with other thresholds does the same.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import yaml from 'js-yaml';
import { afterAll, describe, expect, it } from 'vitest';
import type { GeneratedFile } from '../generator/render/stage.ts';
import { runPipeline } from '../generator/pipeline.ts';
import { findTool } from '../generator/tools.ts';
import { REPO, runCli, scratchProject, type Project } from './helpers/project.ts';

const FIXTURE = join(REPO, 'test/fixtures/environments-project');
const projects: Project[] = [];
afterAll(() => projects.forEach((project) => project.remove()));

async function generated(root: string): Promise<GeneratedFile[]> {
  const result = await runPipeline(root);
  if (!result.ok) throw new Error(`does not generate: ${JSON.stringify(result.problems, null, 1)}`);
  return result.files;
}

const content = (files: readonly GeneratedFile[], path: string) => files.find((file) => file.path === path)?.content ?? `(no ${path})`;
const ruleFiles = (files: readonly GeneratedFile[], config: string) => (yaml.load(content(files, config)) as { rule_files: string[] }).rule_files;

/** The fixture copied into a scratch project, with files replaced. */
function fixtureCopy(replace: Record<string, string | undefined> = {}): Project {
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const entry of readdirSync(join(FIXTURE, dir), { withFileTypes: true })) {
      const path = dir ? `${dir}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(path);
      else files[path] = readFileSync(join(FIXTURE, path), 'utf8');
    }
  };
  walk('');
  for (const [path, text] of Object.entries(replace)) {
    if (text === undefined) delete files[path];
    else files[path] = text;
  }
  const project = scratchProject(files);
  projects.push(project);
  return project;
}

/** `promtool test rules` over every test file, as `sextant check` runs them from prometheus/. */
function promtoolTests(files: readonly GeneratedFile[]): { status: number | null; output: string; tests: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'sextant-environments-'));
  try {
    for (const file of files) {
      mkdirSync(dirname(join(dir, file.path)), { recursive: true });
      writeFileSync(join(dir, file.path), file.content);
    }
    const tests = readdirSync(join(dir, 'prometheus/tests')).sort().map((name) => `tests/${name}`);
    const run = spawnSync(findTool('promtool', REPO) ?? 'promtool', ['test', 'rules', ...tests], { cwd: join(dir, 'prometheus'), encoding: 'utf8' });
    return { status: run.status, output: run.stdout + run.stderr, tests };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('an environment overriding a threshold', async () => {
  const files = await generated(FIXTURE);

  it("gets its own rule file with its value, loaded by its Prometheus; staging loads the default one", () => {
    expect(content(files, 'prometheus/rules/checkout.rules.yml')).toContain('job:shop_orders_declined:ratio_rate5m > 0.5 and');
    expect(content(files, 'prometheus/rules/checkout.production.rules.yml')).toContain('job:shop_orders_declined:ratio_rate5m > 0.3 and');
    expect(ruleFiles(files, 'prometheus/prometheus.production.yml')).toEqual(['rules/checkout.production.rules.yml']);
    expect(ruleFiles(files, 'prometheus/prometheus.staging.yml')).toEqual(['rules/checkout.rules.yml']);
    expect(ruleFiles(files, 'prometheus/prometheus.yml')).toEqual(['rules/checkout.rules.yml']);
    expect(files.map((file) => file.path).filter((path) => path.includes('.staging.'))).toEqual(['prometheus/prometheus.staging.yml']);
  });

  it('has tests whose expectations follow the value, loading its rule file', () => {
    const production = yaml.load(content(files, 'prometheus/tests/checkout.production.test.yml')) as { rule_files: string[]; tests: { name: string }[] };
    expect(production.rule_files).toEqual(['../rules/checkout.production.rules.yml']);
    expect(production.tests.flatMap((test) => test.name.split('; '))).toEqual(expect.arrayContaining(['OrdersDeclined fires: 40% declined', 'OrdersDeclined stays silent: 20% declined']));
    expect(content(files, 'prometheus/tests/checkout.test.yml')).toContain('OrdersDeclined fires: 60% declined');
    expect(content(files, 'prometheus/tests/checkout.production.edges.test.yml')).toContain('../rules/checkout.production.rules.yml');
  });

  it("says in alerts.md which value applies where", () => {
    const doc = content(files, 'docs/alerts.md');
    expect(doc).toContain('| `declinedRatio` | 0.5 | 0.3 |');
    expect(doc).toContain('**In production** (for 5m):\n\n```promql\njob:shop_orders_declined:ratio_rate5m > 0.3 and');
    expect(doc).toContain('(production: `checkout.production.rules.yml`)');
  });

  it("passes promtool test rules for each environment's files", () => {
    const run = promtoolTests(files);
    expect(run.tests).toEqual(['tests/checkout.edges.test.yml', 'tests/checkout.production.edges.test.yml', 'tests/checkout.production.test.yml', 'tests/checkout.test.yml']);
    expect(run.status, run.output).toBe(0);
  });

  it('leaves the default outputs as the project renders them without the override', async () => {
    const config = readFileSync(join(FIXTURE, 'sextant.config.ts'), 'utf8').replace(", thresholds: { declinedRatio: 0.3 } }", ' }');
    expect(config).not.toContain('0.3');
    const without = await generated(fixtureCopy({ 'sextant.config.ts': config }).root);
    const own = (path: string) => path.includes('.production.') || path === 'docs/alerts.md';
    expect(files.filter((file) => !own(file.path))).toEqual(without.filter((file) => !own(file.path)));
    expect(content(files, 'prometheus/prometheus.production.yml').replace('checkout.production.rules.yml', 'checkout.rules.yml')).toBe(content(without, 'prometheus/prometheus.production.yml'));
  });

  it('leaves the Kubernetes outputs on the defaults, unless kubernetes.environment names the environment', async () => {
    const kubernetes = (files: readonly GeneratedFile[]) => [content(files, 'kubernetes/operator/prometheusrules/checkout.yaml'), content(files, 'kubernetes/plain/prometheus-rules.yaml')];
    for (const text of kubernetes(files)) expect(text).toContain('job:shop_orders_declined:ratio_rate5m > 0.5 and');
    const config = readFileSync(join(FIXTURE, 'sextant.config.ts'), 'utf8').replace("namespace: 'shop',", "namespace: 'shop',\n  kubernetes: { environment: 'production' },");
    const inProduction = await generated(fixtureCopy({ 'sextant.config.ts': config }).root);
    for (const text of kubernetes(inProduction)) expect(text).toContain('job:shop_orders_declined:ratio_rate5m > 0.3 and');
    expect(content(inProduction, 'docs/alerts.md')).toContain("the Kubernetes manifests and PrometheusRule objects use `production`'s (`kubernetes.environment`)");
  });

  it('is generated the same on every run', async () => {
    expect(await generated(FIXTURE)).toEqual(files);
  });
});

describe('sextant check with an environment overriding a threshold', () => {
  it("passes, and a test failing only with production's value names the environment", async () => {
    const tsconfig = JSON.stringify({ extends: '../../../tsconfig.json', include: ['.'], exclude: [] });
    const project = fixtureCopy({ 'tsconfig.json': tsconfig });
    expect((await runCli(['generate', '--root', project.root])).status).toBe(0);
    const passing = await runCli(['check', '--root', project.root]);
    expect(passing.status, passing.stderr).toBe(0);
    expect(passing.stdout).toMatch(/promtool check rules --lint=all .* 2 files/);

    const alerts = readFileSync(join(project.root, 'alerts/checkout.ts'), 'utf8');
    project.write('alerts/checkout.ts', alerts.replace('description: `${over}% of orders are declined.`', "description: over === 40 ? 'wrong' : `${over}% of orders are declined.`"));
    expect((await runCli(['generate', '--root', project.root])).status).toBe(0);
    const failing = await runCli(['check', '--root', project.root]);
    expect(failing.status).toBe(1);
    expect(failing.stderr).toContain("alerts/checkout.ts: alert OrdersDeclined in environments.production: test '40% declined' failed");
  });
});

describe('an environment overriding the thresholds of a pack', () => {
  // The fixture's alert file made a pack taking its thresholds and escalation as options, as the packs the package ships do.
  const alerts = readFileSync(join(FIXTURE, 'alerts/checkout.ts'), 'utf8');
  const pack = alerts
    .replace("import { alert,", "import { alert, definePack, type PackOptions,")
    .replace("import checkout from '../catalog/checkout.ts';", "import checkout from './catalog/checkout.ts';")
    .replace("import config from '../sextant.config.ts';\n", '')
    .replace(
      'const { declinedRatio: threshold, minOrdersPerSecond } = config.alerts.thresholds;',
      'const DEFAULTS = { declinedRatio: 0.5, minOrdersPerSecond: 0.1 };\nexport function checkoutPack(options: PackOptions<typeof DEFAULTS> = {}) {\nconst { declinedRatio: threshold, minOrdersPerSecond } = { ...DEFAULTS, ...options.thresholds };',
    )
    .replace("escalation: 'The payments team;", "escalation: options.escalation ?? 'The payments team;")
    .replace('export default defineRules(', 'const rules = defineRules(')
    .concat("return definePack({ name: 'checkout', configure: checkoutPack, program: 'checkout', versions: '1', domains: [], rules: [rules], dashboards: [], scrape: [] }, options, DEFAULTS);\n}\n");
  /** The fixture with the pack instead of its alert file: the config's pack options, and production's. */
  const packProject = (config: string, production: string) =>
    fixtureCopy({
      'alerts/checkout.ts': undefined,
      'pack.ts': pack,
      'sextant.config.ts': `import { defineConfig } from 'sextant';
import { checkoutPack } from './pack.ts';
export default defineConfig({
  namespace: 'shop',
  limits: { seriesPerMetric: 500, seriesTotal: 2_000 },
  packs: [checkoutPack(${config})],
  environments: { staging: { alertmanager: 'am.staging:9093' }, production: { alertmanager: 'am.prod:9093', packs: [checkoutPack(${production})] } },
});
`,
    });

  it("gets the pack's rule file built with them over the config's options; the other environments keep the config's", async () => {
    const project = packProject('{ thresholds: { minOrdersPerSecond: 0.2 } }', "{ thresholds: { declinedRatio: 0.3 }, escalation: 'The payments lead, paged.' }");
    const files = await generated(project.root);
    expect(content(files, 'prometheus/rules/checkout.rules.yml')).toContain('> 0.5 and');
    // Production's declinedRatio over the config's minOrdersPerSecond, not the pack's default.
    expect(content(files, 'prometheus/rules/checkout.production.rules.yml')).toContain('> 0.3 and sum by (job) (rate(shop_orders_total[5m])) > 0.2');
    expect(ruleFiles(files, 'prometheus/prometheus.production.yml')).toEqual(['rules/checkout.production.rules.yml']);
    expect(ruleFiles(files, 'prometheus/prometheus.staging.yml')).toEqual(['rules/checkout.rules.yml']);
    expect(content(files, 'prometheus/tests/checkout.production.test.yml')).toContain('OrdersDeclined fires: 40% declined');
    expect(promtoolTests(files).status).toBe(0);
  });

  it("shows in alerts.md the pack's threshold production overrides, and who answers there", async () => {
    const project = packProject('{ thresholds: { minOrdersPerSecond: 0.2 } }', "{ thresholds: { declinedRatio: 0.3 }, escalation: 'The payments lead, paged.' }");
    const doc = content(await generated(project.root), 'docs/alerts.md');
    expect(doc).toContain('| Threshold | Default | production |');
    expect(doc).toContain('| `checkout.declinedRatio` | 0.5 | 0.3 |');
    expect(doc).toContain("**Escalation:** The payments team; the provider's support line if it lasts an hour.\n\n**Escalation in production:** The payments lead, paged.");
  });

  it('refuses another job for production, under config-keys: only its rules would follow it', async () => {
    const project = packProject("{ job: 'shop' }", "{ job: 'shop-prod', thresholds: { declinedRatio: 0.3 } }");
    const result = await runPipeline(project.root);
    expect(result.ok ? [] : result.problems).toEqual([
      {
        file: 'sextant.config.ts',
        definition: 'environments.production.packs[0].job',
        check: 'config-keys',
        message:
          "production cannot change the checkout pack's job: it names the scrape job every environment shares, so production's rules would select a job no target has; set job on the config's checkout() pack (an environment may change only a pack's thresholds and escalation)",
      },
    ]);
  });
});
