/**
 * The reference's own Kubernetes choices in its generated/kubernetes/: the pods its jobs discover,
 * the api job's pod label and port, Prometheus and Alertmanager on the images its compose file and
 * versions.json pin (which the engine's defaults follow), its dashboard folders, and kube-state-metrics
 * and cAdvisor left to kube-prometheus-stack as its config says. The engine's Kubernetes output
 * (validation, kustomize, promtool, rules, configurable parts) is proven in test/kubernetes.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../generator/config.ts';
import { readTree } from '../../generator/output/tree.ts';
import { REPO } from '../helpers/project.ts';
import { imageOf } from '../../versions.ts';

interface Manifest {
  kind: string;
  metadata: { name: string; annotations?: Record<string, string> };
  spec?: { template?: { spec: { containers: { image: string }[] } } };
  data?: Record<string, string>;
}

const tree = await readTree(join(REPO, 'generated/kubernetes'));
const documents = [...tree]
  .filter(([path]) => !path.endsWith('kustomization.yaml'))
  .flatMap(([path, text]) => (yaml.loadAll(text) as Manifest[]).map((object) => ({ path, object })));
const embedded = yaml.load(documents.find((d) => d.object.metadata.name === 'prometheus-config')!.object.data!['prometheus.yml']!) as {
  scrape_configs: { job_name: string; kubernetes_sd_configs: { role: string; selectors?: unknown }[]; relabel_configs: Record<string, unknown>[] }[];
};

describe("the reference's Kubernetes output", () => {
  it('discovers the pods of its jobs', () => {
    const pods = embedded.scrape_configs.filter((job) => job.kubernetes_sd_configs[0]!.role !== 'node');
    expect(pods.map((job) => job.job_name).sort()).toEqual(['alertmanager', 'api', 'grafana', 'kafka', 'kube-state-metrics', 'mongodb', 'mysql', 'node-exporter', 'prometheus', 'worker']);
  });

  it('finds the api by its app label and metrics port', () => {
    const api = embedded.scrape_configs.find((job) => job.job_name === 'api')!;
    expect(api.relabel_configs).toContainEqual(expect.objectContaining({ source_labels: ['__meta_kubernetes_pod_label_app'], regex: 'api', action: 'keep' }));
    expect(api.relabel_configs).toContainEqual(expect.objectContaining({ target_label: '__address__', replacement: '$1:8080' }));
    expect(api.kubernetes_sd_configs[0]!.selectors).toEqual([{ role: 'pod', label: 'app=api' }]);
  });

  it.each(['prometheus', 'alertmanager'] as const)('runs %s on the image its compose file and versions.json pin, which is the engine default too', (name) => {
    const compose = yaml.load(readFileSync(join(REPO, 'docker-compose.yml'), 'utf8')) as { services: Record<string, { image: string }> };
    const deployment = documents.find((d) => d.path.startsWith('plain/') && d.object.kind === 'Deployment' && d.object.metadata.name === name)!.object;
    const image = deployment.spec!.template!.spec.containers[0]!.image;
    expect(image).toBe(compose.services[name]!.image);
    expect(image).toBe(imageOf(name));
    // An adopter who sets no images gets what the reference runs: the engine's defaults follow the pins.
    expect(DEFAULT_CONFIG.kubernetes.images[name]).toBe(imageOf(name));
  });

  it('puts its dashboards in its folders', () => {
    const dashboards = documents.filter((d) => d.path.startsWith('operator/dashboards/'));
    expect(dashboards.length).toBeGreaterThanOrEqual(6);
    for (const { object } of dashboards) expect(['Overview', 'Service', 'Infrastructure', 'Debugging']).toContain(object.metadata.annotations?.grafana_folder);
  });

  it('leaves kube-state-metrics and cAdvisor to kube-prometheus-stack, as its config says', () => {
    expect(documents.filter((d) => d.path.startsWith('operator/') && /kube-state-metrics|cadvisor/.test(d.path))).toEqual([]);
  });
});
