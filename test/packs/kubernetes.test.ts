/**
 * The Kubernetes pack in a project that lists only it: it generates with no problem, its promtool
 * tests pass (with a threshold and the job names overridden too), its scrape jobs run only in
 * Kubernetes and keep the watched namespaces, a misspelt option is refused; and kube-state-metrics
 * and cAdvisor expositions shaped like the pinned versions' (test/fixtures/exporters, no cluster
 * runs here) pass `verify` and give every panel of its dashboard and every runbook query data.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server as HttpServer } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kubernetesPrometheusConfig } from '../../generator/render/kubernetes/plain.ts';
import { runPipeline } from '../../generator/pipeline.ts';
import { runCommand } from '../helpers/command.ts';
import { contentOf, packProject, panelsWithoutData, prometheusScraping, runbookQueriesWithoutData, verifyExporter, type PackProject } from '../helpers/pack-live.ts';
import { REPO, scratchProject } from '../helpers/project.ts';
import { freePort, type Server } from '../helpers/servers.ts';

const IMPORT = "import kubernetes from 'sextant/packs/kubernetes';";
const FIXTURES = join(REPO, 'test/fixtures/exporters');

/** promtool test rules over the project's generated rule tests. */
async function promtoolTests(pack: PackProject): Promise<{ code: number; output: string }> {
  const tests = pack.files.filter((file) => file.path.startsWith('prometheus/tests/')).map((file) => file.path.replace(/^prometheus\//, ''));
  expect(tests).toContain('tests/kubernetes.test.yml');
  return runCommand('promtool', ['test', 'rules', ...tests], { cwd: join(pack.project.root, 'generated/prometheus') });
}

const ruleFile = (pack: PackProject) => contentOf(pack, 'prometheus/rules/kubernetes.rules.yml');
const jobsOf = (pack: PackProject) => pack.model.scrapeJobs.map((job) => job.name).sort();

describe('the kubernetes pack with its defaults', () => {
  let pack: PackProject;
  beforeAll(async () => {
    pack = await packProject(IMPORT, 'kubernetes()');
  }, 120_000);
  afterAll(() => pack?.project.remove());

  it('brings both domains, its alerts, its dashboard and two Kubernetes-only jobs', () => {
    expect(pack.model.metrics.map((metric) => metric.domain)).toEqual(expect.arrayContaining(['kube_state_metrics', 'cadvisor']));
    // Dashboard uids carry the config's namespace (here the default one).
    expect(pack.model.dashboards.map((dashboard) => dashboard.uid)).toEqual([expect.stringMatching(/-kubernetes$/)]);
    expect(jobsOf(pack)).toEqual(['cadvisor', 'kube-state-metrics']);
    for (const job of pack.model.scrapeJobs) {
      expect(job.runsIn).toEqual(['kubernetes']);
      expect(Object.keys(job.notIn).sort()).toEqual(['compose', 'hosts']);
      expect(job.kubernetes.onlyNamespaces).toEqual(['default']);
    }
    expect(ruleFile(pack)).toContain('alert: PodCrashLooping');
    expect(ruleFile(pack)).toMatch(/> 0\.9 unless/);
  });

  it('passes its promtool tests', async () => {
    const result = await promtoolTests(pack);
    expect(result.code, result.output).toBe(0);
    expect(result.output).toContain('SUCCESS');
  });

  it('keeps only the watched namespaces in the Kubernetes Prometheus config', () => {
    const config = JSON.stringify(kubernetesPrometheusConfig(pack.model));
    expect(config).toContain('{"source_labels":["namespace"],"regex":"default","action":"keep"}');
  });
});

describe('the kubernetes pack with options', () => {
  let pack: PackProject;
  beforeAll(async () => {
    pack = await packProject(
      IMPORT,
      "kubernetes({ job: 'ksm', cadvisorJob: 'kubelet-cadvisor', namespaces: ['chat', 'billing'], escalation: 'Page the platform team.', thresholds: { containerMemoryLimitRatio: 0.8, podNotReadyMinutes: 30, crashLoopMinutes: 3 } })",
    );
  }, 120_000);
  afterAll(() => pack?.project.remove());

  it('shows the thresholds in the rules, and the job names in the tests', () => {
    const rules = ruleFile(pack);
    expect(rules).toMatch(/> 0\.8 unless/);
    expect(rules).toMatch(/alert: PodNotReady\n\s+expr: [^\n]+\n\s+for: 30m/);
    expect(rules).toMatch(/alert: PodCrashLooping\n\s+expr: [^\n]+\n\s+for: 3m/);
    expect(jobsOf(pack)).toEqual(['ksm', 'kubelet-cadvisor']);
    const tests = contentOf(pack, 'prometheus/tests/kubernetes.test.yml');
    expect(tests).toContain('job="ksm"');
    expect(tests).toContain('job="kubelet-cadvisor"');
    expect(tests).not.toContain('job="kube-state-metrics"');
    expect(pack.model.scrapeJobs.every((job) => job.kubernetes.onlyNamespaces?.join() === 'chat,billing')).toBe(true);
  });

  it('passes its promtool tests with them', async () => {
    const result = await promtoolTests(pack);
    expect(result.code, result.output).toBe(0);
  });
});

describe('the kubernetes pack refuses', () => {
  it('a misspelt threshold or option, naming the pack, the key and the nearest known one', async () => {
    const project = scratchProject({
      'sextant.config.ts': `import { defineConfig } from 'sextant';\n${IMPORT}\n\nexport default defineConfig({ packs: [kubernetes({ namespace: ['chat'], thresholds: { containerMemoryLimitRaito: 0.8 } } as never)] });\n`,
    });
    try {
      const result = await runPipeline(project.root);
      expect(result.ok).toBe(false);
      const messages = result.ok ? [] : result.problems.filter((problem) => problem.check === 'config-keys').map((problem) => `${problem.definition}: ${problem.message}`);
      expect(messages.sort()).toEqual([
        expect.stringMatching(/^packs\.kubernetes\.namespace: unknown key 'namespace' in the kubernetes pack's options, so it would be ignored: did you mean 'namespaces'\?/),
        expect.stringMatching(/^packs\.kubernetes\.thresholds\.containerMemoryLimitRaito: unknown key 'containerMemoryLimitRaito' in the kubernetes pack's thresholds, so it would be ignored: did you mean 'containerMemoryLimitRatio'\?/),
      ]);
    } finally {
      project.remove();
    }
  }, 120_000);
});

const fixture = (file: string) => readFileSync(join(FIXTURES, file), 'utf8');

/** A tiny HTTP server answering GET /metrics with an exposition, as the exporter would. */
async function serveExposition(body: string): Promise<{ url: string; server: HttpServer }> {
  const server = createServer((request, response) => {
    if (request.url !== '/metrics') return void response.writeHead(404).end();
    response.writeHead(200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' }).end(body);
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${port}`, server };
}

describe('the kubernetes pack against recorded-shape expositions', () => {
  let pack: PackProject;
  let ksm: { url: string; server: HttpServer };
  let cadvisor: { url: string; server: HttpServer };
  let prometheus: Server | undefined;
  beforeAll(async () => {
    pack = await packProject(IMPORT, 'kubernetes()');
    ksm = await serveExposition(fixture('kube-state-metrics-2.13.prom'));
    cadvisor = await serveExposition(fixture('kubelet-cadvisor-1.31.prom'));
  }, 120_000);
  afterAll(async () => {
    await prometheus?.stop();
    ksm?.server.close();
    cadvisor?.server.close();
    pack?.project.remove();
  });

  it.each([
    ['kube-state-metrics', () => ksm.url],
    ['cadvisor', () => cadvisor.url],
  ])('verify finds %s as the catalogue describes it', async (job, url) => {
    const result = await verifyExporter(pack.model, `${url()}/metrics`, job);
    expect(result.err, result.out.join('\n')).toEqual([]);
    expect(result.clean, [...result.out, ...result.err].join('\n')).toBe(true);
  });

  it('verify reports the shape of kube-state-metrics 2.17 and later, a reason on deployment conditions, as that version', async () => {
    // 2.17's internal/store/deployment.go puts reason before condition and status.
    const newer = fixture('kube-state-metrics-2.13.prom').replace(/kube_deployment_status_condition\{namespace="([^"]*)",deployment="([^"]*)",/g, 'kube_deployment_status_condition{namespace="$1",deployment="$2",reason="NewReplicaSetAvailable",');
    expect(newer).toMatch(/kube_deployment_status_condition\{[^}]*reason=/);
    const served = await serveExposition(newer);
    try {
      const result = await verifyExporter(pack.model, `${served.url}/metrics`, 'kube-state-metrics');
      expect(result.clean).toBe(false);
      const report = [...result.out, ...result.err].join('\n');
      expect(report).toContain('kube-state-metrics 2.17 or later');
      expect(report).toContain('kube_deployment_status_condition');
    } finally {
      served.server.close();
    }
  });

  it('gives every panel of its dashboard and every runbook query data, the recording rules evaluated', async () => {
    prometheus = await prometheusScraping(pack.project.root, { 'kube-state-metrics': [new URL(ksm.url).host], cadvisor: [new URL(cadvisor.url).host] }, { ruleFiles: pack.ruleFiles });
    expect(await panelsWithoutData(pack.model, prometheus.url, { timeoutMs: 45_000 })).toEqual([]);
    expect(await runbookQueriesWithoutData(pack.model, prometheus.url, { timeoutMs: 20_000 })).toEqual([]);
  }, 120_000);
});
