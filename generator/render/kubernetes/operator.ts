/**
 * `kubernetes/operator/`: what prometheus-operator and the Grafana sidecar consume. A PrometheusRule
 * per rule file (the same groups as the plain files), a PodMonitor per scrape job (a ServiceMonitor
 * on the operator's kubelet Service for node jobs), a ConfigMap per
 * dashboard labelled for the sidecar, the Alertmanager configuration as a Secret, and a
 * kustomization tying them together.
 */
import type { Model, ModelDashboard, ModelRuleFile, ModelScrapeJob } from '../../model/types.ts';
import { alertmanagerConfig } from '../alertmanager-config.ts';
import { scrapeKeeps } from '../prometheus-config.ts';
import { dashboardJson } from '../grafana.ts';
import { ruleFile } from '../rules.ts';
import type { GeneratedFile } from '../stage.ts';
import { toYaml } from '../yaml.ts';
import { commonLabels, manifests, objectName, SERVICE_ACCOUNT_DIR, type KubernetesObject } from './objects.ts';

const DIR = 'kubernetes/operator';
/**
 * Target labels prometheus-operator sets on every target of a monitor besides job (its promcfg.go
 * relabelings; endpoint is the port name): counted into label_limit, and refused on scraped
 * metrics by checks/target-labels.ts, as Prometheus would rename those exported_<label>.
 */
export const OPERATOR_TARGET_LABELS = {
  PodMonitor: ['namespace', 'pod', 'container', 'endpoint'],
  ServiceMonitor: ['namespace', 'service', 'pod', 'container', 'endpoint'],
} as const;
export type MonitorKind = keyof typeof OPERATOR_TARGET_LABELS;
/** Node jobs (the kubelets) are scraped through a Service, the rest straight from their pods. */
export const monitorKind = (job: ModelScrapeJob): MonitorKind => (job.kubernetes.role === 'node' ? 'ServiceMonitor' : 'PodMonitor');
/** The Service prometheus-operator keeps for the kubelets (its --kubelet-service flag, kube-system/kubelet). */
const KUBELET_SERVICE = { namespace: 'kube-system', labels: { 'app.kubernetes.io/name': 'kubelet' }, port: 'https-metrics' } as const;

/** The scrape-time keeps of the plain configuration, in the operator's spelling. */
function metricRelabelings(model: Model, job: ModelScrapeJob) {
  const keeps = scrapeKeeps(job, true);
  return keeps.length > 0 ? { metricRelabelings: keeps.map(({ label, regex }) => ({ sourceLabels: [label], regex, action: 'keep' })) } : {};
}

/** What every monitor's endpoint shares: path, interval, the job label, the scrape-time keeps. */
function endpointOf(model: Model, job: ModelScrapeJob) {
  return {
    path: job.metricsPath,
    ...(job.interval ? { interval: job.interval } : {}),
    ...(job.timeout ? { scrapeTimeout: job.timeout } : {}),
    ...(job.honorLabels ? { honorLabels: true } : {}),
    // The job label keeps the scrape job's name, which the rules and dashboards select on.
    relabelings: [{ targetLabel: 'job', replacement: job.name, action: 'replace' }],
    ...metricRelabelings(model, job),
  };
}

const limitsOf = (job: ModelScrapeJob) => ({ sampleLimit: job.sampleLimit, labelLimit: job.labelLimit + OPERATOR_TARGET_LABELS[monitorKind(job)].length });

function podMonitor(model: Model, job: ModelScrapeJob) {
  return {
    apiVersion: 'monitoring.coreos.com/v1',
    kind: 'PodMonitor',
    spec: {
      namespaceSelector: { matchNames: [...job.kubernetes.namespaces] },
      selector: { matchLabels: { ...job.kubernetes.podLabels } },
      // By name when the job names its port; by number otherwise, as the plain configuration selects it
      // (charts that leave the port unnamed, such as prometheus-mysql-exporter's).
      podMetricsEndpoints: [{ ...(job.kubernetes.portName ? { port: job.kubernetes.portName } : { targetPort: job.kubernetes.port }), ...endpointOf(model, job) }],
      ...limitsOf(job),
    },
  };
}

