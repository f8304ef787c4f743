import type { Problem } from '../../problems.ts';
import type { Check } from '../check.ts';
import { CONFIG_FILE } from '../../model/load.ts';
import { durationSeconds } from '../../promql/duration.ts';
import { urlProblem } from './config.ts';

/** RFC 1123 labels: namespaces and object names. */
export const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const LABEL_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const PREFIX = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const PINNED_IMAGE = /^[a-z0-9][a-z0-9._\/:-]*(:[\w][\w.-]{0,127}|@sha256:[0-9a-f]{64})$/;
const QUANTITY = /^\d+(\.\d+)?(Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E)?$/;

export function labelKeyProblem(key: string): string | undefined {
  const slash = key.lastIndexOf('/');
  const [prefix, name] = slash === -1 ? [undefined, key] : [key.slice(0, slash), key.slice(slash + 1)];
  if (prefix !== undefined && (prefix.length > 253 || !PREFIX.test(prefix))) return `'${key}' has a prefix that is not a DNS subdomain`;
  if (name.length > 63 || !LABEL_NAME.test(name)) return `'${key}' is not a Kubernetes label key (alphanumerics, -, _ and ., at most 63)`;
  return undefined;
}

export function namespaceProblem(namespace: unknown): string | undefined {
  return typeof namespace === 'string' && namespace.length <= 63 && DNS_LABEL.test(namespace)
    ? undefined
    : `'${String(namespace)}' is not a valid namespace (lowercase letters, digits and -, at most 63)`;
}

export function labelValueProblem(value: string): string | undefined {
  return value === '' || (value.length <= 63 && LABEL_NAME.test(value)) ? undefined : `'${value}' is not a Kubernetes label value`;
}

export const kubernetesConfigCheck: Check = {
  id: 'kubernetes-config',
  summary:
    'Namespaces are DNS-1123 labels, selector labels are valid Kubernetes label keys and values, images have pinned tags, retention and storage parse, and a remote-write target is an http(s) URL with a token file path.',
  fix: 'Write Kubernetes names in lowercase letters, digits and -, pin every image to a version tag (prom/prometheus:v2.53.0, not :latest), and give remote write a full http(s) URL.',
  run({ config, scrapeJobs }) {
    const problems: Problem[] = [];
    const report = (definition: string, message: string) => problems.push({ file: CONFIG_FILE, definition, check: this.id, message });
    const { kubernetes, prometheus } = config;
    // A single string where a list goes would be read letter by letter.
    for (const name of ['appNamespaces', 'operatorProvidedJobs'] as const) {
      if (!Array.isArray(kubernetes[name])) report(`kubernetes.${name}`, `must be a list, such as ['${String(kubernetes[name])}'], not ${JSON.stringify(kubernetes[name])}`);
    }
    const appNamespaces = Array.isArray(kubernetes.appNamespaces) ? kubernetes.appNamespaces : [];
    for (const [where, namespace] of [['kubernetes.namespace', kubernetes.namespace], ...appNamespaces.map((n, i) => [`kubernetes.appNamespaces[${i}]`, n])] as const) {
      const problem = namespaceProblem(namespace);
      if (problem) report(where, problem);
    }
    for (const [where, labels] of [['kubernetes.ruleLabels', kubernetes.ruleLabels], ['kubernetes.monitorLabels', kubernetes.monitorLabels]] as const) {
      for (const [key, value] of Object.entries(labels)) {
        const problem = labelKeyProblem(key) ?? labelValueProblem(String(value));
        if (problem) report(where, problem);
      }
    }
    const annotation = labelKeyProblem(kubernetes.dashboardFolderAnnotation);
    if (annotation) report('kubernetes.dashboardFolderAnnotation', annotation);
    if (!DNS_LABEL.test(kubernetes.alertmanagerName)) report('kubernetes.alertmanagerName', `'${kubernetes.alertmanagerName}' is not a DNS-1123 name`);
    for (const [server, image] of Object.entries(kubernetes.images)) {
      // A moving tag (latest, or none) makes the manifests mean something else tomorrow.
      if (!PINNED_IMAGE.test(image) || image.endsWith(':latest')) report(`kubernetes.images.${server}`, `'${image}' is not an image with a pinned tag (name:tag or name@sha256:…)`);
    }
    // Zero would keep no data, or give Prometheus a volume it cannot write to.
    if (!(durationSeconds(String(kubernetes.retention)) ?? 0)) report('kubernetes.retention', `'${kubernetes.retention}' is not a Prometheus duration longer than 0 (15d)`);
    if (!QUANTITY.test(String(kubernetes.storage)) || !(parseFloat(String(kubernetes.storage)) > 0)) report('kubernetes.storage', `'${kubernetes.storage}' is not a Kubernetes quantity larger than 0 (10Gi)`);
    if (!DNS_LABEL.test(kubernetes.remoteWriteSecret)) report('kubernetes.remoteWriteSecret', `'${kubernetes.remoteWriteSecret}' is not a DNS-1123 name`);
    // A misspelt job would quietly be scraped twice.
    for (const job of Array.isArray(kubernetes.operatorProvidedJobs) ? kubernetes.operatorProvidedJobs : []) {
      if (!scrapeJobs.some((defined) => defined.name === job)) report('kubernetes.operatorProvidedJobs', `'${job}' is not a scrape job in scrape/`);
    }
    const remote = prometheus.remoteWrite;
    if (remote) {
      const url = urlProblem(remote.url, 'nothing');
      if (url) report('prometheus.remoteWrite.url', url);
      if (remote.bearerTokenFile !== undefined && !remote.bearerTokenFile.startsWith('/')) {
        report('prometheus.remoteWrite.bearerTokenFile', 'must be an absolute path to a file holding the token');
      }
      for (const [name, value] of Object.entries(remote.queue ?? {})) {
        if (!Number.isInteger(value) || (value as number) < 1) report(`prometheus.remoteWrite.queue.${name}`, `must be a positive integer, got ${String(value)}`);
      }
    }
    return problems;
  },
};
