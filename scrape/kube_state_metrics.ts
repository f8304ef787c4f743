import { defineScrapeJob } from 'sextant';
import kubeStateMetrics from '../catalog/kube_state_metrics.ts';

export default defineScrapeJob({
  name: 'kube-state-metrics',
  // It describes the cluster's objects: there is one only in Kubernetes.
  runsIn: ['kubernetes'],
  notIn: { compose: 'kube-state-metrics describes Kubernetes objects: there are none in the compose stack', hosts: 'kube-state-metrics describes Kubernetes objects: there are none on plain hosts' },
  exposes: [kubeStateMetrics],
  // It reports on every object of the cluster; keeping what the catalogue describes, for this
  // system's namespaces, makes the derived limits hold however large the cluster is.
  keepOnlyCatalogued: true,
  // Its series carry the namespace and pod they describe: those win over the exporter pod's own.
  honorLabels: true,
  // As the kube-state-metrics Helm chart deploys it.
  kubernetes: {
    podLabels: { 'app.kubernetes.io/name': 'kube-state-metrics' },
    namespaces: ['kube-system'],
    port: 8080,
    portName: 'http',
    onlyAppNamespaces: true,
  },
});
