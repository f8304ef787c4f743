/**
 * The Kubernetes pack's upstream domains: kube-state-metrics (the state of the cluster's objects)
 * and the cAdvisor built into every kubelet (the containers' resource use). Checked against
 * kubernetes/kube-state-metrics internal/store/pod.go and deployment.go at v2.13.0 (names, HELP,
 * labels) and google/cadvisor metrics/prometheus.go at v0.49.1 (the same file at v0.49.0 and
 * v0.49.2, the 0.49.x the kubelet of Kubernetes 1.30–1.31 vendors), with the labels the kubelet
 * gives it (kubernetes/kubernetes pkg/kubelet/server/server.go containerPrometheusLabelsFunc:
 * id, name, image, pod, namespace, container).
 *
 * Names of pods, containers, namespaces and reasons are the cluster's, not a list anyone can
 * write down: each is bounded by how many this system has, with the reason, and the scrape jobs
 * keep only this system's namespaces, so the bounds hold however large the cluster is.
 */
import { bounded, counter, defineDomain, gauge, upstream } from '../../index.ts';

const namespace = bounded(16, 'namespaces this system runs in (the scrape jobs keep only those)');
const pod = bounded(128, 'pods of this system across its namespaces; a replaced pod is a new name');
const uid = bounded(128, 'one uid per pod', {
  identifier: 'kube-state-metrics puts the pod uid on every pod series; one per pod of this system, so it follows pod, not traffic',
});
const container = bounded(8, 'containers per pod');
const deployment = bounded(32, 'deployments of this system');
const perDeployment = bounded(32, 'deployments of this system');
/** Pod labels repeat one pod's identity; the pairs, not the product, bound the series. */
const perContainer = bounded(256, 'containers of the pods of this system');

export const kubeStateMetrics = defineDomain({
  name: 'kube_state_metrics',
  title: 'Kubernetes objects (kube-state-metrics)',
  description:
    'Pod and deployment state of the workloads of this system on Kubernetes, for the pod and deployment alerts (crash loops, ' +
    'containers waiting, readiness, replicas, rollouts). Every pod metric carries the pod uid since 2.x. ' +
    "kube_pod_container_status_restarts_total is the kubelet's count: every restart of every container, the crashes and " +
    'OOM kills a process cannot record itself included, in Kubernetes only and without a reason. An application that counts ' +
    'its own restarts (with the reason: deploy, failure…) in every deployment overlaps it: neither replaces the other.',
  owner: upstream('kube-state-metrics', '2.13.0', 'kubernetes/kube-state-metrics v2.13.0 internal/store/pod.go and deployment.go (docs/metrics/workload/pod-metrics.md and deployment-metrics.md)', {
    uncataloguedPrefixes: ['kube_', 'go_', 'process_'],
    otherVersions: [
      {
        versions: 'kube-state-metrics 2.17 or later',
        // internal/store/deployment.go at v2.17.0: LabelKeys reason, condition, status.
        exposes: ['kube_deployment_status_condition{reason}'],
        advice:
          "it adds a reason label to kube_deployment_status_condition, which the pack's alerts do not read: they work with it, but the catalogue describes 2.13 (registry.k8s.io/kube-state-metrics/kube-state-metrics:v2.13.0)",
      },
    ],
  }),
  metrics: {
    containerRestarts: counter({
      name: 'kube_pod_container_status_restarts_total',
      help: 'The number of container restarts per container.',
      labels: { namespace, pod, uid, container },
      labelSets: perContainer,
    }),
    containerWaitingReason: gauge({
      name: 'kube_pod_container_status_waiting_reason',
      help: 'Describes the reason the container is currently in waiting state.',
      labels: {
        namespace,
        pod,
        uid,
        container,
        // ContainerStateWaiting.reason is a free-form string the kubelet and the container runtime
        // set (PodInitializing, ContainerCreating, ErrImagePull…): a list would call real clusters drift.
        reason: bounded(32, "the kubelet's and container runtime's waiting reasons: a few dozen CamelCase tokens, one at a time per container"),
      },
      labelSets: bounded(256, 'a waiting container has one reason at a time'),
    }),
    podStatusReady: gauge({
      name: 'kube_pod_status_ready',
      help: 'Describes whether the pod is ready to serve requests.',
      labels: { namespace, pod, uid, condition: ['true', 'false', 'unknown'] },
      labelSets: bounded(384, 'three conditions per pod, one of them 1'),
    }),
    podStatusPhase: gauge({
      name: 'kube_pod_status_phase',
      help: 'The pods current phase.',
      labels: { namespace, pod, uid, phase: ['Pending', 'Running', 'Succeeded', 'Failed', 'Unknown'] },
      labelSets: bounded(640, 'five phases per pod, one of them 1'),
    }),
    deploymentSpecReplicas: gauge({ name: 'kube_deployment_spec_replicas', help: 'Number of desired pods for a deployment.', labels: { namespace, deployment }, labelSets: perDeployment }),
    deploymentAvailableReplicas: gauge({
      name: 'kube_deployment_status_replicas_available',
      help: 'The number of available replicas per deployment.',
      labels: { namespace, deployment },
      labelSets: perDeployment,
    }),
    deploymentUpdatedReplicas: gauge({
      name: 'kube_deployment_status_replicas_updated',
      help: 'The number of updated replicas per deployment.',
      labels: { namespace, deployment },
      labelSets: perDeployment,
    }),
    deploymentCondition: gauge({
      name: 'kube_deployment_status_condition',
      help: 'The current status conditions of a deployment.',
      labels: {
        namespace,
        deployment,
        condition: ['Available', 'Progressing', 'ReplicaFailure'],
        // No reason label at 2.13 (internal/store/deployment.go: condition, status); 2.17 adds one.
        status: ['true', 'false', 'unknown'],
      },
      labelSets: bounded(288, 'three conditions of three statuses per deployment'),
    }),
  },
});

/** cAdvisor names every cgroup: id, name and image repeat the container's identity. */
const identity = {
  namespace,
  pod,
  container,
  id: bounded(256, 'one cgroup path per container', {
    identifier: 'cAdvisor names each container by its cgroup path; one per running container of this system, replaced as containers restart',
  }),
  name: bounded(256, 'one runtime name per container'),
  image: bounded(32, 'images of this system'),
};

export const cadvisor = defineDomain({
  name: 'cadvisor',
  title: 'Containers (cAdvisor in the kubelet)',
  description:
    'Container resource use, from the cAdvisor built into every kubelet (/metrics/cadvisor). Pod CPU use is ' +
    'container_cpu_usage_seconds_total summed by pod. Rows with container="" are the pod cgroup itself, and "POD" the ' +
    'pause container: per-container queries exclude both.',
  owner: upstream('cAdvisor', '0.49.1', 'google/cadvisor metrics/prometheus.go (the kubelet serves it at /metrics/cadvisor)', {
    uncataloguedPrefixes: ['container_', 'machine_'],
  }),
  metrics: {
    cpuUsage: counter({
      name: 'container_cpu_usage_seconds_total',
      help: 'Cumulative cpu time consumed in seconds.',
      unit: 'seconds',
      // Per-CPU series are off in the kubelet: cpu is always "total".
      labels: { ...identity, cpu: ['total'] },
      labelSets: perContainer,
    }),
    memoryWorkingSet: gauge({ name: 'container_memory_working_set_bytes', help: 'Current working set in bytes.', unit: 'bytes', labels: identity, labelSets: perContainer }),
    memoryLimit: gauge({ name: 'container_spec_memory_limit_bytes', help: 'Memory limit for the container.', unit: 'bytes', labels: identity, labelSets: perContainer }),
  },
});
