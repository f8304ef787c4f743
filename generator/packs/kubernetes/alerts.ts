/**
 * The Kubernetes pack's rules: pods that crash-loop, wait, or are not ready; deployments short of
 * replicas, with none, or stuck in a rollout; containers near their memory limit; and the pod CPU
 * and memory recordings its dashboard reads. The tests' input series carry the jobs' labels as
 * the project names them, and their timings follow the thresholds.
 */
import { alert, defineRules, evaluates, fires, input, pending, promql, recordingRule, silent, type RulesDef } from '../../index.ts';
import type { RecordingRuleDef } from '../../dsl/rules.ts';
import { humanizePercentage } from '../humanize.ts';
import { cadvisor, kubeStateMetrics } from './domain.ts';

export interface KubernetesRuleThresholds {
  readonly containerMemoryLimitRatio: number;
  readonly crashLoopMinutes: number;
  readonly containerWaitingMinutes: number;
  readonly podNotReadyMinutes: number;
  readonly replicasUnavailableMinutes: number;
  readonly deploymentUnavailableMinutes: number;
  readonly rolloutStuckMinutes: number;
}

export interface KubernetesRuleOptions {
  /** The scrape jobs' names: the job label of the tests' series. */
  readonly kubeStateMetricsJob: string;
  readonly cadvisorJob: string;
  readonly escalation: string;
}

export interface KubernetesRules {
  readonly rules: RulesDef;
  /** Pod CPU and memory, summed once here for the dashboard. */
  readonly podCpu: RecordingRuleDef;
  readonly podMemory: RecordingRuleDef;
}

const { containerRestarts, containerWaitingReason, deploymentSpecReplicas, deploymentAvailableReplicas, deploymentUpdatedReplicas, deploymentCondition, podStatusReady, podStatusPhase } =
  kubeStateMetrics.metrics;
const { cpuUsage, memoryWorkingSet, memoryLimit } = cadvisor.metrics;
const MiB = 1024 ** 2;
/** container="" is the pod's own cgroup and "POD" the pause container: neither is a workload. */
const WORKLOADS = 'container!="", container!="POD"';
/** Waiting reasons that never end by themselves; ContainerCreating usually does, CrashLoopBackOff has its own alert. */
const STUCK_REASONS = 'ErrImagePull|ImagePullBackOff|CreateContainerConfigError|InvalidImageName|CreateContainerError';

