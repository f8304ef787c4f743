/**
 * Scrape jobs: one file per job in scrape/. Targets are given per environment (compose service
 * names, plain hosts, and the named environments the config declares, such as staging and
 * production) and discovered in Kubernetes; sample and label limits come from the
 * catalogue's series budget of the domains a job exposes, or, for a program the catalogue only
 * partly describes, a stated limit.
 */
import type { DomainDef } from './domain.ts';

/** Environments with static targets: compose service names and plain hosts. */
export const ENVIRONMENTS = ['compose', 'hosts'] as const;
export type Environment = (typeof ENVIRONMENTS)[number];
/** Where a job can run: the static environments, and Kubernetes (targets discovered). */
export const DEPLOYMENTS = [...ENVIRONMENTS, 'kubernetes'] as const;
export type Deployment = (typeof DEPLOYMENTS)[number];
/**
 * A static environment by name: compose, hosts, or one the config's `environments` declares. A job
 * runs in a declared environment when it lists targets there.
 */
export type EnvironmentName = Environment | (string & {});
/** A deployment, or a declared environment. */
export type DeploymentName = Deployment | (string & {});

export interface KubernetesScrapeDef {
  /**
   * pod (default): pods carrying podLabels in the namespaces, on their metrics port.
   * node: every node's kubelet, over HTTPS with Prometheus's service account (cAdvisor, kubelet metrics).
   */
  readonly role?: 'pod' | 'node';
  readonly podLabels?: Readonly<Record<string, string>>;
  readonly port?: number;
  /**
   * The container port's name, for the operator's PodMonitor to select it by; without it, the port
   * is selected by number (the plain configuration always is), which fits charts that leave it unnamed.
   */
  readonly portName?: string;
  /** Namespaces to find the pods in; default: the config's kubernetes.appNamespaces and namespace. */
  readonly namespaces?: readonly string[];
  /**
   * For exporters that report on every workload of the cluster (kube-state-metrics, cAdvisor): keep
   * only the series whose namespace label is one of this system's namespaces (true: the config's
   * kubernetes.appNamespaces), or of the namespaces listed.
   */
  readonly onlyAppNamespaces?: boolean | readonly string[];
}

export interface ScrapeJobDef {
  readonly kind: 'scrape';
  /** The `job` label: snake-case or kebab-case. */
  readonly name: string;
  /** Where the job runs; default everywhere. A Kubernetes-only job (kube-state-metrics) needs no targets. */
  readonly runsIn: readonly Deployment[];
  /**
   * Why the job is absent from a deployment runsIn leaves out, where rules or panels still read what
   * it exposes: the program does not run there (kube-state-metrics outside Kubernetes), or another
   * Prometheus scrapes it. Check `scrape-coverage` asks for it.
   */
  readonly notIn: Readonly<Partial<Record<DeploymentName, string>>>;
  /** host:port targets by environment: compose, hosts, and any the config's environments declares. */
  readonly targets: Readonly<Partial<Record<EnvironmentName, readonly string[]>>>;
  readonly metricsPath: string;
  /** Overrides the global scrape interval and timeout. */
  readonly interval: string | undefined;
  readonly timeout: string | undefined;
  /** Catalogue domains the job exposes in full: its limits are derived from them. */
  readonly exposes: readonly DomainDef[];
  /** For jobs the catalogue does not fully describe: an explicit sample limit and why. */
  readonly sampleLimit: { readonly samples: number; readonly reason: string } | undefined;
  /**
   * Keep only the metrics the exposed domains catalogue, dropping the rest at scrape time: for
   * exporters the catalogue describes in part, so the limits derived from it hold.
   */
  readonly keepOnlyCatalogued: boolean;
  /** Keep the exporter's own job/instance/namespace/pod labels where they clash with the target's (kube-state-metrics). */
  readonly honorLabels: boolean;
  /**
   * The job scrapes the Alertmanager Prometheus sends its alerts to: its targets are that address in
   * each environment (and its port the generated Kubernetes Alertmanager's), written nowhere else.
   */
  readonly receivesAlerts: boolean;
  /** How the job's targets are found in Kubernetes; defaults: pods labelled app=<name>, container port named metrics. */
  readonly kubernetes: KubernetesScrapeDef | undefined;
}

/** The keys each part of a scrape job is read from; the compiler keeps the lists complete (targets and notIn name environments: buildScrapeJobs() knows the config's). */
export const SCRAPE_JOB_KEYS = {
  job: Object.keys({
    kind: true, name: true, runsIn: true, notIn: true, targets: true, metricsPath: true, interval: true, timeout: true, exposes: true, sampleLimit: true, keepOnlyCatalogued: true, honorLabels: true, receivesAlerts: true, kubernetes: true,
  } satisfies Record<keyof ScrapeJobDef, true>),
  kubernetes: Object.keys({ role: true, podLabels: true, port: true, portName: true, namespaces: true, onlyAppNamespaces: true } satisfies Record<keyof KubernetesScrapeDef, true>),
  sampleLimit: Object.keys({ samples: true, reason: true } satisfies Record<keyof NonNullable<ScrapeJobDef['sampleLimit']>, true>),
} as const;

type Defaulted = 'kind' | 'runsIn' | 'notIn' | 'targets' | 'metricsPath' | 'interval' | 'timeout' | 'exposes' | 'sampleLimit' | 'keepOnlyCatalogued' | 'honorLabels' | 'receivesAlerts' | 'kubernetes';

export function defineScrapeJob(job: Omit<ScrapeJobDef, Defaulted> & Partial<Omit<ScrapeJobDef, 'kind'>>): ScrapeJobDef {
  return Object.freeze({
    kind: 'scrape' as const,
    runsIn: DEPLOYMENTS,
    notIn: {},
    targets: {},
    metricsPath: '/metrics',
    interval: undefined,
    timeout: undefined,
    exposes: [],
    sampleLimit: undefined,
    keepOnlyCatalogued: false,
    honorLabels: false,
    receivesAlerts: false,
    kubernetes: undefined,
    ...job,
  });
}
