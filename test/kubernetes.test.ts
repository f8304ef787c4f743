/**
 * The Kubernetes output the engine renders, on the fixture project with every pack
 * (test/helpers/every-pack.ts): every object validated with @kubernetes-models (prometheus-operator
 * and core), names valid, both directories built by `kubectl kustomize`, the embedded prometheus.yml
 * passing a promtool with Kubernetes discovery, PrometheusRule groups identical to the plain rule
 * files, and the configurable parts (selector labels, remote write, operator-provided jobs, kubelet
 * TLS) applied. The reference's own choices are in test/reference/kubernetes.test.ts.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PodMonitor, PrometheusRule, ServiceMonitor } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1';
import { ConfigMap, PersistentVolumeClaim, Secret, Service, ServiceAccount } from 'kubernetes-models/v1';
import { Deployment } from 'kubernetes-models/apps/v1';
import { ClusterRole, ClusterRoleBinding } from 'kubernetes-models/rbac.authorization.k8s.io/v1';
import yaml from 'js-yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, defineConfig } from '../generator/config.ts';
import { readTree } from '../generator/output/tree.ts';
import { operatorFiles } from '../generator/render/kubernetes/operator.ts';
import { kubernetesPrometheusConfig, plainFiles } from '../generator/render/kubernetes/plain.ts';
import { SERVICE_ACCOUNT_DIR } from '../generator/render/kubernetes/objects.ts';
import { CONFIG_HASH_ANNOTATION } from '../generator/render/kubernetes/servers.ts';
import { prometheusConfig } from '../generator/render/prometheus-config.ts';
import { toYaml } from '../generator/render/yaml.ts';
import { runCommand } from './helpers/command.ts';
import { everyPackProject } from './helpers/every-pack.ts';

const MODELS: Record<string, new (data: never) => { validate(): void }> = {
  PrometheusRule: PrometheusRule as never,
  PodMonitor: PodMonitor as never,
  ServiceMonitor: ServiceMonitor as never,
  ConfigMap: ConfigMap as never,
  Secret: Secret as never,
  ServiceAccount: ServiceAccount as never,
  ClusterRole: ClusterRole as never,
  ClusterRoleBinding: ClusterRoleBinding as never,
  Deployment: Deployment as never,
  Service: Service as never,
  PersistentVolumeClaim: PersistentVolumeClaim as never,
};
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  spec?: { groups?: unknown };
  data?: Record<string, string>;
  stringData?: Record<string, string>;
}

const built = await everyPackProject();
const GENERATED = join(built.project.root, 'generated');
const tree = await readTree(join(GENERATED, 'kubernetes'));
const documents = [...tree]
  .filter(([path]) => !path.endsWith('kustomization.yaml'))
  .flatMap(([path, text]) => (yaml.loadAll(text) as Manifest[]).map((object) => ({ path, object })));
const scratch = mkdtempSync(join(tmpdir(), 'sextant-k8s-'));
afterAll(() => {
  built.project.remove();
  rmSync(scratch, { recursive: true, force: true });
});

const embedded = {
  config: documents.find((d) => d.object.metadata.name === 'prometheus-config')!.object.data!['prometheus.yml']!,
  rules: documents.find((d) => d.object.metadata.name === 'prometheus-rules')!.object.data!,
};

/**
 * Writes a prometheus.yml with the rules ConfigMap's files beside it, and a stand-in for the service
 * account mount, and runs `check config` on it.
 */
async function checkConfig(dir: string, config: string) {
  const serviceAccount = join(scratch, dir, 'serviceaccount');
  mkdirSync(join(scratch, dir, 'rules'), { recursive: true });
  mkdirSync(serviceAccount, { recursive: true });
  for (const file of ['token', 'ca.crt']) writeFileSync(join(serviceAccount, file), 'stand-in\n');
  writeFileSync(join(scratch, dir, 'prometheus.yml'), config.replaceAll(SERVICE_ACCOUNT_DIR, serviceAccount));
  for (const [file, text] of Object.entries(embedded.rules)) writeFileSync(join(scratch, dir, 'rules', file), text);
  return runCommand('promtool', ['check', 'config', 'prometheus.yml'], { cwd: join(scratch, dir) });
}

