/**
 * `prometheus/prometheus.yml` (compose service names), `prometheus/prometheus.hosts.yml`
 * (127.0.0.1, for plain hosts and the live tests) and `prometheus/prometheus.<name>.yml` for each
 * environment the config declares (its jobs' targets there, labelled environment=<name>): the same
 * rules everywhere, but where an environment's thresholds give it its own copy of a rule file.
 */
import type { Environment, EnvironmentName } from '../dsl/scrape.ts';
import type { Model, ModelScrapeJob } from '../model/types.ts';
import { durationSeconds } from '../promql/duration.ts';
import { environmentRuleFilePaths } from './rules.ts';
import type { GeneratedFile, Stage } from './stage.ts';
import { toYaml } from './yaml.ts';

/** Alertmanager on its default port, for a project without a scrape job that receivesAlerts. */
const DEFAULT_ALERTMANAGER: Record<Environment, string> = { compose: 'alertmanager:9093', hosts: '127.0.0.1:9093' };
export const DEFAULT_ALERTMANAGER_PORT = 9093;

/** The scrape job of the Alertmanager Prometheus sends alerts to (`receivesAlerts`), if the project has one. */
const alertReceiver = (model: Model) => model.scrapeJobs.find((job) => job.receivesAlerts);

/**
 * Where Prometheus sends alerts in an environment: the target of the job that receives them, else
 * a declared environment's `alertmanager` (check scrape-jobs asks for one of them there).
 */
export function alertmanagerTarget(model: Model, environment: EnvironmentName): string | undefined {
  return alertReceiver(model)?.targets[environment]?.[0] ?? declared(model, environment)?.alertmanager ?? (isBuiltIn(environment) ? DEFAULT_ALERTMANAGER[environment] : undefined);
}

/** A declared environment's settings (own keys only: not `constructor` of a plain object). */
const declared = (model: Model, environment: EnvironmentName) =>
  Object.hasOwn(model.config.environments, environment) ? model.config.environments[environment] : undefined;

/** The port Alertmanager listens on in Kubernetes: that job's. */
export function alertmanagerPort(model: Model): number {
  return alertReceiver(model)?.kubernetes.port || DEFAULT_ALERTMANAGER_PORT;
}
const FILES: Record<Environment, string> = { compose: 'prometheus/prometheus.yml', hosts: 'prometheus/prometheus.hosts.yml' };

/** The file of an environment's Prometheus configuration. */
export const prometheusConfigPath = (environment: EnvironmentName): string => (isBuiltIn(environment) ? FILES[environment] : `prometheus/prometheus.${environment}.yml`);

/** compose or hosts (own keys only: a declared `constructor` is not Object's). */
const isBuiltIn = (environment: EnvironmentName): environment is Environment => Object.hasOwn(FILES, environment);

export const prometheusConfigStage: Stage = {
  name: 'prometheus configuration',
  render: (model) =>
    model.scrapeJobs.length === 0
      ? []
      : [...Object.keys(FILES), ...Object.keys(model.config.environments)].map(
          (environment): GeneratedFile => ({ path: prometheusConfigPath(environment), content: toYaml(prometheusConfig(model, environment)) }),
        ),
};

export interface PrometheusConfigOverrides {
  /** host:port of Alertmanager. */
  readonly alertmanager?: string;
  /** Targets by job name; jobs not listed keep the environment's targets. */
  readonly targets?: Readonly<Record<string, readonly string[]>>;
  /** Only these jobs (the native stack has no Grafana). */
  readonly jobs?: readonly string[];
  /** One interval for everything (per-job intervals dropped): the end-to-end stack scrapes every second. */
  readonly interval?: string;
  /** How a job finds its targets, instead of static targets: Kubernetes service discovery. */
  readonly discovery?: (job: ModelScrapeJob) => Record<string, unknown>;
  /** Target labels discovery adds (namespace, pod…), counted into each job's label_limit. */
  readonly extraTargetLabels?: number;
}

