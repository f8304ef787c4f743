/**
 * The prometheus and alertmanager packs (the alerting pipeline), in projects that list only them:
 * they generate with no problem and promtool passes their tests, with the defaults and with a
 * renamed job and other thresholds; a misspelt option is refused naming the pack and the nearest
 * key; and against the real Prometheus and Alertmanager (Debian trixie's, on 127.0.0.1), `verify`
 * is clean and every panel of both dashboards returns data.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import yaml from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GeneratedFile } from '../../generator/render/stage.ts';
import { runPipeline } from '../../generator/pipeline.ts';
import { startProcess } from '../../generator/stack/process.ts';
import { alertmanagerCommand } from '../../stack/tools.ts';
import { runCommand } from '../helpers/command.ts';
import { packProject, panelsWithoutData, prometheusScraping, verifyExporter, type PackProject } from '../helpers/pack-live.ts';
import { scratchProject } from '../helpers/project.ts';
import { freePort, type Server } from '../helpers/servers.ts';

const IMPORTS = "import prometheus from 'sextant/packs/prometheus';\nimport alertmanager from 'sextant/packs/alertmanager';";

/** The project's generated files written under <root>/generated, as `sextant generate` lays them. */
async function generated(pack: PackProject): Promise<{ dir: string; files: GeneratedFile[] }> {
  const result = await runPipeline(pack.project.root);
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  const dir = join(pack.project.root, 'generated');
  for (const file of result.files) {
    mkdirSync(dirname(join(dir, file.path)), { recursive: true });
    writeFileSync(join(dir, file.path), file.content);
  }
  return { dir, files: result.files };
}

const promtoolTests = (dir: string) => runCommand('promtool', ['test', 'rules', 'tests/prometheus.test.yml', 'tests/prometheus.edges.test.yml', 'tests/alertmanager.test.yml', 'tests/alertmanager.edges.test.yml'], { cwd: join(dir, 'prometheus') });

describe('the prometheus and alertmanager packs, with their defaults', () => {
  let pack: PackProject;
  let dir: string;
  beforeAll(async () => {
    pack = await packProject(IMPORTS, 'prometheus(), alertmanager()');
    ({ dir } = await generated(pack));
  }, 60_000);
  afterAll(() => pack?.project.remove());

  it('generate the rules, dashboards and scrape jobs of both programs, and promtool passes their tests', async () => {
    expect(pack.model.rules.map((file) => file.name)).toEqual(['prometheus', 'alertmanager']);
    expect(pack.model.dashboards.map((dashboard) => dashboard.uid).sort()).toEqual(['app-alertmanager', 'app-prometheus']);
    const result = await promtoolTests(dir);
    expect(result.code, result.output).toBe(0);
  });

  it('send alerts to the alertmanager job, the Watchdog to the dead man\'s switch and the pipeline\'s own failures to the meta receiver', () => {
    expect(readFileSync(join(dir, 'prometheus/prometheus.yml'), 'utf8')).toMatch(/alerting:[\s\S]*targets:\s*- alertmanager:9093/);
    const { route } = yaml.load(readFileSync(join(dir, 'alertmanager/alertmanager.yml'), 'utf8')) as { route: { routes: { receiver: string; matchers: string[] }[] } };
    expect(route.routes.slice(0, 2).map(({ receiver, matchers }) => ({ receiver, matchers }))).toEqual([
      { receiver: 'deadmansswitch', matchers: ['alertname=~"Watchdog"'] },
      { receiver: 'meta', matchers: ['notify="meta"'] },
    ]);
    const rules = readFileSync(join(dir, 'prometheus/rules/prometheus.rules.yml'), 'utf8');
    expect(rules).toContain('prometheus_notifications_errors_total[5m]) / rate(prometheus_notifications_sent_total[5m]) > 0.01');
  });
});