describe('generated Kubernetes objects', () => {
  it('include rules, monitors (cAdvisor through the kubelet Service), dashboards, the Alertmanager secret and the plain manifests', () => {
    expect(new Set(documents.map((d) => d.object.kind))).toEqual(new Set(['PrometheusRule', 'PodMonitor', 'ServiceMonitor', 'ConfigMap', 'Secret', 'ServiceAccount', 'ClusterRole', 'ClusterRoleBinding', 'Deployment', 'Service', 'PersistentVolumeClaim']));
  });

  it.each(documents.map((d) => ({ where: `${d.path} ${d.object.kind}/${d.object.metadata.name}`, ...d })))('$where validates', ({ object }) => {
    const Model = MODELS[object.kind];
    expect(Model, `no model for ${object.kind}`).toBeDefined();
    expect(() => new Model!(object as never).validate()).not.toThrow();
    expect(object.metadata.name).toMatch(DNS_LABEL);
    expect(object.metadata.name.length).toBeLessThanOrEqual(63);
    if (object.metadata.namespace) expect(object.metadata.namespace).toMatch(DNS_LABEL);
  });

  it('rejects what the models rule out, so the validation above can fail', () => {
    expect(() => new PodMonitor({ metadata: { name: 'x' }, spec: { podMetricsEndpoints: [{ interval: '10 seconds' }] } } as never).validate()).toThrow();
  });

  it.each(['operator', 'plain'])('lists every %s file in its kustomization', (dir) => {
    const kustomization = yaml.load(tree.get(`${dir}/kustomization.yaml`)!) as { resources: string[] };
    const files = [...tree.keys()].filter((path) => path.startsWith(`${dir}/`) && !path.endsWith('kustomization.yaml')).map((path) => path.slice(dir.length + 1));
    expect([...kustomization.resources].sort()).toEqual(files.sort());
  });

  it.each(['operator', 'plain'])('builds %s with kubectl kustomize into the same objects, in the configured namespace', async (dir) => {
    const build = await runCommand('kubectl', ['kustomize', join(GENERATED, 'kubernetes', dir)]);
    expect(build.code, build.output).toBe(0);
    const objects = (yaml.loadAll(build.stdout) as Manifest[]).filter((object) => object !== null);
    const written = documents.filter((d) => d.path.startsWith(`${dir}/`)).map((d) => d.object);
    const key = (object: Manifest) => `${object.kind}/${object.metadata.name}`;
    expect(objects.map(key).sort()).toEqual(written.map(key).sort());
    const namespaced = objects.filter((object) => !object.kind.startsWith('Cluster'));
    for (const object of namespaced) expect(object.metadata.namespace, key(object)).toBe(built.model.config.kubernetes.namespace);
  });

  it('a kustomization naming a file that is not there fails kubectl kustomize, so the build above can fail', async () => {
    const dir = join(scratch, 'broken-kustomization');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'kustomization.yaml'), 'resources:\n  - missing.yaml\n');
    expect((await runCommand('kubectl', ['kustomize', dir])).code).not.toBe(0);
  });

  it('puts in each PrometheusRule the very groups of its plain rule file', () => {
    const rules = documents.filter((d) => d.object.kind === 'PrometheusRule');
    expect(rules.length).toBe(built.model.rules.length);
    for (const { path, object } of rules) {
      const name = path.replace(/^operator\/prometheusrules\//, '').replace(/\.yaml$/, '').replace(/-/g, '_');
      const plain = yaml.load(readFileSync(join(GENERATED, `prometheus/rules/${name}.rules.yml`), 'utf8')) as { groups: { rules: { expr: string }[] }[] };
      expect(object.spec!.groups).toEqual(plain.groups);
      const exprs = (groups: unknown) => (groups as { rules: { expr: string }[] }[]).flatMap((g) => g.rules.map((r) => r.expr));
      expect(exprs(object.spec!.groups).join('\n')).toBe(exprs(plain.groups).join('\n'));
    }
  });

  it('labels dashboard ConfigMaps for the Grafana sidecar, with their folder', () => {
    const dashboards = documents.filter((d) => d.path.startsWith('operator/dashboards/'));
    expect(dashboards.length).toBe(built.model.dashboards.length);
    const folders = new Set(built.model.dashboards.map((dashboard) => dashboard.folder));
    for (const { object } of dashboards) {
      expect(object.metadata.labels?.grafana_dashboard).toBe('1');
      expect(folders).toContain(object.metadata.annotations?.grafana_folder);
      const [file, json] = Object.entries(object.data!)[0]!;
      expect(JSON.parse(json).uid).toBe(file.replace(/\.json$/, ''));
    }
  });

  // promtool 2.53 (fetched from Debian trixie) knows kubernetes_sd_configs: the config is checked as embedded.
  it('embeds a prometheus.yml that promtool accepts, discovery included, with the rules ConfigMap beside it', async () => {
    expect(embedded.config).toContain('kubernetes_sd_configs:');
    const check = await checkConfig('plain', embedded.config);
    expect(check.code, check.output).toBe(0);
    expect(check.output.match(/SUCCESS: \d+ rules found/g)).toHaveLength(Object.keys(embedded.rules).length);
  });

  it('checks the discovery blocks with a promtool that knows them, so a wrong one fails', async () => {
    const check = await checkConfig('wrong-role', embedded.config.replace('- role: pod', '- role: pods'));
    expect(check.code).not.toBe(0);
    expect(check.output).toContain('unknown Kubernetes SD role "pods"');
  });

  it('discovers pods by namespace and labels, and relabels the address to the metrics port', () => {
    const parsed = yaml.load(embedded.config) as {
      scrape_configs: { job_name: string; kubernetes_sd_configs: Record<string, unknown>[]; relabel_configs: { source_labels?: string[]; regex?: string; action?: string; target_label?: string; replacement?: string }[] }[];
    };
    const pods = parsed.scrape_configs.filter((job) => job.kubernetes_sd_configs[0]!.role !== 'node');
    // Every job that runs in Kubernetes but the kubelets' cAdvisor.
    expect(pods.map((job) => job.job_name).sort()).toEqual(built.model.scrapeJobs.filter((job) => job.runsIn.includes('kubernetes') && job.name !== 'cadvisor').map((job) => job.name).sort());
    for (const job of pods) {
      for (const discovery of job.kubernetes_sd_configs) {
        expect(discovery.role).toBe('pod');
        const names = (discovery.namespaces as { names: string[] }).names;
        expect(names.length).toBeGreaterThan(0);
        for (const name of names) expect(name).toMatch(DNS_LABEL);
      }
      expect(job.relabel_configs.some((r) => r.action === 'keep' && r.source_labels?.[0]?.startsWith('__meta_kubernetes_pod_label_')), job.job_name).toBe(true);
    }
    // The fixture's application job, found by its default pod label and port.
    const shop = parsed.scrape_configs.find((job) => job.job_name === 'shop')!;
    expect(shop.relabel_configs).toContainEqual(expect.objectContaining({ source_labels: ['__meta_kubernetes_pod_label_app'], regex: 'shop', action: 'keep' }));
    expect(shop.relabel_configs).toContainEqual(expect.objectContaining({ target_label: '__address__', replacement: '$1:8080' }));
    expect(shop.kubernetes_sd_configs[0]!.selectors).toEqual([{ role: 'pod', label: 'app=shop' }]);
  });

  it('scrapes cAdvisor on every kubelet over HTTPS as the service account, which the RBAC allows', () => {
    const parsed = yaml.load(embedded.config) as { scrape_configs: Record<string, unknown>[] };
    const cadvisor = parsed.scrape_configs.find((job) => job.job_name === 'cadvisor')!;
    expect(cadvisor).toMatchObject({
      metrics_path: '/metrics/cadvisor',
      scheme: 'https',
      authorization: { credentials_file: `${SERVICE_ACCOUNT_DIR}/token` },
      tls_config: { ca_file: `${SERVICE_ACCOUNT_DIR}/ca.crt` },
      kubernetes_sd_configs: [{ role: 'node' }],
    });
    const role = documents.find((d) => d.object.kind === 'ClusterRole')!.object as unknown as { rules: { resources?: string[]; verbs: string[] }[] };
    expect(role.rules).toContainEqual({ apiGroups: [''], resources: ['nodes/metrics'], verbs: ['get'] });
  });

  it('keeps, of kube-state-metrics and cAdvisor, only catalogued metrics of the system\'s namespaces, so the derived limits hold', () => {
    const parsed = yaml.load(embedded.config) as { scrape_configs: { job_name: string; honor_labels?: boolean; metric_relabel_configs?: unknown[] }[] };
    const catalogued = (job: string) => {
      const exposes = built.model.scrapeJobs.find((j) => j.name === job)!.exposes;
      return built.model.metrics.filter((metric) => exposes.includes(metric.domain)).map((metric) => metric.name).sort().join('|');
    };
    const keeps = (name: string) => parsed.scrape_configs.find((job) => job.job_name === name)!.metric_relabel_configs;
    expect(keeps('kube-state-metrics')).toEqual([
      {
        source_labels: ['__name__'],
        regex: catalogued('kube-state-metrics'),
        action: 'keep',
      },
      { source_labels: ['namespace'], regex: 'default', action: 'keep' },
    ]);
    expect(keeps('cadvisor')).toContainEqual({ source_labels: ['namespace'], regex: 'default', action: 'keep' });
    expect(parsed.scrape_configs.find((job) => job.job_name === 'kube-state-metrics')!.honor_labels).toBe(true);
    // Kubernetes-only jobs stay out of the compose and hosts configurations.
    for (const path of ['prometheus/prometheus.yml', 'prometheus/prometheus.hosts.yml']) {
      const jobs = (yaml.load(readFileSync(join(GENERATED, path), 'utf8')) as { scrape_configs: { job_name: string }[] }).scrape_configs.map((job) => job.job_name);
      expect(jobs).not.toContain('kube-state-metrics');
      expect(jobs).not.toContain('cadvisor');
    }
  });

});

