/**
 * The Kubernetes pack: kube-state-metrics (pods, containers, deployments) and the cAdvisor of
 * every kubelet (containers' CPU and memory), their alerts with tests, and the Kubernetes pods
 * dashboard. Both programs describe Kubernetes objects: the pack's jobs run only in Kubernetes.
 *
 *   packs: [kubernetes({ escalation: 'The platform team…' })]
 */
import { definePack, packScrapeJob, packSettings, type PackDef, type PackOptions, type ThresholdValues } from '../../dsl/packs.ts';
import { defineScrapeJob } from '../../dsl/scrape.ts';
import { kubernetesRules } from './alerts.ts';
import { kubernetesDashboard } from './dashboard.ts';
import { cadvisor, kubeStateMetrics } from './domain.ts';

export { cadvisor, kubeStateMetrics } from './domain.ts';

export const DEFAULT_THRESHOLDS = {
  /** Working set over the memory limit: at 1 the kernel OOM-kills the container, so 0.9 leaves time to act. */
  containerMemoryLimitRatio: 0.9,
  /** Minutes in CrashLoopBackOff before PodCrashLooping: a few back-offs (10 s doubling to 5 min) prove it is not a one-off. */
  crashLoopMinutes: 15,
  /** Minutes a container waits on its image or configuration before ContainerWaiting: pulls of large images take minutes, not 15. */
  containerWaitingMinutes: 15,
  /** Minutes a pod is not ready before PodNotReady: longer than a slow start and its readiness probe's failure threshold. */
  podNotReadyMinutes: 15,
  /** Minutes a deployment is short of replicas, with no rollout moving, before DeploymentReplicasUnavailable. */
  replicasUnavailableMinutes: 15,
  /** Minutes with no replica available before DeploymentUnavailable pages: every request fails meanwhile, so short. */
  deploymentUnavailableMinutes: 5,
  /** Minutes past the rollout's progress deadline (itself 10 minutes by default) before DeploymentRolloutStuck. */
  rolloutStuckMinutes: 15,
} as const;

/** The thresholds its rules read: the names of DEFAULT_THRESHOLDS, any number. */
export type KubernetesThresholds = ThresholdValues<typeof DEFAULT_THRESHOLDS>;

export interface KubernetesPackOptions extends PackOptions<KubernetesThresholds> {
  /**
   * The namespaces whose pods and deployments the pack watches (both jobs keep only their series);
   * default: the config's kubernetes.appNamespaces.
   */
  readonly namespaces?: readonly string[];
  /** The cAdvisor job's name (`job`, `targets`, `runsIn`, `notIn` and `kubernetes` are kube-state-metrics's). */
  readonly cadvisorJob?: string;
}

/** Options beyond PackOptions, for the unknown-key check. */
const KUBERNETES_OPTIONS = Object.keys({ namespaces: true, cadvisorJob: true } satisfies Record<Exclude<keyof KubernetesPackOptions, keyof PackOptions<KubernetesThresholds>>, true>);

export default function kubernetes(options: KubernetesPackOptions = {}): PackDef {
  const settings = packSettings({ job: 'kube-state-metrics', thresholds: DEFAULT_THRESHOLDS }, options);
  const kubeStateMetricsJob = settings.job;
  const cadvisorJob = options.cadvisorJob ?? 'cadvisor';
  // Both programs report on every workload of the cluster: keep the watched namespaces' series.
  const onlyAppNamespaces = options.namespaces ?? true;
  // Found as the prometheus-community/kube-state-metrics chart (5.26.0, app 2.13.0) runs it:
  // templates/_helpers.tpl selectorLabels on the pods, templates/deployment.yaml's port http on
  // service.port (8080). The chart installs into its release's namespace; kube-system is where
  // kube-state-metrics's own examples/standard/deployment.yaml (v2.13.0, port named http-metrics)
  // puts it. A project's kubernetes option changes how the pods are found, not which namespaces are kept.
  const kubeStateMetricsPods = { podLabels: { 'app.kubernetes.io/name': 'kube-state-metrics' }, namespaces: ['kube-system'], port: 8080, portName: 'http', ...options.kubernetes, onlyAppNamespaces };
  const recorded = kubernetesRules(settings.thresholds, { kubeStateMetricsJob, cadvisorJob, escalation: settings.escalation });
  return definePack(
    {
      name: 'kubernetes',
      configure: kubernetes,
      program: 'kube-state-metrics and the kubelet\'s cAdvisor',
      versions: 'kube-state-metrics 2.13.x (the image registry.k8s.io/kube-state-metrics/kube-state-metrics:v2.13.0; 2.17 and later add a reason label to kube_deployment_status_condition); cAdvisor 0.49 as the kubelet vendors it',
      domains: [kubeStateMetrics, cadvisor],
      rules: [recorded.rules],
      dashboards: [kubernetesDashboard(recorded, settings.folder)],
      scrape: [
        packScrapeJob(
          {
            name: kubeStateMetricsJob,
            // It describes the cluster's objects: there is one only in Kubernetes.
            runsIn: ['kubernetes'],
            notIn: {
              compose: 'kube-state-metrics describes Kubernetes objects: there are none in the compose stack',
              hosts: 'kube-state-metrics describes Kubernetes objects: there are none on plain hosts',
            },
            exposes: [kubeStateMetrics],
            // It reports on every object of the cluster; keeping what the catalogue describes, for the
            // watched namespaces, makes the derived limits hold however large the cluster is.
            keepOnlyCatalogued: true,
            // Its series carry the namespace and pod they describe: those win over the exporter pod's own.
            honorLabels: true,
            kubernetes: kubeStateMetricsPods,
          },
          { ...options, kubernetes: kubeStateMetricsPods },
        ),
        defineScrapeJob({
          name: cadvisorJob,
          // The cAdvisor inside every kubelet: Kubernetes only, found by node discovery.
          runsIn: ['kubernetes'],
          notIn: {
            compose: 'cAdvisor is read from the kubelet, and there is no kubelet in the compose stack',
            hosts: 'cAdvisor is read from the kubelet, and there is no kubelet on plain hosts',
          },
          metricsPath: '/metrics/cadvisor',
          exposes: [cadvisor],
          // cAdvisor reports every cgroup of the node: keep the catalogued metrics of the watched namespaces.
          keepOnlyCatalogued: true,
          // Its series carry the namespace, pod and container they describe: those win over the target's
          // (as kube-prometheus-stack's kubelet ServiceMonitor does).
          honorLabels: true,
          kubernetes: { role: 'node', onlyAppNamespaces },
        }),
      ],
    },
    options,
    DEFAULT_THRESHOLDS,
    KUBERNETES_OPTIONS,
  );
}
