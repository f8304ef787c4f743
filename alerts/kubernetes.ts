import { alert, defineRules, evaluates, fires, input, pending, promql, recordingRule, silent } from '#sextant';
import cadvisor from '../catalog/cadvisor.ts';
import ksm from '../catalog/kube_state_metrics.ts';
import config from '../sextant.config.ts';
import { KUBE_STATE_METRICS, KUBELET } from './shared/targets.ts';

const t = config.alerts.thresholds;
const { containerRestarts, containerWaitingReason, deploymentSpecReplicas, deploymentAvailableReplicas } = ksm.metrics;
const { cpuUsage, memoryWorkingSet, memoryLimit } = cadvisor.metrics;
const MiB = 1024 ** 2;
/** container="" is the pod's own cgroup and "POD" the pause container: neither is a workload. */
const WORKLOADS = 'container!="", container!="POD"';

const pod = { namespace: 'chat', pod: 'chat-service-7d9f8-x2k4q', uid: '5f0c1d2e-0000-4000-8000-000000000001' } as const;
const chat = { ...KUBE_STATE_METRICS, ...pod, container: 'chat-service' } as const;
const cgroup = {
  ...KUBELET,
  namespace: pod.namespace,
  pod: pod.pod,
  container: 'chat-service',
  id: '/kubepods/burstable/pod5f0c1d2e/abc123',
  name: 'abc123',
  image: 'registry.example.com/chat-service:1.4.2',
} as const;

const restarts = (values: string) => input(containerRestarts, chat, values);
const crashLooping = (values: string) => input(containerWaitingReason, { ...chat, reason: 'CrashLoopBackOff' }, values);
const replicas = (desired: number, available: number) => {
  const labels = { ...KUBE_STATE_METRICS, namespace: 'chat', deployment: 'chat-service' };
  return [input(deploymentSpecReplicas, labels, `${desired}x60`), input(deploymentAvailableReplicas, labels, `${available}x60`)];
};
const memory = (usedMiB: number, limitMiB: number) => [
  input(memoryWorkingSet, cgroup, `${usedMiB * MiB}x60`),
  input(memoryLimit, cgroup, `${limitMiB * MiB}x60`),
  // The pod cgroup repeats the total without a limit: left out by the container filter.
  input(memoryWorkingSet, { ...cgroup, container: '', id: '/kubepods/burstable/pod5f0c1d2e', name: '' }, `${usedMiB * MiB}x60`),
];

export const podCpu = recordingRule({
  record: 'namespace_pod:container_cpu_usage_seconds:rate5m',
  expr: promql`sum by (namespace, pod) (rate(${cpuUsage}{${WORKLOADS}}[5m]))`,
  tests: [
    evaluates('is CPU seconds per second of the pod, its pause container and pod cgroup left out', {
      at: '10m',
      series: [
        input(cpuUsage, { ...cgroup, cpu: 'total' }, '0+15x40'),
        input(cpuUsage, { ...cgroup, cpu: 'total', container: 'POD', id: '/kubepods/burstable/pod5f0c1d2e/pause', name: 'pause' }, '0+60x40'),
      ],
      samples: [{ labels: { namespace: pod.namespace, pod: pod.pod }, value: 0.25 }],
    }),
  ],
});

export const podMemory = recordingRule({
  record: 'namespace_pod:container_memory_working_set_bytes:sum',
  expr: promql`sum by (namespace, pod) (${memoryWorkingSet}{${WORKLOADS}})`,
  tests: [evaluates('is the working set of the pod, counted once', { at: '5m', series: memory(300, 512), samples: [{ labels: { namespace: pod.namespace, pod: pod.pod }, value: 300 * MiB }] })],
});