describe('the plain manifests\' Prometheus and Alertmanager', () => {
  interface Container { image: string; args: string[]; ports: { name: string; containerPort: number }[]; volumeMounts: { name: string; mountPath: string }[] }
  interface PodSpec { serviceAccountName?: string; containers: Container[]; volumes: Record<string, any>[] }
  const plain = documents.filter((d) => d.path.startsWith('plain/')).map((d) => d.object as unknown as Manifest & { spec: any });
  const deployment = (name: string) => plain.find((o) => o.kind === 'Deployment' && o.metadata.name === name)!.spec as { selector: { matchLabels: Record<string, string> }; template: { metadata: { labels: Record<string, string>; annotations: Record<string, string> }; spec: PodSpec } };
  const config = yaml.load(embedded.config) as { alerting: { alertmanagers: { static_configs: { targets: string[] }[] }[] }; scrape_configs: { job_name: string; kubernetes_sd_configs: { namespaces?: { names: string[] } }[]; relabel_configs: { source_labels?: string[]; regex?: string; action?: string; replacement?: string }[] }[] };

  it.each(['prometheus', 'alertmanager'] as const)('%s runs the image the config names, where its own scrape job finds it', (name) => {
    const { selector, template } = deployment(name);
    const container = template.spec.containers[0]!;
    expect(container.image).toBe(DEFAULT_CONFIG.kubernetes.images[name]);
    const job = config.scrape_configs.find((j) => j.job_name === name)!;
    for (const keep of job.relabel_configs.filter((r) => r.action === 'keep')) {
      // Kubernetes discovery writes a pod label's name with every character not allowed in a label name as _.
      const meta = keep.source_labels![0]!.replace('__meta_kubernetes_pod_label_', '');
      const label = Object.keys(template.metadata.labels).find((key) => key.replace(/[^a-zA-Z0-9_]/g, '_') === meta)!;
      expect(template.metadata.labels[label], `${name} pod label ${meta}`).toBe(keep.regex);
      expect(selector.matchLabels[label]).toBe(keep.regex);
    }
    const port = job.relabel_configs.find((r) => r.replacement?.startsWith('$1:'))!.replacement!.slice(3);
    expect(container.ports.map((p) => p.containerPort)).toEqual([Number(port)]);
    expect(job.kubernetes_sd_configs[0]!.namespaces!.names).toContain('monitoring');
    const service = plain.find((o) => o.kind === 'Service' && o.metadata.name === name)!;
    expect(service.spec.selector).toEqual(selector.matchLabels);
  });

  it('mounts prometheus.yml and every rule file where the config reads them, and the data claim', () => {
    const { template } = deployment('prometheus');
    expect(template.spec.serviceAccountName).toBe(plain.find((o) => o.kind === 'ServiceAccount')!.metadata.name);
    const container = template.spec.containers[0]!;
    expect(container.args).toContain('--config.file=/etc/prometheus/prometheus.yml');
    const projected = template.spec.volumes.find((v) => v.name === 'config')!.projected.sources as { configMap: { name: string; items: { key: string; path: string }[] } }[];
    const mounted = projected.flatMap((source) => source.configMap.items.map((item) => ({ configMap: source.configMap.name, ...item })));
    const configMaps = new Map(plain.filter((o) => o.kind === 'ConfigMap').map((o) => [o.metadata.name, o.data!]));
    for (const item of mounted) expect(configMaps.get(item.configMap)?.[item.key], `${item.configMap}/${item.key}`).toBeDefined();
    const ruleFiles = (yaml.load(embedded.config) as { rule_files: string[] }).rule_files;
    expect(mounted.filter((item) => item.path.startsWith('rules/')).map((item) => item.path)).toEqual(ruleFiles);
    const claim = template.spec.volumes.find((v) => v.name === 'data')!.persistentVolumeClaim.claimName;
    expect(plain.some((o) => o.kind === 'PersistentVolumeClaim' && o.metadata.name === claim)).toBe(true);
  });

  it('sends alerts to the Alertmanager Service it deploys', () => {
    const service = plain.find((o) => o.kind === 'Service' && o.metadata.name === 'alertmanager')!;
    const port = (service.spec.ports as { port: number }[])[0]!.port;
    expect(config.alerting.alertmanagers[0]!.static_configs[0]!.targets).toEqual([`${service.metadata.name}.${service.metadata.namespace}.svc:${port}`]);
  });

  it('embeds an alertmanager.yml that amtool accepts', async () => {
    const alertmanagerYml = plain.find((o) => o.metadata.name === 'alertmanager-config')!.data!['alertmanager.yml']!;
    writeFileSync(join(scratch, 'alertmanager.yml'), alertmanagerYml);
    const check = await runCommand('amtool', ['check-config', 'alertmanager.yml'], { cwd: scratch });
    expect(check.code, check.output).toBe(0);
  });

  it('runs both as nobody, read-only, without capabilities, with probes', () => {
    for (const name of ['prometheus', 'alertmanager']) {
      const { template } = deployment(name);
      const container = template.spec.containers[0]! as Container & Record<string, any>;
      expect((template.spec as any).securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 65534 });
      expect(container.securityContext).toEqual({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } });
      expect(container.readinessProbe.httpGet.path).toBe('/-/ready');
      expect(container.livenessProbe.httpGet.path).toBe('/-/healthy');
    }
  });
});