describe('the packs configured: another job name, other thresholds, another escalation', () => {
  let pack: PackProject;
  let dir: string;
  beforeAll(async () => {
    pack = await packProject(
      IMPORTS,
      "prometheus({ job: 'prom', thresholds: { prometheusNotificationErrorRatio: 0.05 } }), alertmanager({ job: 'am', thresholds: { alertmanagerNotificationFailureRatio: 0.2 }, escalation: 'Call the SRE on duty.' })",
    );
    ({ dir } = await generated(pack));
  }, 60_000);
  afterAll(() => pack?.project.remove());

  it('show in the rules, the scrape jobs and the runbooks, and the tests still pass', async () => {
    const prometheusRules = readFileSync(join(dir, 'prometheus/rules/prometheus.rules.yml'), 'utf8');
    expect(prometheusRules).toContain('> 0.05');
    expect(readFileSync(join(dir, 'prometheus/rules/alertmanager.rules.yml'), 'utf8')).toContain('> 0.2');
    expect(readFileSync(join(dir, 'prometheus/tests/prometheus.test.yml'), 'utf8')).toContain('job="prom"');
    expect(readFileSync(join(dir, 'prometheus/tests/alertmanager.test.yml'), 'utf8')).toContain('job="am"');
    expect(pack.model.scrapeJobs.map((job) => job.name).sort()).toEqual(['am', 'prom']);
    expect(readFileSync(join(dir, 'docs/alerts.md'), 'utf8')).toContain('Call the SRE on duty.');
    const result = await promtoolTests(dir);
    expect(result.code, result.output).toBe(0);
  });
});

describe('a misspelt pack option', () => {
  it('is refused, naming the pack, the key and the nearest known one', async () => {
    const project = scratchProject({
      'sextant.config.ts': `import { defineConfig } from 'sextant';\n${IMPORTS}\n\nexport default defineConfig({ packs: [prometheus({ thresholds: { prometheusNotificationErrorRatoi: 0.05 } }), alertmanager({ jobb: 'am' })] });\n`,
    });
    try {
      const result = await runPipeline(project.root);
      expect(result.ok).toBe(false);
      const messages = result.ok ? '' : result.problems.map((p) => `${p.file}: ${p.message}`).join('\n');
      expect(messages).toContain("unknown key 'prometheusNotificationErrorRatoi' in the prometheus pack's thresholds, so it would be ignored: did you mean 'prometheusNotificationErrorRatio'?");
      expect(messages).toContain("unknown key 'jobb' in the alertmanager pack's options, so it would be ignored: did you mean 'job'?");
      expect(messages).toMatch(/^sextant\.config\.ts: /m);
    } finally {
      project.remove();
    }
  });
});

describe('the packs against the real Prometheus and Alertmanager', () => {
  let pack: PackProject;
  const scratch = mkdtempSync(join(tmpdir(), 'sextant-pack-prometheus-'));
  const servers: Server[] = [];
  let prometheusUrl = '';
  let alertmanagerUrl = '';
  beforeAll(async () => {
    pack = await packProject(IMPORTS, 'prometheus(), alertmanager()');
    const { dir } = await generated(pack);
    const amPort = await freePort();
    alertmanagerUrl = `http://127.0.0.1:${amPort}`;
    // Nowhere to send: the pipeline itself, not delivery, is under test.
    writeFileSync(join(scratch, 'alertmanager.yml'), 'route: { receiver: nowhere }\nreceivers: [{ name: nowhere }]\n');
    servers.push(
      await startProcess({
        name: 'alertmanager',
        ...alertmanagerCommand([`--config.file=${join(scratch, 'alertmanager.yml')}`, `--storage.path=${join(scratch, 'am')}`, `--web.listen-address=127.0.0.1:${amPort}`, '--cluster.listen-address=']),
        url: alertmanagerUrl,
        readyPath: '/-/ready',
      }),
    );
    // The packs' own rules, evaluated: the Watchdog fires and is sent, as in a healthy pipeline.
    const rules = ['prometheus', 'alertmanager'].map((name) => join(dir, `prometheus/rules/${name}.rules.yml`));
    const prometheus = await prometheusScraping(scratch, { alertmanager: [`127.0.0.1:${amPort}`] }, { selfJob: 'prometheus', ruleFiles: rules, alertmanagers: [`127.0.0.1:${amPort}`] });
    servers.push(prometheus);
    prometheusUrl = prometheus.url;
  }, 120_000);
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
    rmSync(scratch, { recursive: true, force: true });
    pack?.project.remove();
  });

  it('verify finds Prometheus and Alertmanager as the packs describe them', async () => {
    for (const [url, job] of [[prometheusUrl, 'prometheus'], [alertmanagerUrl, 'alertmanager']] as const) {
      const report = await verifyExporter(pack.model, url, job);
      expect(report.clean, [...report.out, ...report.err].join('\n')).toBe(true);
    }
  });

  it('every panel of both dashboards returns data', async () => {
    expect(await panelsWithoutData(pack.model, prometheusUrl, { timeoutMs: 30_000 })).toEqual([]);
  }, 40_000);
});
