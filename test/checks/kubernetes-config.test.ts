import { gauge } from '../../generator/index.ts';
import { kubernetesConfigCheck } from '../../generator/validate/checks/kubernetes-config.ts';
import { checkTable } from '../helpers/check-table.ts';

const metrics = { m: gauge({ name: 'g', help: 'h' }) };
const DIGEST = `sha256:${'a'.repeat(64)}`;

checkTable(kubernetesConfigCheck, [
  { name: 'the defaults pass', metrics, expect: [] },
  { name: 'an image pinned by digest passes', metrics, config: { kubernetes: { images: { prometheus: `registry.example.com:5000/prom/prometheus@${DIGEST}` } } }, expect: [] },
  { name: 'an image without a tag is rejected', metrics, config: { kubernetes: { images: { alertmanager: 'prom/alertmanager' } } }, expect: ["kubernetes.images.alertmanager: 'prom/alertmanager' is not an image with a pinned tag"] },
  { name: 'an image tagged latest is rejected', metrics, config: { kubernetes: { images: { prometheus: 'prom/prometheus:latest' } } }, expect: ['is not an image with a pinned tag'] },
  { name: 'a registry port is not a tag', metrics, config: { kubernetes: { images: { prometheus: 'registry:5000/prometheus' } } }, expect: ['is not an image with a pinned tag'] },
  { name: 'a retention that is not a duration is rejected', metrics, config: { kubernetes: { retention: '15 days' } }, expect: ["kubernetes.retention: '15 days' is not a Prometheus duration"] },
  { name: 'a storage size that is not a quantity is rejected', metrics, config: { kubernetes: { storage: '10 GB' } }, expect: ["kubernetes.storage: '10 GB' is not a Kubernetes quantity"] },
  { name: 'a remote-write Secret name with an underscore is rejected', metrics, config: { kubernetes: { remoteWriteSecret: 'remote_write' } }, expect: ["kubernetes.remoteWriteSecret: 'remote_write' is not a DNS-1123 name"] },
  { name: 'an operator-provided job that is not a scrape job is rejected', metrics, config: { kubernetes: { operatorProvidedJobs: ['kube-state-metric'] } }, expect: ["kubernetes.operatorProvidedJobs: 'kube-state-metric' is not a scrape job"] },
  { name: 'a retention of 0d is rejected: it would keep nothing', metrics, config: { kubernetes: { retention: '0d' } }, expect: ["kubernetes.retention: '0d' is not a Prometheus duration longer than 0"] },
  { name: 'a storage size of 0Gi is rejected', metrics, config: { kubernetes: { storage: '0Gi' } }, expect: ["kubernetes.storage: '0Gi' is not a Kubernetes quantity larger than 0"] },
  { name: 'a remote-write URL with a query string passes', metrics, config: { prometheus: { remoteWrite: { url: 'https://mimir.example.com/api/v1/push?tenant=a' } } }, expect: [] },
  { name: 'a remote-write URL with credentials is rejected and pointed at the token file', metrics, config: { prometheus: { remoteWrite: { url: 'https://user:secret@mimir.example.com/api/v1/push' } } }, expect: ["prometheus.remoteWrite.url: 'mimir.example.com/api/v1/push' carries credentials (user:password@)"] },
  { name: 'a remote-write URL with a fragment is rejected', metrics, config: { prometheus: { remoteWrite: { url: 'https://mimir.example.com/push#x' } } }, expect: ['has a fragment'] },
  { name: 'a remote-write queue capacity of 0 is rejected', metrics, config: { prometheus: { remoteWrite: { url: 'https://mimir.example.com/push', queue: { capacity: 0 } } } }, expect: ['prometheus.remoteWrite.queue.capacity: must be a positive integer, got 0'] },
  { name: 'app namespaces given as one string are rejected: they would be read letter by letter', metrics, config: { kubernetes: { appNamespaces: 'shop' as never } }, expect: ["kubernetes.appNamespaces: must be a list, such as ['shop'], not \"shop\""] },
  { name: 'a namespace with capitals is rejected', metrics, config: { kubernetes: { namespace: 'Monitoring' } }, expect: ["kubernetes.namespace: 'Monitoring' is not a valid namespace"] },
]);