export function kubernetesRules(t: KubernetesRuleThresholds, options: KubernetesRuleOptions): KubernetesRules {
  const KUBE_STATE_METRICS = { job: options.kubeStateMetricsJob, instance: '10.0.3.7:8080' } as const;
  const KUBELET = { job: options.cadvisorJob, instance: 'node-1' } as const;
  const escalation = options.escalation;

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
  const deployment = { ...KUBE_STATE_METRICS, namespace: 'chat', deployment: 'chat-service' } as const;

  /** A test's times around an alert's `for` of m minutes: pending a minute before, firing five after; series of at least 30 minutes. */
  const timing = (m: number) => ({ for: `${m}m`, pendingAt: `${m - 1}m`, firingAt: `${m + 5}m`, samples: Math.max(30, 2 * m) });
  const crash = timing(t.crashLoopMinutes);
  const wait = timing(t.containerWaitingMinutes);
  const notReady = timing(t.podNotReadyMinutes);
  const short = timing(t.replicasUnavailableMinutes);
  const none = timing(t.deploymentUnavailableMinutes);
  const stuck = timing(t.rolloutStuckMinutes);
  /** Replica series long enough for every deployment test. */
  const replicaSamples = Math.max(60, short.samples, none.samples);

  const waiting = (reason: 'ContainerCreating' | 'CrashLoopBackOff' | 'ImagePullBackOff', values: string) => input(containerWaitingReason, { ...chat, reason }, values);
  const crashLooping = (values: string) => waiting('CrashLoopBackOff', values);
  const ready = (isReady: 0 | 1, phase: 'Running' | 'Succeeded') => [
    input(podStatusReady, { ...KUBE_STATE_METRICS, ...pod, condition: 'true' }, `${isReady}x${notReady.samples}`),
    input(podStatusPhase, { ...KUBE_STATE_METRICS, ...pod, phase }, `1x${notReady.samples}`),
  ];
  /** Desired and available replicas; `updated` moves during a rollout. */
  const replicas = (desired: number, available: number, updated = `${available}x${replicaSamples}`) => [
    input(deploymentSpecReplicas, deployment, `${desired}x${replicaSamples}`),
    input(deploymentAvailableReplicas, deployment, `${available}x${replicaSamples}`),
    input(deploymentUpdatedReplicas, deployment, updated),
  ];
  const progressingAt = (target: { job: string; instance: string }, values: string) =>
    input(deploymentCondition, { ...deployment, ...target, condition: 'Progressing', status: 'false' }, values);
  const progressing = (values: string) => progressingAt(KUBE_STATE_METRICS, values);
  const memory = (usedMiB: number, limitMiB: number) => [
    input(memoryWorkingSet, cgroup, `${usedMiB * MiB}x60`),
    input(memoryLimit, cgroup, `${limitMiB * MiB}x60`),
    // The pod cgroup repeats the total without a limit: left out by the container filter.
    input(memoryWorkingSet, { ...cgroup, container: '', id: '/kubepods/burstable/pod5f0c1d2e', name: '' }, `${usedMiB * MiB}x60`),
  ];
  /** Working sets of a 512 MiB limit, in whole MiB: halfway from the threshold to the limit, and half the threshold. */
  const nearLimitMiB = Math.ceil((512 * (1 + t.containerMemoryLimitRatio)) / 2);
  const farBelowMiB = Math.floor((512 * t.containerMemoryLimitRatio) / 2);

  const podCpu = recordingRule({
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

  const podMemory = recordingRule({
    record: 'namespace_pod:container_memory_working_set_bytes:sum',
    expr: promql`sum by (namespace, pod) (${memoryWorkingSet}{${WORKLOADS}})`,
    tests: [evaluates('is the working set of the pod, counted once', { at: '5m', series: memory(300, 512), samples: [{ labels: { namespace: pod.namespace, pod: pod.pod }, value: 300 * MiB }] })],
  });

  const rules = defineRules({
    name: 'kubernetes',
    title: 'Kubernetes pods (kube-state-metrics, cAdvisor)',
    recording: [podCpu, podMemory],
    alerts: [
      alert({
        name: 'PodCrashLooping',
        severity: 'warning',
        expr: promql`max_over_time(${containerWaitingReason}{reason="CrashLoopBackOff"}[5m]) >= 1`,
        for: crash.for,
        scenario: { target: KUBE_STATE_METRICS, series: (waiting, s) => [input(containerWaitingReason, { ...chat, ...s.target, reason: 'CrashLoopBackOff' }, s.gauge(waiting))] },
        summary: 'Pod {{ $labels.namespace }}/{{ $labels.pod }} is crash-looping',
        description: `Container {{ $labels.container }} of {{ $labels.namespace }}/{{ $labels.pod }} has been in CrashLoopBackOff for ${t.crashLoopMinutes} minutes.`,
        runbook: {
          meaning: 'The container fails at every start; Kubernetes waits longer and longer between tries and the pod serves nothing. Its replicas carry the load: users feel it only when DeploymentUnavailable pages.',
          causes: ['A bad release or configuration.', 'A dependency it needs at start (database, secret) is missing.', 'OOM-killed at start: a memory limit below what it needs.'],
          checks: ['kubectl logs --previous and describe pod (last state, exit code, OOMKilled).', 'The last deploy of that workload.'],
          fix: ['If a release started it, roll back: `kubectl rollout undo deployment/<name>`.', 'If it is OOMKilled, raise the memory limit; if a secret or config is missing, restore it.'],
          escalation,
          query: promql`sum by (namespace, pod, container) (increase(${containerRestarts}[1h]))`,
          panel: { dashboard: 'kubernetes', panel: 'Container restarts' },
        },
        tests: [
          fires(`in CrashLoopBackOff for ${t.crashLoopMinutes + 5} minutes`, {
            at: crash.firingAt,
            series: [crashLooping(`1x${crash.samples}`)],
            alerts: [
              {
                labels: { ...chat, reason: 'CrashLoopBackOff' },
                summary: 'Pod chat/chat-service-7d9f8-x2k4q is crash-looping',
                description: `Container chat-service of chat/chat-service-7d9f8-x2k4q has been in CrashLoopBackOff for ${t.crashLoopMinutes} minutes.`,
              },
            ],
          }),
          // Between back-offs the container runs a few seconds and the series is gone: max_over_time keeps the for.
          fires('in CrashLoopBackOff with the series gone at some scrapes', {
            at: crash.firingAt,
            series: [crashLooping(`1 _ 1 1 _ 1x3 _ 1x${crash.samples}`)],
            alerts: [
              {
                labels: { ...chat, reason: 'CrashLoopBackOff' },
                summary: 'Pod chat/chat-service-7d9f8-x2k4q is crash-looping',
                description: `Container chat-service of chat/chat-service-7d9f8-x2k4q has been in CrashLoopBackOff for ${t.crashLoopMinutes} minutes.`,
              },
            ],
          }),
          // Ten minutes after the last back-off at least: the 5m window has forgotten it whatever the for.
          silent('waiting, but not crash-looping any more', { at: `${Math.max(t.crashLoopMinutes + 5, 15)}m`, series: [crashLooping(`1x5 0x${crash.samples - 5}`)] }),
          pending(`crash-looping for less than ${t.crashLoopMinutes} minutes`, { at: crash.pendingAt, series: [crashLooping(`1x${crash.samples}`)] }),
        ],
      }),
      alert({
        name: 'ContainerWaiting',
        severity: 'warning',
        expr: promql`max_over_time(${containerWaitingReason}{reason=~"${STUCK_REASONS}"}[5m]) >= 1`,
        for: wait.for,
        scenario: { target: KUBE_STATE_METRICS, series: (waiting, s) => [input(containerWaitingReason, { ...chat, ...s.target, reason: 'ImagePullBackOff' }, s.gauge(waiting))] },
        summary: 'Container {{ $labels.container }} of {{ $labels.namespace }}/{{ $labels.pod }} cannot start ({{ $labels.reason }})',
        description: `Container {{ $labels.container }} of {{ $labels.namespace }}/{{ $labels.pod }} has been waiting in {{ $labels.reason }} for ${t.containerWaitingMinutes} minutes.`,
        runbook: {
          meaning: 'The container never starts: its image cannot be pulled or its configuration is invalid. A rollout with it stalls (DeploymentRolloutStuck).',
          causes: ['ErrImagePull, ImagePullBackOff: a wrong tag, a deleted image, missing pull credentials, a registry down.', 'CreateContainerConfigError: a ConfigMap or Secret it references does not exist.'],
          checks: ['kubectl describe pod: the events say which image or reference fails.', '`kubectl get secret,configmap -n <namespace>`.'],
          fix: ['Fix the image tag or the imagePullSecret, or restore the missing ConfigMap or Secret; the kubelet retries by itself.', 'If a rollout brought it, `kubectl rollout undo deployment/<name>`.'],
          escalation,
          query: promql`${containerWaitingReason} > 0`,
          panel: { dashboard: 'kubernetes', panel: 'Containers waiting, by reason' },
        },
        tests: [
          fires(`ImagePullBackOff for ${t.containerWaitingMinutes + 5} minutes`, {
            at: wait.firingAt,
            series: [waiting('ImagePullBackOff', `1x${wait.samples}`)],
            alerts: [
              {
                labels: { ...chat, reason: 'ImagePullBackOff' },
                summary: 'Container chat-service of chat/chat-service-7d9f8-x2k4q cannot start (ImagePullBackOff)',
                description: `Container chat-service of chat/chat-service-7d9f8-x2k4q has been waiting in ImagePullBackOff for ${t.containerWaitingMinutes} minutes.`,
              },
            ],
          }),
          silent('ContainerCreating: a slow start is not stuck', { at: wait.firingAt, series: [waiting('ContainerCreating', `1x${wait.samples}`)] }),
          silent('CrashLoopBackOff is PodCrashLooping', { at: wait.firingAt, series: [crashLooping(`1x${wait.samples}`)] }),
          pending(`waiting for less than ${t.containerWaitingMinutes} minutes`, { at: wait.pendingAt, series: [waiting('ImagePullBackOff', `1x${wait.samples}`)] }),
        ],
      }),
      alert({
        name: 'PodNotReady',
        severity: 'warning',
        expr: promql`${podStatusReady}{condition="true"} == 0 unless on (namespace, pod) (${podStatusPhase}{phase="Succeeded"} == 1)`,
        for: notReady.for,
        scenario: {
          target: KUBE_STATE_METRICS,
          series: (isReady, s) => [input(podStatusReady, { ...pod, ...s.target, condition: 'true' }, s.gauge(isReady)), input(podStatusPhase, { ...pod, ...s.target, phase: 'Running' }, s.gauge(1))],
        },
        blindSpot: 'A deleted pod leaves no series and needs none; kube-state-metrics gone is TargetDown, too few pods DeploymentReplicasUnavailable.',
        summary: 'Pod {{ $labels.namespace }}/{{ $labels.pod }} is not ready',
        description: `Pod {{ $labels.namespace }}/{{ $labels.pod }} has not been ready for ${t.podNotReadyMinutes} minutes: its Service sends it no traffic.`,
        runbook: {
          meaning: 'A pod that runs but fails its readiness probe gets no traffic: the other replicas carry its share, and one more failure leaves the deployment short.',
          causes: ['A dependency its readiness probe checks is down.', 'The pod cannot be scheduled (Pending: resources, node selectors, volumes).', 'A probe too strict for the load.'],
          checks: ['kubectl describe pod: readiness probe failures and events.', 'kubectl get pod -o wide: phase and node.'],
          fix: ['Fix the dependency the probe reports; delete the pod if it is wedged (its ReplicaSet replaces it).', 'If it is Pending, free or add capacity, or fix the node selector or volume claim.'],
          escalation,
          query: promql`${podStatusReady}{condition="true"} == 0`,
          panel: { dashboard: 'kubernetes', panel: 'Deployment replicas' },
        },
        tests: [
          fires(`not ready for ${t.podNotReadyMinutes + 5} minutes`, {
            at: notReady.firingAt,
            series: ready(0, 'Running'),
            alerts: [
              {
                labels: { ...KUBE_STATE_METRICS, ...pod, condition: 'true' },
                summary: 'Pod chat/chat-service-7d9f8-x2k4q is not ready',
                description: `Pod chat/chat-service-7d9f8-x2k4q has not been ready for ${t.podNotReadyMinutes} minutes: its Service sends it no traffic.`,
              },
            ],
          }),
          silent('ready', { at: notReady.firingAt, series: ready(1, 'Running') }),
          silent('a finished pod (a Job) is never ready, and need not be', { at: notReady.firingAt, series: ready(0, 'Succeeded') }),
          pending(`not ready for less than ${t.podNotReadyMinutes} minutes`, { at: notReady.pendingAt, series: ready(0, 'Running') }),
        ],
      }),
      alert({
        name: 'DeploymentReplicasUnavailable',
        severity: 'warning',
        // Only when the rollout does not move: a rolling update is short of replicas on purpose.
        expr: promql`(${deploymentSpecReplicas} > ${deploymentAvailableReplicas}) and changes(${deploymentUpdatedReplicas}[10m]) == 0`,
        for: short.for,
        noScenario: 'It compares two series (desired above available) while a third stands still: the hand-written tests cover one short, all available, and one short during a rollout that moves.',
        blindSpot: 'A deleted deployment has no replicas to miss; kube-state-metrics gone is TargetDown.',
        summary: 'Deployment {{ $labels.namespace }}/{{ $labels.deployment }} is missing replicas',
        description: `Deployment {{ $labels.namespace }}/{{ $labels.deployment }} wants {{ $value }} replicas and has had fewer available for ${t.replicasUnavailableMinutes} minutes.`,
        runbook: {
          meaning: 'Fewer pods serve than the deployment asks for, and no rollout is under way: less capacity, and no margin for the next failure.',
          causes: ['Pods that cannot be scheduled (resources, node selectors).', 'Pods failing readiness (PodNotReady), crash-looping or waiting for their image.'],
          checks: ['kubectl rollout status and get pods for the deployment.', 'PodCrashLooping, ContainerWaiting and PodNotReady alerts in the namespace.'],
          fix: ['Fix what keeps its pods from running (see those alerts); add node capacity if they are Pending.'],
          escalation,
          query: promql`${deploymentSpecReplicas} - ${deploymentAvailableReplicas}`,
          panel: { dashboard: 'kubernetes', panel: 'Deployment replicas' },
        },
        tests: [
          fires('one of three replicas unavailable, no rollout', {
            at: short.firingAt,
            series: replicas(3, 2),
            alerts: [
              {
                labels: { ...deployment },
                summary: 'Deployment chat/chat-service is missing replicas',
                description: `Deployment chat/chat-service wants 3 replicas and has had fewer available for ${t.replicasUnavailableMinutes} minutes.`,
              },
            ],
          }),
          silent('all three replicas available', { at: short.firingAt, series: replicas(3, 3) }),
          silent('one short during a rollout that moves', { at: short.firingAt, series: replicas(3, 2, `0+1x${replicaSamples}`) }),
          pending(`missing a replica for less than ${t.replicasUnavailableMinutes} minutes`, { at: short.pendingAt, series: replicas(3, 2) }),
        ],
      }),
      alert({
        name: 'DeploymentUnavailable',
        severity: 'critical',
        impact: 'No pod of the deployment serves: every request to it fails.',
        supersedes: ['DeploymentReplicasUnavailable'],
        expr: promql`${deploymentAvailableReplicas} == 0 and ${deploymentSpecReplicas} > 0`,
        for: none.for,
        scenario: {
          target: KUBE_STATE_METRICS,
          series: (available, s) => [input(deploymentAvailableReplicas, { ...deployment, ...s.target }, s.gauge(available)), input(deploymentSpecReplicas, { ...deployment, ...s.target }, s.gauge(3))],
        },
        blindSpot: "A deleted deployment serves nobody on purpose; kube-state-metrics gone is TargetDown, and the users' symptoms page through the SLO burn-rate alerts.",
        summary: 'Deployment {{ $labels.namespace }}/{{ $labels.deployment }} has no available replica',
        description: `No replica of {{ $labels.namespace }}/{{ $labels.deployment }} has been available for ${t.deploymentUnavailableMinutes} minutes: nothing serves its requests.`,
        runbook: {
          meaning: 'Every replica of the deployment is down or unready: the service it provides is down for its users.',
          causes: ['A release whose pods all fail (crash, image, configuration).', 'A dependency every pod needs to be ready is down.', 'All its nodes gone.'],
          checks: ['`kubectl get pods -l <selector>`, and describe one.', 'kubectl rollout history: did a release just go out?'],
          fix: ['If a release caused it: `kubectl rollout undo deployment/<name>`.', 'Otherwise restore the dependency or the nodes; then watch kubectl rollout status.'],
          escalation,
          // Every deployment that wants replicas with how many it has: the ones at 0 stand out, and the query answers when all is well.
          query: promql`${deploymentAvailableReplicas} and ${deploymentSpecReplicas} > 0`,
          panel: { dashboard: 'kubernetes', panel: 'Deployment replicas' },
        },
        tests: [
          fires('none of three replicas available', {
            at: none.firingAt,
            series: replicas(3, 0),
            alerts: [
              {
                labels: { ...deployment },
                summary: 'Deployment chat/chat-service has no available replica',
                description: `No replica of chat/chat-service has been available for ${t.deploymentUnavailableMinutes} minutes: nothing serves its requests.`,
              },
            ],
          }),
          silent('one of three available', { at: none.firingAt, series: replicas(3, 1) }),
          silent('scaled to zero on purpose', { at: none.firingAt, series: replicas(0, 0) }),
          pending(`unavailable for less than ${t.deploymentUnavailableMinutes} minutes`, { at: none.pendingAt, series: replicas(3, 0) }),
        ],
      }),
      alert({
        name: 'DeploymentRolloutStuck',
        severity: 'warning',
        expr: promql`${deploymentCondition}{condition="Progressing", status="false"} == 1`,
        for: stuck.for,
        scenario: { target: KUBE_STATE_METRICS, series: (isStuck, s) => [progressingAt(s.target, s.gauge(isStuck))] },
        summary: 'Rollout of {{ $labels.namespace }}/{{ $labels.deployment }} is stuck',
        description: 'The rollout of {{ $labels.namespace }}/{{ $labels.deployment }} exceeded its progress deadline: the new version is not replacing the old.',
        runbook: {
          meaning: 'The deployment controller gave up waiting for the new pods (progressDeadlineSeconds): the release is half done, old and new pods serve side by side.',
          causes: ['New pods crash-loop, wait for their image, or never become ready.', 'Not enough capacity for the surge pods.'],
          checks: ['`kubectl rollout status deployment/<name>`; `kubectl describe deployment` for the condition message.', "The new ReplicaSet's pods."],
          fix: ['`kubectl rollout undo deployment/<name>` to go back; fix the release and deploy again.'],
          escalation,
          query: promql`${deploymentCondition}{condition="Progressing"}`,
          panel: { dashboard: 'kubernetes', panel: 'Deployment replicas' },
        },
        tests: [
          fires('past its progress deadline', {
            at: stuck.firingAt,
            series: [progressing(`1x${stuck.samples}`)],
            alerts: [
              {
                labels: { ...deployment, condition: 'Progressing', status: 'false' },
                summary: 'Rollout of chat/chat-service is stuck',
                description: 'The rollout of chat/chat-service exceeded its progress deadline: the new version is not replacing the old.',
              },
            ],
          }),
          silent('progressing', { at: stuck.firingAt, series: [progressing(`0x${stuck.samples}`)] }),
          pending(`stuck for less than ${t.rolloutStuckMinutes} minutes`, { at: stuck.pendingAt, series: [progressing(`1x${stuck.samples}`)] }),
        ],
      }),
      alert({
        name: 'ContainerMemoryNearLimit',
        severity: 'warning',
        // A container without a limit has limit 0 (and ws / 0 = +Inf): unless leaves it out.
        expr: promql`${memoryWorkingSet}{${WORKLOADS}} / ${memoryLimit}{${WORKLOADS}} > ${t.containerMemoryLimitRatio} unless ${memoryLimit}{${WORKLOADS}} == 0`,
        for: '15m',
        scenario: {
          target: KUBELET,
          series: (used, s) => [input(memoryWorkingSet, { ...cgroup, ...s.target }, s.gauge(used * 512 * MiB)), input(memoryLimit, { ...cgroup, ...s.target }, s.gauge(512 * MiB))],
        },
        summary: 'Container {{ $labels.container }} of {{ $labels.namespace }}/{{ $labels.pod }} is near its memory limit',
        description: 'Container {{ $labels.container }} of {{ $labels.namespace }}/{{ $labels.pod }} uses {{ $value | humanizePercentage }} of its memory limit.',
        runbook: {
          meaning: 'At the limit the kernel OOM-kills the container, and it restarts.',
          causes: ['A memory leak or a cache without a bound.', 'A limit set below what the workload needs at peak.'],
          checks: ['Kubernetes pods dashboard: memory of the pod over the last days.', 'kubectl describe pod: a last state OOMKilled.'],
          fix: ['If the working set grows without bound (a leak), restart the pod to buy time and open a bug with a heap profile.', 'If the workload needs it at peak, raise the limit (and the request) in the deployment.'],
          escalation,
          query: promql`topk(5, ${memoryWorkingSet}{${WORKLOADS}} / ${memoryLimit}{${WORKLOADS}} unless ${memoryLimit}{${WORKLOADS}} == 0)`,
          panel: { dashboard: 'kubernetes', panel: 'Memory used of the limit' },
        },
        tests: [
          fires(`${nearLimitMiB} MiB of a 512 MiB limit`, {
            at: '20m',
            series: memory(nearLimitMiB, 512),
            alerts: [
              {
                labels: cgroup,
                summary: 'Container chat-service of chat/chat-service-7d9f8-x2k4q is near its memory limit',
                description: `Container chat-service of chat/chat-service-7d9f8-x2k4q uses ${humanizePercentage(nearLimitMiB / 512)} of its memory limit.`,
              },
            ],
          }),
          silent(`${farBelowMiB} MiB of a 512 MiB limit`, { at: '20m', series: memory(farBelowMiB, 512) }),
          pending('near the limit for less than 15 minutes', { at: '10m', series: memory(nearLimitMiB, 512) }),
        ],
      }),
    ],
  });
  return { rules, podCpu, podMemory };
}