/** Node jobs (cAdvisor) reach every kubelet through the Service the operator keeps for them. */
function kubeletServiceMonitor(model: Model, job: ModelScrapeJob) {
  return {
    apiVersion: 'monitoring.coreos.com/v1',
    kind: 'ServiceMonitor',
    spec: {
      namespaceSelector: { matchNames: [KUBELET_SERVICE.namespace] },
      selector: { matchLabels: { ...KUBELET_SERVICE.labels } },
      endpoints: [
        {
          port: KUBELET_SERVICE.port,
          scheme: 'https',
          bearerTokenFile: `${SERVICE_ACCOUNT_DIR}/token`,
          tlsConfig: { caFile: `${SERVICE_ACCOUNT_DIR}/ca.crt`, ...(model.config.kubernetes.kubeletInsecureSkipVerify ? { insecureSkipVerify: true } : {}) },
          ...endpointOf(model, job),
        },
      ],
      ...limitsOf(job),
    },
  };
}

/**
 * Each definition's object in the operator output: its file and its name, both normalised to
 * DNS-1123, so distinct definitions can meet in one. checks/generated-names.ts refuses that before
 * rendering; the renderer below uses these, so the check sees exactly what is rendered.
 */
export const operatorObjects = {
  rules: (prefix: string, file: ModelRuleFile) => ({ kind: 'PrometheusRule', path: `prometheusrules/${objectName(file.name)}.yaml`, name: objectName(prefix, file.name) }),
  monitor: (prefix: string, job: ModelScrapeJob) => {
    const kind = monitorKind(job);
    return { kind, path: `${kind.toLowerCase()}s/${objectName(job.name)}.yaml`, name: objectName(prefix, job.name) };
  },
  dashboard: (prefix: string, dashboard: ModelDashboard) => ({ kind: 'ConfigMap', path: `dashboards/${objectName(dashboard.uid)}.yaml`, name: objectName(prefix, 'dashboard', dashboard.name) }),
};

/** The jobs the operator output monitors: those that run in Kubernetes and the operator installation does not already scrape. */
export const operatorJobs = (model: Model) => model.scrapeJobs.filter((job) => job.runsIn.includes('kubernetes') && !model.config.kubernetes.operatorProvidedJobs.includes(job.name));

export function operatorFiles(model: Model): GeneratedFile[] {
  const { namespace: prefix } = model.config;
  const k8s = model.config.kubernetes;
  const metadata = (name: string, labels: Record<string, string> = {}, annotations?: Record<string, string>) => ({
    name,
    namespace: k8s.namespace,
    labels: { ...commonLabels(prefix), ...labels },
    ...(annotations ? { annotations } : {}),
  });
  const files: GeneratedFile[] = [];
  const add = (path: string, objects: KubernetesObject[]) => files.push({ path: `${DIR}/${path}`, content: manifests(objects) });

  for (const file of model.rules) {
    const { kind, path, name } = operatorObjects.rules(prefix, file);
    add(path, [{ apiVersion: 'monitoring.coreos.com/v1', kind, metadata: metadata(name, k8s.ruleLabels), spec: ruleFile(model, file) }]);
  }
  for (const job of operatorJobs(model)) {
    const { apiVersion, kind, spec } = job.kubernetes.role === 'node' ? kubeletServiceMonitor(model, job) : podMonitor(model, job);
    const { path, name } = operatorObjects.monitor(prefix, job);
    add(path, [{ apiVersion, kind, metadata: metadata(name, k8s.monitorLabels), spec }]);
  }
  for (const dashboard of model.dashboards) {
    const { kind, path, name } = operatorObjects.dashboard(prefix, dashboard);
    add(path, [
      {
        apiVersion: 'v1',
        kind,
        metadata: metadata(name, { grafana_dashboard: '1' }, { [k8s.dashboardFolderAnnotation]: dashboard.folder }),
        data: { [`${dashboard.uid}.json`]: dashboardJson(dashboard, model.config) },
      },
    ]);
  }
  if (model.rules.length > 0) {
    add('alertmanager-config.yaml', [
      {
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: metadata(`alertmanager-${k8s.alertmanagerName}`),
        type: 'Opaque',
        stringData: { 'alertmanager.yaml': toYaml(alertmanagerConfig(model)) },
      },
    ]);
  }
  const resources = files.map((file) => file.path.slice(DIR.length + 1)).sort();
  files.push({
    path: `${DIR}/kustomization.yaml`,
    content: toYaml({ apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization', namespace: k8s.namespace, resources }),
  });
  return files;
}
