/**
 * The plain manifests' own Prometheus and Alertmanager, deployed as plain Deployments: one replica
 * each, labelled so the generated scrape jobs find them, locked down (non-root, read-only root file
 * system, no capabilities), with readiness and liveness probes. A hash of the configuration in the
 * pod template makes `kubectl apply` roll the pod when a regenerated rule or config changes.
 */
import { createHash } from 'node:crypto';
import type { Model } from '../../model/types.ts';
import type { KubernetesObject } from './objects.ts';

/** The prom/* images run as nobody. */
const NOBODY = 65534;
const CONTAINER_SECURITY = { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } };
export const CONFIG_HASH_ANNOTATION = 'checksum/config';

interface Server {
  readonly name: 'prometheus' | 'alertmanager';
  readonly image: string;
  readonly port: number;
  readonly args: readonly string[];
  readonly volumes: readonly { readonly name: string; readonly mountPath: string; readonly source: Record<string, unknown> }[];
  /** What the server reads at start: its hash in the pod template rolls the pod when it changes. */
  readonly configuration: string;
  readonly resources: Record<string, unknown>;
  readonly serviceAccountName?: string;
}

/** The pod labels the server's own scrape job selects (app=<name> unless the job says otherwise). */
function podLabelsOf(model: Model, name: string): Record<string, string> {
  return { ...(model.scrapeJobs.find((job) => job.name === name)?.kubernetes.podLabels ?? { app: name }) };
}

/** The name of the server's container port: its job's, or `metrics` (`http` for a server no job scrapes). */
function portNameOf(model: Model, name: string): string {
  const job = model.scrapeJobs.find((each) => each.name === name);
  return job ? (job.kubernetes.portName ?? 'metrics') : 'http';
}

export function serverObjects(model: Model, server: Server, labels: Record<string, string>): KubernetesObject[] {
  const { namespace } = model.config.kubernetes;
  const podLabels = podLabelsOf(model, server.name);
  const portName = portNameOf(model, server.name);
  const hash = createHash('sha256').update(server.configuration).digest('hex').slice(0, 16);
  const probe = (path: string) => ({ httpGet: { path, port: portName }, periodSeconds: 10, timeoutSeconds: 5 });
  return [
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: server.name, namespace, labels: { ...labels, ...podLabels } },
      spec: {
        replicas: 1,
        // One volume, one writer: the old pod stops before the new one starts.
        strategy: { type: 'Recreate' },
        selector: { matchLabels: podLabels },
        template: {
          metadata: { labels: { ...labels, ...podLabels }, annotations: { [CONFIG_HASH_ANNOTATION]: hash } },
          spec: {
            ...(server.serviceAccountName ? { serviceAccountName: server.serviceAccountName } : { automountServiceAccountToken: false }),
            securityContext: { runAsNonRoot: true, runAsUser: NOBODY, runAsGroup: NOBODY, fsGroup: NOBODY },
            containers: [
              {
                name: server.name,
                image: server.image,
                args: [...server.args],
                ports: [{ name: portName, containerPort: server.port }],
                readinessProbe: probe('/-/ready'),
                livenessProbe: { ...probe('/-/healthy'), failureThreshold: 6 },
                resources: server.resources,
                securityContext: CONTAINER_SECURITY,
                volumeMounts: server.volumes.map(({ name, mountPath }) => ({ name, mountPath })),
              },
            ],
            volumes: server.volumes.map(({ name, source }) => ({ name, ...source })),
          },
        },
      },
    },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: server.name, namespace, labels: { ...labels, ...podLabels } },
      spec: { selector: podLabels, ports: [{ name: portName, port: server.port, targetPort: portName }] },
    },
  ];
}
