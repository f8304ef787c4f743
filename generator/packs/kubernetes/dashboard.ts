/** The Kubernetes pack's dashboard: CPU, memory, restarts and readiness of this system's pods. */
import { defineDashboard, labelVariable, promql, row, target, timeseries, type DashboardDef, type Folder } from '../../index.ts';
import type { KubernetesRules } from './alerts.ts';
import { cadvisor, kubeStateMetrics } from './domain.ts';

const ksm = kubeStateMetrics.metrics;
const c = cadvisor.metrics;
const ns = 'namespace=~"$namespace"';
/** Per-container rows of cAdvisor: not the pod's own cgroup, not the pause container. */
const containers = `${ns}, container!="", container!="POD"`;

export function kubernetesDashboard(recordings: Pick<KubernetesRules, 'podCpu' | 'podMemory'>, folder: Folder): DashboardDef {
  const { podCpu, podMemory } = recordings;
  return defineDashboard({
    name: 'kubernetes',
    title: 'Kubernetes pods',
    folder,
    description: "CPU, memory, restarts and readiness of this system's pods, from cAdvisor and kube-state-metrics.",
    tags: ['kubernetes'],
    scope: ksm.containerRestarts,
    spansJobs: 'a cluster-wide view: kube-state-metrics and cAdvisor are different jobs and instances, so panels narrow by namespace',
    variables: [labelVariable(ksm.containerRestarts, 'namespace')],
    rows: [
      row('Resources', [
        timeseries({ title: 'CPU by pod', unit: 'short', targets: [target(promql`sum by (namespace, pod) (${podCpu}{${ns}})`, '{{namespace}}/{{pod}}')] }),
        timeseries({ title: 'Memory working set by pod', unit: 'bytes', targets: [target(promql`sum by (namespace, pod) (${podMemory}{${ns}})`, '{{namespace}}/{{pod}}')] }),
        timeseries({
          title: 'Memory used of the limit',
          unit: 'percentunit',
          min: 0,
          max: 1,
          alerts: ['ContainerMemoryNearLimit'],
          targets: [target(promql`max by (namespace, pod, container) (${c.memoryWorkingSet}{${containers}} / (${c.memoryLimit}{${containers}} > 0))`, '{{namespace}}/{{pod}} {{container}}')],
        }),
      ]),
      row('Health', [
        timeseries({
          title: 'Container restarts',
          unit: 'short',
          alerts: ['PodCrashLooping'],
          targets: [target(promql`sum by (namespace, pod, container) (increase(${ksm.containerRestarts}{${ns}}[$__rate_interval]))`, '{{namespace}}/{{pod}} {{container}}')],
        }),
        timeseries({
          title: 'Containers waiting, by reason',
          unit: 'short',
          alerts: ['PodCrashLooping', 'ContainerWaiting'],
          targets: [target(promql`sum by (namespace, reason) (${ksm.containerWaitingReason}{${ns}})`, '{{namespace}} {{reason}}')],
        }),
        timeseries({
          title: 'Deployment replicas',
          unit: 'short',
          alerts: ['DeploymentUnavailable', 'DeploymentReplicasUnavailable', 'DeploymentRolloutStuck', 'PodNotReady'],
          targets: [
            target(promql`sum by (namespace, deployment) (${ksm.deploymentSpecReplicas}{${ns}})`, 'desired {{namespace}}/{{deployment}}'),
            target(promql`sum by (namespace, deployment) (${ksm.deploymentAvailableReplicas}{${ns}})`, 'available {{namespace}}/{{deployment}}'),
          ],
        }),
      ]),
    ],
  });
}