describe('configurable parts', () => {
  const result = built;

  it('labels rules and monitors for the operator selectors the config names', () => {
    const config = defineConfig({ ...result.model.config, kubernetes: { ...result.model.config.kubernetes, ruleLabels: { prometheus: 'team-a' }, monitorLabels: { 'example.com/scrape': 'yes' } } });
    const files = operatorFiles({ ...result.model, config });
    const labelsOf = (prefix: string) => files.filter((f) => f.path.includes(prefix)).map((f) => (yaml.load(f.content) as Manifest).metadata.labels);
    expect(labelsOf('/prometheusrules/').every((labels) => labels?.prometheus === 'team-a')).toBe(true);
    expect(labelsOf('/podmonitors/').every((labels) => labels?.['example.com/scrape'] === 'yes')).toBe(true);
  });

  it('rolls Prometheus when a rule changes: the configuration hash in its pod template follows', () => {
    const hashOf = (model: typeof result.model) => {
      const file = plainFiles(model).find((f) => f.path.endsWith('/prometheus.yaml'))!;
      const deployment = (yaml.loadAll(file.content) as Manifest[]).find((o) => o.kind === 'Deployment') as unknown as { spec: { template: { metadata: { annotations: Record<string, string> } } } };
      return deployment.spec.template.metadata.annotations[CONFIG_HASH_ANNOTATION];
    };
    const first = result.model.rules.find((file) => file.recording.length > 0)!;
    const others = result.model.rules.filter((file) => file !== first);
    const changed = { ...result.model, rules: [{ ...first, recording: first.recording.map((rule, i) => (i === 0 ? { ...rule, expr: `${rule.expr} * 2` } : rule)) }, ...others] };
    expect(hashOf(result.model)).toMatch(/^[0-9a-f]{16}$/);
    expect(hashOf(changed)).not.toBe(hashOf(result.model));
    expect(hashOf(result.model)).toBe(hashOf(result.model));
  });

  it('mounts the remote-write token Secret where prometheus.yml reads it', () => {
    const deploymentWith = (bearerTokenFile: string) => {
      const config = defineConfig({ ...result.model.config, prometheus: { ...result.model.config.prometheus, remoteWrite: { url: 'https://mimir.example.com/api/v1/push', bearerTokenFile } } });
      const file = plainFiles({ ...result.model, config }).find((f) => f.path.endsWith('/prometheus.yaml'))!;
      const deployment = (yaml.loadAll(file.content) as Manifest[]).find((o) => o.kind === 'Deployment')!;
      expect(() => new Deployment(deployment as never).validate()).not.toThrow();
      return (deployment as unknown as { spec: { template: { spec: { volumes: Record<string, any>[]; containers: { volumeMounts: { name: string; mountPath: string }[] }[] } } } }).spec.template.spec;
    };
    // Under /etc/prometheus: one more source of the projected config volume (no volume inside another).
    const inConfig = deploymentWith('/etc/prometheus/secrets/remote-write-token');
    expect(inConfig.volumes.find((v) => v.name === 'config')!.projected.sources).toContainEqual({ secret: { name: 'prometheus-remote-write', items: [{ key: 'token', path: 'secrets/remote-write-token' }] } });
    // Elsewhere: a volume of its own at that directory.
    const elsewhere = deploymentWith('/var/run/secrets/remote-write/token');
    expect(elsewhere.volumes).toContainEqual({ name: 'remote-write', secret: { secretName: 'prometheus-remote-write', items: [{ key: 'token', path: 'token' }] } });
    expect(elsewhere.containers[0]!.volumeMounts).toContainEqual({ name: 'remote-write', mountPath: '/var/run/secrets/remote-write' });
  });

  it('monitors kube-state-metrics and cAdvisor by default, and leaves them to kube-prometheus-stack when the config names them', () => {
    const config = defineConfig({ ...result.model.config, kubernetes: { ...result.model.config.kubernetes, operatorProvidedJobs: ['kube-state-metrics', 'cadvisor'] } });
    expect(operatorFiles({ ...result.model, config }).filter((f) => /kube-state-metrics|cadvisor/.test(f.path))).toEqual([]);
    const monitors = documents
      .filter((d) => d.path.startsWith('operator/') && /kube-state-metrics|cadvisor/.test(d.path))
      .map((d) => d.object as Manifest & { spec: Record<string, unknown> });
    expect(monitors.map((m) => m.kind).sort()).toEqual(['PodMonitor', 'ServiceMonitor']);
    for (const monitor of monitors) expect(() => new MODELS[monitor.kind]!(monitor as never).validate()).not.toThrow();
    // cAdvisor through the kubelet Service prometheus-operator keeps (--kubelet-service).
    expect(monitors.find((m) => m.kind === 'ServiceMonitor')!.spec).toMatchObject({
      namespaceSelector: { matchNames: ['kube-system'] },
      selector: { matchLabels: { 'app.kubernetes.io/name': 'kubelet' } },
      endpoints: [{ port: 'https-metrics', scheme: 'https', path: '/metrics/cadvisor' }],
    });
  });

  it('skips verifying kubelet certificates only when told to', async () => {
    const config = defineConfig({ ...result.model.config, kubernetes: { ...result.model.config.kubernetes, kubeletInsecureSkipVerify: true, operatorProvidedJobs: [] } });
    const model = { ...result.model, config };
    const cadvisor = (kubernetesPrometheusConfig(model) as { scrape_configs: { job_name: string; tls_config?: Record<string, unknown> }[] }).scrape_configs.find((job) => job.job_name === 'cadvisor')!;
    expect(cadvisor.tls_config).toEqual({ ca_file: `${SERVICE_ACCOUNT_DIR}/ca.crt`, insecure_skip_verify: true });
    expect((yaml.load(embedded.config) as { scrape_configs: { job_name: string; tls_config?: Record<string, unknown> }[] }).scrape_configs.find((job) => job.job_name === 'cadvisor')!.tls_config).toEqual({ ca_file: `${SERVICE_ACCOUNT_DIR}/ca.crt` });
    const monitor = operatorFiles(model).find((f) => f.path.includes('/servicemonitors/'))!;
    expect(monitor.content).toContain('insecureSkipVerify: true');
    const check = await checkConfig('insecure-kubelet', toYaml(kubernetesPrometheusConfig(model)));
    expect(check.code, check.output).toBe(0);
  });

  it('leaves remote write off by default', () => {
    for (const path of ['prometheus/prometheus.yml', 'prometheus/prometheus.hosts.yml']) expect(readFileSync(join(GENERATED, path), 'utf8')).not.toContain('remote_write');
  });

  it('renders remote write, with its token file and queue, into a config promtool accepts', async () => {
    const remoteWrite = { url: 'https://mimir.example.com/api/v1/push', bearerTokenFile: '/etc/prometheus/secrets/remote-write-token', queue: { capacity: 10_000, maxShards: 50, maxSamplesPerSend: 2_000 } };
    const config = defineConfig({ ...result.model.config, prometheus: { ...result.model.config.prometheus, remoteWrite } });
    const model = { ...result.model, config };
    const rendered = prometheusConfig(model, 'hosts') as { remote_write: unknown[] };
    expect((kubernetesPrometheusConfig(model) as { remote_write: unknown[] }).remote_write).toEqual(rendered.remote_write);
    expect((prometheusConfig(model, 'compose') as { remote_write: unknown[] }).remote_write).toEqual(rendered.remote_write);
    expect(rendered.remote_write).toEqual([
      {
        url: remoteWrite.url,
        authorization: { type: 'Bearer', credentials_file: remoteWrite.bearerTokenFile },
        queue_config: { capacity: 10_000, max_shards: 50, max_samples_per_send: 2_000 },
      },
    ]);
    const hosts = await checkConfig('remote-hosts', toYaml(rendered));
    expect(hosts.code, hosts.output).toBe(0);
    const kubernetes = await checkConfig('remote-kubernetes', toYaml(kubernetesPrometheusConfig(model)));
    expect(kubernetes.code, kubernetes.output).toBe(0);
  });
});
