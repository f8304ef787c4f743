/**
 * `kubernetes/plain/`: for clusters without prometheus-operator, where Prometheus runs as a plain Deployment.
 * A ConfigMap with prometheus.yml (pod discovery by namespace and labels, the address relabelled
 * to the pod's metrics port; node discovery for the kubelets), a ConfigMap with the rule files, the
 * RBAC Prometheus needs to list pods and read the kubelets' metrics, and Prometheus and Alertmanager
 * themselves (Deployment, Service; a volume for Prometheus's data).
 */
import { basename, dirname } from 'node:path';
import type { Model, ModelScrapeJob } from '../../model/types.ts';
import { alertmanagerPort, DEFAULT_ALERTMANAGER_PORT, prometheusConfig } from '../prometheus-config.ts';
import { renderRuleFile, ruleFilePath } from '../rules.ts';
import type { GeneratedFile } from '../stage.ts';
import { toYaml } from '../yaml.ts';
import { alertmanagerConfig } from '../alertmanager-config.ts';
import { commonLabels, manifests, SERVICE_ACCOUNT_DIR, type KubernetesObject } from './objects.ts';
import { serverObjects } from './servers.ts';

const DIR = 'kubernetes/plain';
export const PROMETHEUS_CONFIG_MAP = 'prometheus-config';
export const PROMETHEUS_RULES_CONFIG_MAP = 'prometheus-rules';
export const ALERTMANAGER_CONFIG_MAP = 'alertmanager-config';
const PROMETHEUS_DATA_CLAIM = 'prometheus-data';
/** Where the Prometheus container reads prometheus.yml and rules/. */
const CONFIG_DIR = '/etc/prometheus';

/**
 * Target labels the discovery relabelling sets, from the meta label each is copied from. A scraped
 * series with a label of the same name loses it (renamed exported_<name>): checks/target-labels.ts.
 */
export const POD_TARGET_LABELS = { namespace: '__meta_kubernetes_namespace', pod: '__meta_kubernetes_pod_name' } as const;
export const NODE_TARGET_LABELS = { node: '__meta_kubernetes_node_name' } as const;
const targetLabels = (labels: Readonly<Record<string, string>>) => Object.entries(labels).map(([label, meta]) => ({ source_labels: [meta], target_label: label }));

/** Pod label `app.kubernetes.io/name` as a discovery meta label. */
const metaLabel = (label: string) => `__meta_kubernetes_pod_label_${label.replace(/[^a-zA-Z0-9_]/g, '_')}`;

const labelSelector = (labels: Readonly<Record<string, string>>) =>
  Object.entries(labels)
    .map(([label, value]) => `${label}=${value}`)
    .join(',');

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
      // Label values may hold dots, which a relabel regex would read as any character.
      ...Object.entries(podLabels).map(([label, value]) => ({ source_labels: [metaLabel(label)], regex: value.replaceAll('.', '\\.'), action: 'keep' })),
      { source_labels: ['__meta_kubernetes_pod_phase'], regex: 'Pending|Succeeded|Failed|Completed', action: 'drop' },
      { source_labels: ['__meta_kubernetes_pod_ip'], target_label: '__address__', replacement: `$1:${port}` },
      ...targetLabels(POD_TARGET_LABELS),
    ],
  };
}

/** Every node's kubelet on its HTTPS port, as Prometheus's service account (RBAC: nodes/metrics). */
function nodeDiscovery(model: Model) {
  return {
    scheme: 'https',
    authorization: { credentials_file: `${SERVICE_ACCOUNT_DIR}/token` },
    tls_config: { ca_file: `${SERVICE_ACCOUNT_DIR}/ca.crt`, ...(model.config.kubernetes.kubeletInsecureSkipVerify ? { insecure_skip_verify: true } : {}) },
    kubernetes_sd_configs: [{ role: 'node' }],
    relabel_configs: targetLabels(NODE_TARGET_LABELS),
  };
}

export function kubernetesPrometheusConfig(model: Model) {
  const k8s = model.config.kubernetes;
  const discovery = (job: ModelScrapeJob) => (job.kubernetes.role === 'node' ? nodeDiscovery(model) : podDiscovery(job));
  const jobs = model.scrapeJobs.filter((job) => job.runsIn.includes('kubernetes')).map((job) => job.name);
  // namespace and pod (or node), added by the relabelling above.
  return prometheusConfig(model, 'compose', { alertmanager: `alertmanager.${k8s.namespace}.svc:${alertmanagerPort(model)}`, jobs, discovery, extraTargetLabels: 2 });
}

/**
 * Prometheus reads prometheus.yml and, beside it, rules/: one projected volume holds both
 * ConfigMaps, so the relative rule_files paths hold and no mount nests inside another.
 */
