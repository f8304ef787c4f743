/**
 * `kubernetes/plain/`: for clusters without prometheus-operator, as seed 003 deploys Prometheus.
 * A ConfigMap with prometheus.yml (pod discovery by namespace and labels, the address relabelled
 * to the pod's metrics port; node discovery for the kubelets), a ConfigMap with the rule files, and
 * the RBAC Prometheus needs to list pods and read the kubelets' metrics.
 */
import type { Model, ModelScrapeJob } from '../../model/types.ts';
import { prometheusConfig } from '../prometheus-config.ts';
import { renderRuleFile, ruleFilePath } from '../rules.ts';
import type { GeneratedFile } from '../stage.ts';
import { toYaml } from '../yaml.ts';
import { commonLabels, manifests } from './objects.ts';

const DIR = 'kubernetes/plain';
export const PROMETHEUS_CONFIG_MAP = 'prometheus-config';
export const PROMETHEUS_RULES_CONFIG_MAP = 'prometheus-rules';

/** Pod label `app.kubernetes.io/name` as a discovery meta label. */
const metaLabel = (label: string) => `__meta_kubernetes_pod_label_${label.replace(/[^a-zA-Z0-9_]/g, '_')}`;

const labelSelector = (labels: Readonly<Record<string, string>>) =>
  Object.entries(labels)
    .map(([label, value]) => `${label}=${value}`)
    .join(',');

/** Where every pod finds its service account's token and the cluster CA. */
const SERVICE_ACCOUNT_DIR = '/var/run/secrets/kubernetes.io/serviceaccount';

/** Pods of the job, by namespace and labels, scraped on their metrics port. */
function podDiscovery(job: ModelScrapeJob) {
  const { podLabels, port, namespaces } = job.kubernetes;
  return {
    kubernetes_sd_configs: [
      {
        role: 'pod',
        namespaces: { names: [...namespaces] },
        // The API server filters by label, so each job watches only its own pods, not every pod.
        selectors: [{ role: 'pod', label: labelSelector(podLabels) }],
      },
    ],
    relabel_configs: [
      ...Object.entries(podLabels).map(([label, value]) => ({ source_labels: [metaLabel(label)], regex: value, action: 'keep' })),
      { source_labels: ['__meta_kubernetes_pod_phase'], regex: 'Pending|Succeeded|Failed|Completed', action: 'drop' },
      { source_labels: ['__meta_kubernetes_pod_ip'], target_label: '__address__', replacement: `$1:${port}` },
      { source_labels: ['__meta_kubernetes_namespace'], target_label: 'namespace' },
      { source_labels: ['__meta_kubernetes_pod_name'], target_label: 'pod' },
    ],
  };
}

/** Every node's kubelet on its HTTPS port, as Prometheus's service account (RBAC: nodes/metrics). */
function nodeDiscovery() {
  return {
    scheme: 'https',
    authorization: { credentials_file: `${SERVICE_ACCOUNT_DIR}/token` },
    tls_config: { ca_file: `${SERVICE_ACCOUNT_DIR}/ca.crt` },
    kubernetes_sd_configs: [{ role: 'node' }],
    relabel_configs: [{ source_labels: ['__meta_kubernetes_node_name'], target_label: 'node' }],
  };
}

export function kubernetesPrometheusConfig(model: Model) {
  const k8s = model.config.kubernetes;
  const discovery = (job: ModelScrapeJob) => (job.kubernetes.role === 'node' ? nodeDiscovery() : podDiscovery(job));
  const jobs = model.scrapeJobs.filter((job) => job.runsIn.includes('kubernetes')).map((job) => job.name);
  // namespace and pod (or node), added by the relabelling above.
  return prometheusConfig(model, 'compose', { alertmanager: `alertmanager.${k8s.namespace}.svc:9093`, jobs, discovery, extraTargetLabels: 2 });
}

export function plainFiles(model: Model): GeneratedFile[] {
  const { namespace: prefix } = model.config;
  const k8s = model.config.kubernetes;
  const labels = commonLabels(prefix);
  const configMap = (name: string, data: Record<string, string>) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: k8s.namespace, labels }, data });
  const files: GeneratedFile[] = [
    { path: `${DIR}/prometheus-config.yaml`, content: manifests([configMap(PROMETHEUS_CONFIG_MAP, { 'prometheus.yml': toYaml(kubernetesPrometheusConfig(model)) })]) },
    {
      path: `${DIR}/prometheus-rules.yaml`,
      content: manifests([configMap(PROMETHEUS_RULES_CONFIG_MAP, Object.fromEntries(model.rules.map((file) => [ruleFilePath(file).replace('rules/', ''), renderRuleFile(model, file)])))]),
    },
    {
      path: `${DIR}/rbac.yaml`,
      content: manifests([
        { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'prometheus', namespace: k8s.namespace, labels } },
        {
          apiVersion: 'rbac.authorization.k8s.io/v1',
          kind: 'ClusterRole',
          metadata: { name: `${prefix}-prometheus`, labels },
          rules: [
            { apiGroups: [''], resources: ['pods', 'services', 'endpoints', 'nodes'], verbs: ['get', 'list', 'watch'] },
            // The kubelet's /metrics/cadvisor, scraped directly on each node.
            { apiGroups: [''], resources: ['nodes/metrics'], verbs: ['get'] },
            { nonResourceURLs: ['/metrics'], verbs: ['get'] },
          ],
        },
        {
          apiVersion: 'rbac.authorization.k8s.io/v1',
          kind: 'ClusterRoleBinding',
          metadata: { name: `${prefix}-prometheus`, labels },
          roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: `${prefix}-prometheus` },
          subjects: [{ kind: 'ServiceAccount', name: 'prometheus', namespace: k8s.namespace }],
        },
      ]),
    },
  ];
  files.push({
    path: `${DIR}/kustomization.yaml`,
    content: toYaml({
      apiVersion: 'kustomize.config.k8s.io/v1beta1',
      kind: 'Kustomization',
      namespace: k8s.namespace,
      resources: files.map((file) => file.path.slice(DIR.length + 1)).sort(),
    }),
  });
  return files;
}
