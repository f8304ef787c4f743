/** Kubernetes manifests as YAML: names made DNS-1123, several objects per file, one header. */
import yaml from 'js-yaml';
import { YAML_HEADER } from '../yaml.ts';

export interface KubernetesObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: { readonly name: string; readonly namespace?: string; readonly labels?: Record<string, string>; readonly annotations?: Record<string, string> };
  readonly [field: string]: unknown;
}

/** `circuit_breaker` → `circuit-breaker`: object names are DNS-1123 labels. */
export function objectName(...parts: readonly string[]): string {
  return parts
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 63)
    .replace(/-$/, '');
}

export function manifests(objects: readonly KubernetesObject[]): string {
  return YAML_HEADER + objects.map((object) => yaml.dump(object, { lineWidth: -1, noRefs: true, quotingType: '"' })).join('---\n');
}

/** Where Kubernetes mounts a pod's service account token and the cluster CA. */
export const SERVICE_ACCOUNT_DIR = '/var/run/secrets/kubernetes.io/serviceaccount';

/** Labels every generated object carries, so `kubectl get -l` finds them. */
export const commonLabels = (namespace: string) => ({ 'app.kubernetes.io/part-of': namespace, 'app.kubernetes.io/managed-by': 'sextant' });
