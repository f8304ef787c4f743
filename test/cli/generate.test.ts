/** The generator CLI end to end, in its own process: write, drift check, usage, output safety. */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { findTool } from '../../generator/tools.ts';
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

  it('puts dashboards in the folders the config declares, one directory and provider each', async () => {
    const p = scratchProject({
      'catalog/base.ts': VALID_DOMAIN,
      'sextant.config.ts': "import { defineConfig } from 'sextant';\nexport default defineConfig({ namespace: 'ledger', grafana: { folders: ['Payments Team', 'Platform'] } });\n",
      'dashboards/ledger.ts': `import { bucketOf, defineDashboard, heatmap, promql, row, target, timeseries } from 'sextant';
import base from '../catalog/base.ts';
const { requests, latency } = base.metrics;
export default defineDashboard({ name: 'ledger', title: 'Ledger', folder: 'Payments Team', description: 'd', scope: requests, rows: [row('R', [
  timeseries({ title: 'Requests', unit: 'reqps', targets: [target(promql\`sum(rate(\${requests}{job=~"$job", instance=~"$instance"}[$__rate_interval]))\`)] }),
  heatmap({ title: 'Latency', unit: 's', targets: [target(promql\`sum by (le) (rate(\${bucketOf(latency)}{job=~"$job", instance=~"$instance"}[$__rate_interval]))\`)] }),
])] });
`,
    });
    projects.push(p);
    const run = await runCli(['generate', '--root', p.root]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    // Named like the namespace, the dashboard's uid is 'ledger', not 'ledger-ledger'.
    expect(readdirSync(join(p.root, 'generated/grafana/dashboards'))).toEqual(['payments-team']);
    expect(JSON.parse(readFileSync(join(p.root, 'generated/grafana/dashboards/payments-team/ledger.json'), 'utf8')).uid).toBe('ledger');
    const providers = readFileSync(join(p.root, 'generated/grafana/provisioning/dashboards/dashboards.yml'), 'utf8');
    expect(providers).toContain('folder: Payments Team');
    expect(providers).toContain('folderUid: ledger-payments-team');
    expect(providers).toContain('path: /var/lib/grafana/dashboards/payments-team');
    expect(providers).not.toContain('Platform');
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
});

describe('usage', () => {
  it('--help describes the options, exit codes and every check', async () => {
    const run = await runCli(['generate', '--help']);
    expect(run.status).toBe(0);
    for (const text of ['--check', '--out DIR', '--root DIR', 'Exit codes', 'series-budget', 'label-values', 'rule-tests', 'promql-unknown-label']) expect(run.stdout).toContain(text);
  });

  it('an unknown option exits 2 with a pointer to --help', async () => {
    const run = await runCli(['generate', '--chek', '--root', 'unread']);
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

interface PrometheusYaml {
  global: { external_labels: Record<string, string> };
  alerting: { alertmanagers: { static_configs: { targets: string[] }[] }[] };
  scrape_configs: { static_configs: unknown }[];
}

describe('declared environments', () => {
  it('each gets its own Prometheus configuration, with its targets and label, which promtool accepts; compose and hosts keep theirs', async () => {
    const p = scratchProject({
      'catalog/base.ts': VALID_DOMAIN,
      'sextant.config.ts': `import { defineConfig } from 'sextant';
export default defineConfig({ namespace: 'ledger', environments: { staging: { alertmanager: 'am.staging:9093' }, production: { alertmanager: 'am.prod:9093' } } });
`,
      'scrape/ledger.ts': `import { defineScrapeJob } from 'sextant';
import base from '../catalog/base.ts';
export default defineScrapeJob({ name: 'ledger', targets: { compose: ['ledger:8080'], hosts: ['127.0.0.1:8080'], staging: ['ledger.staging:8080'], production: ['ledger-1.prod:8080', 'ledger-2.prod:8080'] }, exposes: [base] });
`,
    });
    projects.push(p);
    const run = await runCli(['generate', '--root', p.root]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const dir = join(p.root, 'generated/prometheus');
    expect(readdirSync(dir).sort()).toEqual(['prometheus.hosts.yml', 'prometheus.production.yml', 'prometheus.staging.yml', 'prometheus.yml']);
    const load = (file: string) => yaml.load(readFileSync(join(dir, file), 'utf8')) as PrometheusYaml;
    const production = load('prometheus.production.yml');
    expect(production.global.external_labels).toEqual({ monitor: 'ledger', environment: 'production' });
    expect(production.alerting.alertmanagers[0]?.static_configs[0]?.targets).toEqual(['am.prod:9093']);
    expect(production.scrape_configs.map((job) => job.static_configs)).toEqual([[{ targets: ['ledger-1.prod:8080', 'ledger-2.prod:8080'] }]]);
    const compose = load('prometheus.yml');
    expect(compose.global.external_labels).toEqual({ monitor: 'ledger' });
    for (const file of ['prometheus.staging.yml', 'prometheus.production.yml']) {
      const checked = spawnSync(findTool('promtool', REPO) ?? 'promtool', ['check', 'config', '--syntax-only', join(dir, file)], { encoding: 'utf8' });
      expect(checked.status, checked.stdout + checked.stderr).toBe(0);
    }
  });
});
