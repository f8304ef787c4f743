import { bounded, counter, defineDomain, gauge, upstream } from 'sextant';

/** cAdvisor names every cgroup: id, name and image repeat the container's identity. */
const identity = {
  namespace: bounded(16, 'namespaces this system runs in'),
  pod: bounded(128, 'pods of this system across its namespaces'),
  container: bounded(8, 'containers per pod'),
  id: bounded(256, 'one cgroup path per container', {
    identifier: 'cAdvisor names each container by its cgroup path; one per running container of this system, replaced as containers restart',
  }),
  name: bounded(256, 'one runtime name per container'),
  image: bounded(32, 'images of this system'),
};
const perContainer = bounded(256, 'containers of the pods of this system');

export default defineDomain({
  name: 'cadvisor',
  title: 'Containers (cAdvisor in the kubelet)',
  description:
    "Container resource use, from the cAdvisor built into every kubelet (/metrics/cadvisor). Pod CPU use is " +
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