function prometheusServer(model: Model, labels: Record<string, string>, prometheusYml: string, rules: Record<string, string>): KubernetesObject[] {
  const k8s = model.config.kubernetes;
  // The remote-write token: a Secret you create, mounted where prometheus.yml reads it; under
  // /etc/prometheus it joins the projected volume, as a volume may not be mounted inside another.
  const tokenFile = model.config.prometheus.remoteWrite?.bearerTokenFile;
  const tokenInConfig = tokenFile?.startsWith(`${CONFIG_DIR}/`) ? tokenFile.slice(CONFIG_DIR.length + 1) : undefined;
  const config = {
    projected: {
      sources: [
        { configMap: { name: PROMETHEUS_CONFIG_MAP, items: [{ key: 'prometheus.yml', path: 'prometheus.yml' }] } },
        { configMap: { name: PROMETHEUS_RULES_CONFIG_MAP, items: Object.keys(rules).map((file) => ({ key: file, path: `rules/${file}` })) } },
        ...(tokenInConfig ? [{ secret: { name: k8s.remoteWriteSecret, items: [{ key: 'token', path: tokenInConfig }] } }] : []),
      ],
    },
  };
  const token =
    tokenFile && !tokenInConfig
      ? [{ name: 'remote-write', mountPath: dirname(tokenFile), source: { secret: { secretName: k8s.remoteWriteSecret, items: [{ key: 'token', path: basename(tokenFile) }] } } }]
      : [];
  return [
    ...serverObjects(
      model,
      {
        name: 'prometheus',
        image: k8s.images.prometheus,
        port: 9090,
        args: [`--config.file=${CONFIG_DIR}/prometheus.yml`, '--storage.tsdb.path=/prometheus', `--storage.tsdb.retention.time=${k8s.retention}`, '--web.enable-lifecycle'],
        volumes: [
          { name: 'config', mountPath: CONFIG_DIR, source: config },
          { name: 'data', mountPath: '/prometheus', source: { persistentVolumeClaim: { claimName: PROMETHEUS_DATA_CLAIM } } },
          ...token,
        ],
        configuration: [prometheusYml, ...Object.entries(rules).flat()].join('\n'),
        resources: { requests: { cpu: '500m', memory: '512Mi' }, limits: { memory: '1Gi' } },
        serviceAccountName: 'prometheus',
      },
      labels,
    ),
    {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: PROMETHEUS_DATA_CLAIM, namespace: k8s.namespace, labels },
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: k8s.storage } } },
    },
  ];
}

/** One replica, so no gossip; silences live in an emptyDir and go with the pod. */
function alertmanagerServer(model: Model, labels: Record<string, string>, alertmanagerYml: string): KubernetesObject[] {
  const port = alertmanagerPort(model);
  return serverObjects(
    model,
    {
      name: 'alertmanager',
      image: model.config.kubernetes.images.alertmanager,
      port,
      args: [
        '--config.file=/etc/alertmanager/alertmanager.yml',
        '--storage.path=/alertmanager',
        '--cluster.listen-address=',
        // Alertmanager listens on its default port unless told: the port its scrape job names.
        ...(port === DEFAULT_ALERTMANAGER_PORT ? [] : [`--web.listen-address=:${port}`]),
      ],
      volumes: [
        { name: 'config', mountPath: '/etc/alertmanager', source: { configMap: { name: ALERTMANAGER_CONFIG_MAP } } },
        { name: 'data', mountPath: '/alertmanager', source: { emptyDir: {} } },
      ],
      configuration: alertmanagerYml,
      resources: { requests: { cpu: '50m', memory: '64Mi' }, limits: { memory: '128Mi' } },
    },
    labels,
  );
}

export function plainFiles(model: Model): GeneratedFile[] {
  const { namespace: prefix } = model.config;
  const k8s = model.config.kubernetes;
  const labels = commonLabels(prefix);
  const configMap = (name: string, data: Record<string, string>) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: k8s.namespace, labels }, data });
  const prometheusYml = toYaml(kubernetesPrometheusConfig(model));
  const rules = Object.fromEntries(model.rules.map((file) => [ruleFilePath(file).replace('rules/', ''), renderRuleFile(model, file)]));
  const alertmanagerYml = toYaml(alertmanagerConfig(model));
  const files: GeneratedFile[] = [
    { path: `${DIR}/prometheus-config.yaml`, content: manifests([configMap(PROMETHEUS_CONFIG_MAP, { 'prometheus.yml': prometheusYml })]) },
    { path: `${DIR}/prometheus-rules.yaml`, content: manifests([configMap(PROMETHEUS_RULES_CONFIG_MAP, rules)]) },
    { path: `${DIR}/prometheus.yaml`, content: manifests([...prometheusServer(model, labels, prometheusYml, rules)]) },
    {
      path: `${DIR}/alertmanager.yaml`,
      content: manifests([configMap(ALERTMANAGER_CONFIG_MAP, { 'alertmanager.yml': alertmanagerYml }), ...alertmanagerServer(model, labels, alertmanagerYml)]),
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
