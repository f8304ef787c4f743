import { defineScrapeJob } from 'sextant';
import cadvisor from '../catalog/cadvisor.ts';

export default defineScrapeJob({
  name: 'cadvisor',
  // The cAdvisor inside every kubelet: Kubernetes only, found by node discovery.
  runsIn: ['kubernetes'],
  notIn: { compose: 'cAdvisor is read from the kubelet, and there is no kubelet in the compose stack', hosts: 'cAdvisor is read from the kubelet, and there is no kubelet on plain hosts' },
  metricsPath: '/metrics/cadvisor',
  exposes: [cadvisor],
  // cAdvisor reports every cgroup of the node: keep the catalogued metrics of this system's pods.
  keepOnlyCatalogued: true,
  kubernetes: { role: 'node', onlyAppNamespaces: true },
});