export default defineRules({
  name: 'kubernetes',
  title: 'Kubernetes pods (kube-state-metrics, cAdvisor)',
  recording: [podCpu, podMemory],
  alerts: [
    alert({
      name: 'PodRestarting',
      severity: 'warning',
      expr: promql`sum by (namespace, pod, container) (increase(${containerRestarts}[15m])) > ${t.podRestartsIn15m}`,
      for: '5m',
      summary: 'Pod {{ $labels.namespace }}/{{ $labels.pod }} is restarting',
      description: 'Container {{ $labels.container }} of {{ $labels.namespace }}/{{ $labels.pod }} restarted {{ $value | humanize }} times in 15 minutes.',
      runbook: {
        meaning: 'A container keeps exiting and the kubelet restarts it: requests to it fail while it starts.',
        causes: ['The process crashes (a panic, an unhandled error) or is OOM-killed.', 'A liveness probe that fails under load.'],
        checks: ['Kubernetes pods dashboard: restarts and memory of the pod.', 'kubectl describe pod for the last state and exit code.', 'kubectl logs --previous for the crash.'],
      },
      tests: [
        fires('a restart a minute', {
          at: '20m',
          series: [restarts('0+1x30')],
          alerts: [
            {
              labels: { namespace: 'chat', pod: pod.pod, container: 'chat-service' },
              summary: 'Pod chat/chat-service-7d9f8-x2k4q is restarting',
              description: 'Container chat-service of chat/chat-service-7d9f8-x2k4q restarted 15 times in 15 minutes.',
            },
          ],
        }),
        silent('no restart for 15 minutes', { at: '30m', series: [restarts('0+1x4 4+0x40')] }),
        pending('restarting for less than 5 minutes', { at: '3m', series: [restarts('0+1x10')] }),
      ],
    }),
    alert({
      name: 'PodCrashLooping',
      severity: 'critical',
      expr: promql`max_over_time(${containerWaitingReason}{reason="CrashLoopBackOff"}[5m]) >= 1`,
      for: '15m',
      summary: 'Pod {{ $labels.namespace }}/{{ $labels.pod }} is crash-looping',
      description: 'Container {{ $labels.container }} of {{ $labels.namespace }}/{{ $labels.pod }} has been in CrashLoopBackOff for 15 minutes.',
      runbook: {
        meaning: 'The container fails at every start; Kubernetes waits longer and longer between tries and the pod serves nothing.',
        causes: ['A bad release or configuration.', 'A dependency it needs at start (database, secret) is missing.'],
        checks: ['kubectl logs --previous and describe pod.', 'The last deploy of that workload.'],
      },
      tests: [
        fires('in CrashLoopBackOff for 20 minutes', {
          at: '20m',
          series: [crashLooping('1x30')],
          alerts: [
            {
              labels: { ...chat, reason: 'CrashLoopBackOff' },
              summary: 'Pod chat/chat-service-7d9f8-x2k4q is crash-looping',
              description: 'Container chat-service of chat/chat-service-7d9f8-x2k4q has been in CrashLoopBackOff for 15 minutes.',
            },
          ],
        }),
        silent('waiting, but not crash-looping any more', { at: '20m', series: [crashLooping('1x5 0x25')] }),
        pending('crash-looping for less than 15 minutes', { at: '10m', series: [crashLooping('1x30')] }),
      ],
    }),
    alert({
      name: 'DeploymentReplicasUnavailable',
      severity: 'warning',
      expr: promql`${deploymentSpecReplicas} - ${deploymentAvailableReplicas} > 0`,
      for: '15m',
      summary: 'Deployment {{ $labels.namespace }}/{{ $labels.deployment }} is missing replicas',
      description: '{{ $value }} replicas of {{ $labels.namespace }}/{{ $labels.deployment }} have not been available for 15 minutes.',
      runbook: {
        meaning: 'Fewer pods serve than the deployment asks for: less capacity, and no margin for the next failure.',
        causes: ['Pods that cannot be scheduled (resources, node selectors).', 'Pods failing readiness, or a rollout stuck on a bad image.'],
        checks: ['kubectl rollout status and get pods for the deployment.', 'PodCrashLooping and PodRestarting alerts in the namespace.'],
      },
      tests: [
        fires('one of three replicas unavailable', {
          at: '20m',
          series: replicas(3, 2),
          alerts: [
            {
              labels: { ...KUBE_STATE_METRICS, namespace: 'chat', deployment: 'chat-service' },
              summary: 'Deployment chat/chat-service is missing replicas',
              description: '1 replicas of chat/chat-service have not been available for 15 minutes.',
            },
          ],
        }),
        silent('all three replicas available', { at: '20m', series: replicas(3, 3) }),
        pending('missing a replica for less than 15 minutes', { at: '10m', series: replicas(3, 2) }),
      ],
    }),
    alert({
      name: 'ContainerMemoryNearLimit',
      severity: 'warning',
      expr: promql`${memoryWorkingSet}{${WORKLOADS}} / (${memoryLimit}{${WORKLOADS}} > 0) > ${t.containerMemoryLimitRatio}`,
      for: '15m',
      summary: 'Container {{ $labels.container }} of {{ $labels.namespace }}/{{ $labels.pod }} is near its memory limit',
      description: 'Container {{ $labels.container }} of {{ $labels.namespace }}/{{ $labels.pod }} uses {{ $value | humanizePercentage }} of its memory limit.',
      runbook: {
        meaning: 'At the limit the kernel OOM-kills the container, and it restarts.',
        causes: ['A memory leak or a cache without a bound.', 'A limit set below what the workload needs at peak.'],
        checks: ['Kubernetes pods dashboard: memory of the pod over the last days.', 'PodRestarting for the same pod (last state OOMKilled).'],
      },
      tests: [
        fires('480 MiB of a 512 MiB limit', {
          at: '20m',
          series: memory(480, 512),
          alerts: [
            {
              labels: cgroup,
              summary: 'Container chat-service of chat/chat-service-7d9f8-x2k4q is near its memory limit',
              description: 'Container chat-service of chat/chat-service-7d9f8-x2k4q uses 93.75% of its memory limit.',
            },
          ],
        }),
        silent('300 MiB of a 512 MiB limit', { at: '20m', series: memory(300, 512) }),
        pending('near the limit for less than 15 minutes', { at: '10m', series: memory(480, 512) }),
      ],
    }),
  ],
});