export function prometheusConfig(model: Model, environment: EnvironmentName, overrides: PrometheusConfigOverrides = {}) {
  const { prometheus, namespace } = model.config;
  const jobs = model.scrapeJobs.filter((job) => (overrides.jobs ? overrides.jobs.includes(job.name) : job.runsIn.includes(environment)));
  return {
    global: {
      scrape_interval: overrides.interval ?? prometheus.scrapeInterval,
      scrape_timeout: overrides.interval ?? globalScrapeTimeout(prometheus.scrapeInterval),
      evaluation_interval: overrides.interval ?? prometheus.evaluationInterval,
      // A declared environment's series say which one they come from, once shipped to a shared store.
      external_labels: { monitor: namespace, ...(declared(model, environment) ? { environment } : {}) },
    },
    rule_files: environmentRuleFilePaths(model, environment),
    alerting: {
      // Alertmanager groups by service: an alert's own service label, else the job it came from.
      alert_relabel_configs: [{ source_labels: ['service', 'job'], separator: ';', regex: ';(.+)', target_label: 'service', replacement: '$1' }],
      alertmanagers: [{ static_configs: [{ targets: [overrides.alertmanager ?? alertmanagerTarget(model, environment)].filter((target) => target !== undefined) }] }],
    },
    ...remoteWrite(model),
    scrape_configs: jobs.map((job) => scrapeConfig(model, job, environment, overrides)),
  };
}

/** Prometheus's default timeout, 10s, unless the interval is shorter: a timeout over the interval is refused. */
export function globalScrapeTimeout(interval: string): string {
  return (durationSeconds(interval) ?? Infinity) < 10 ? interval : '10s';
}

function scrapeConfig(model: Model, job: ModelScrapeJob, environment: EnvironmentName, overrides: PrometheusConfigOverrides) {
  const discovery = overrides.discovery?.(job) ?? { static_configs: [{ targets: [...(overrides.targets?.[job.name] ?? job.targets[environment] ?? [])] }] };
  const keeps = scrapeKeeps(job, overrides.discovery !== undefined);
  return {
    job_name: job.name,
    ...(job.honorLabels ? { honor_labels: true } : {}),
    ...(job.interval && !overrides.interval ? { scrape_interval: job.interval } : {}),
    ...(job.timeout && !overrides.interval ? { scrape_timeout: job.timeout } : {}),
    metrics_path: job.metricsPath,
    // A scrape over these limits is rejected whole: a cardinality bug costs one target, not Prometheus.
    sample_limit: job.sampleLimit,
    label_limit: job.labelLimit + (overrides.extraTargetLabels ?? 0),
    label_name_length_limit: 128,
    label_value_length_limit: 512,
    ...discovery,
    ...(keeps.length > 0 ? { metric_relabel_configs: keeps.map(({ label, regex }) => ({ source_labels: [label], regex, action: 'keep' })) } : {}),
  };
}

/**
 * What a job keeps at scrape time: only catalogued metrics (keepOnlyCatalogued), and in Kubernetes
 * only the watched namespaces (onlyAppNamespaces). Each renderer spells them its own way.
 */
export function scrapeKeeps(job: ModelScrapeJob, inKubernetes: boolean): { label: string; regex: string }[] {
  return [
    ...(job.keepMetrics ? [{ label: '__name__', regex: job.keepMetrics.join('|') }] : []),
    ...(inKubernetes && job.kubernetes.onlyNamespaces ? [{ label: 'namespace', regex: job.kubernetes.onlyNamespaces.join('|') }] : []),
  ];
}

/** The optional remote_write section, the same in every rendered Prometheus configuration. */
export function remoteWrite(model: Model): { remote_write?: unknown[] } {
  const remote = model.config.prometheus.remoteWrite;
  if (!remote) return {};
  return {
    remote_write: [
      {
        url: remote.url,
        ...(remote.bearerTokenFile ? { authorization: { type: 'Bearer', credentials_file: remote.bearerTokenFile } } : {}),
        ...(remote.queue
          ? {
              queue_config: {
                ...(remote.queue.capacity ? { capacity: remote.queue.capacity } : {}),
                ...(remote.queue.maxShards ? { max_shards: remote.queue.maxShards } : {}),
                ...(remote.queue.maxSamplesPerSend ? { max_samples_per_send: remote.queue.maxSamplesPerSend } : {}),
              },
            }
          : {}),
      },
    ],
  };
}
