import { FOLDERS } from './dsl/dashboards.ts';
import type { PackDef } from './dsl/packs.ts';

/**
 * The one config object. Definitions and stages read every tunable from here, never from constants
 * of their own, so users override behaviour in `sextant.config.ts` without touching the engine.
 */

/** Alert thresholds by name; the alert definitions read them, so overriding one here changes the alert and its docs. */
export type Thresholds = Readonly<Record<string, number>>;

export interface SextantConfig<T extends Thresholds = Thresholds> {
  /** Prefix of every application metric and recording rule: `<namespace>_http_requests_total`. */
  readonly namespace: string;
  readonly limits: {
    /** Worst-case series one metric may create (label value product, times buckets). */
    readonly seriesPerMetric: number;
    /** Worst-case series of the whole catalogue. */
    readonly seriesTotal: number;
    /** Largest bound a `bounded()` label may declare. */
    readonly maxLabelBound: number;
  };
  readonly prometheus: {
    /** Scrape interval of the generated configs; range windows must cover four of them. */
    readonly scrapeInterval: string;
    readonly evaluationInterval: string;
    /** Ship samples to a distributed store (Mimir, Thanos receive, VictoriaMetrics); off when undefined. */
    readonly remoteWrite: RemoteWrite | undefined;
  };
  readonly alerts: {
    /** Where generated/docs/alerts.md is served; every runbook_url is this plus `#<alert anchor>`. */
    readonly runbookBaseUrl: string;
    readonly thresholds: T;
  };
  readonly alertmanager: {
    /** Webhooks notified of critical alerts (they page), warnings (they open tickets) and info (a channel read in working hours). */
    readonly pageWebhookUrl: string;
    readonly ticketWebhookUrl: string;
    readonly infoWebhookUrl: string;
    /** Alerts labelled notify="meta" (the alerting pipeline's own failures): another endpoint than page and ticket, whose failure they report. */
    readonly metaWebhookUrl: string;
    /** The dead man's switch outside this system that heartbeat alerts (the Watchdog) reach every minute; it alarms when they stop. */
    readonly deadMansSwitchUrl: string;
  };
  readonly kubernetes: {
    /** Namespace of the monitoring objects (rules, monitors, dashboards, Prometheus itself). */
    readonly namespace: string;
    /** The declared environment the cluster is (its thresholds in the rules of both outputs); the defaults when undefined. */
    readonly environment: string | undefined;
    /** Namespaces whose pods are scraped. */
    readonly appNamespaces: readonly string[];
    /** Labels prometheus-operator's ruleSelector matches (kube-prometheus-stack: release=<release>). */
    readonly ruleLabels: Readonly<Record<string, string>>;
    /** Labels its podMonitorSelector matches. */
    readonly monitorLabels: Readonly<Record<string, string>>;
    /** Annotation the Grafana sidecar reads a dashboard's folder from. */
    readonly dashboardFolderAnnotation: string;
    /** Name of the Alertmanager the Secret configures (the operator reads alertmanager-<name>). */
    readonly alertmanagerName: string;
    /** Images of the plain manifests' Prometheus and Alertmanager (the compose stack's, by default). */
    readonly images: { readonly prometheus: string; readonly alertmanager: string };
    /** How long the plain manifests' Prometheus keeps samples, and the volume it keeps them on. */
    readonly retention: string;
    readonly storage: string;
    /** Skip verifying kubelet serving certificates (clusters whose kubelets use self-signed ones). */
    readonly kubeletInsecureSkipVerify: boolean;
    /** The Secret, made by you, holding the remote-write token under the key `token`. */
    readonly remoteWriteSecret: string;
    /**
     * Scrape jobs the operator installation already scrapes (kube-prometheus-stack monitors
     * kube-state-metrics and the kubelets), left out of the operator output so nothing is scraped twice.
     */
    readonly operatorProvidedJobs: readonly string[];
  };
  readonly grafana: {
    /** Where Grafana reaches Prometheus and Alertmanager (compose service names by default). */
    readonly prometheusUrl: string;
    readonly alertmanagerUrl: string;
    /** Where the generated dashboards are mounted in the Grafana container. */
    readonly dashboardsPath: string;
    /** The Grafana folders dashboards go in (a dashboard's `folder` names one); each gets its directory and provisioning provider. */
    readonly folders: readonly string[];
  };
  /**
   * Names of the switches that make the monitored system misbehave on purpose (the live tests turn
   * them on); a panel that is quiet when healthy names the one it shows data under (shownUnder).
   */
  readonly faultSwitches: readonly string[];
  /**
   * Named environments with static targets (scrape jobs list theirs under `targets.<name>`): each
   * gets its own Prometheus configuration, `prometheus/prometheus.<name>.yml`.
   */
  readonly environments: Readonly<Record<string, EnvironmentConfig<T>>>;
  /** Ready monitoring for the programs the system runs (`sextant/packs/<name>`), each configured where it is listed. */
  readonly packs: readonly PackDef[];
}

/** A named set of targets beside compose, hosts and Kubernetes: staging, production… */
export interface EnvironmentConfig<T extends Thresholds = Thresholds> {
  /**
   * Thresholds by their name in alerts.thresholds. The rule files are evaluated again with them, and
   * the environment's Prometheus loads its own copy of each rule file they change.
   */
  readonly thresholds?: Readonly<Partial<Record<keyof T & string, number>>>;
  /**
   * Packs of `packs` listed again with this environment's thresholds and escalation (no other
   * option): each replaces the pack of the same name in the environment's rules, made from the
   * config's options with these over them. Its jobs, dashboards and domains stay the config's.
   */
  readonly packs?: readonly PackDef[];
  /** host:port of the environment's Alertmanager, when no scrape job with receivesAlerts has a target there. */
  readonly alertmanager?: string;
}

export interface RemoteWrite {
  readonly url: string;
  /** A file holding the bearer token (a mounted Secret in Kubernetes): never the token itself. */
  readonly bearerTokenFile?: string;
  readonly queue?: { readonly capacity?: number; readonly maxShards?: number; readonly maxSamplesPerSend?: number };
}

export interface SextantConfigInput<T extends Thresholds = Thresholds> {
  namespace?: string;
  limits?: Partial<SextantConfig['limits']>;
  prometheus?: Partial<SextantConfig['prometheus']>;
  kubernetes?: Partial<Omit<SextantConfig['kubernetes'], 'images'>> & { images?: Partial<SextantConfig['kubernetes']['images']> };
  alerts?: { runbookBaseUrl?: string; thresholds?: T };
  alertmanager?: Partial<SextantConfig['alertmanager']>;
  grafana?: Partial<SextantConfig['grafana']>;
  faultSwitches?: readonly string[];
  environments?: Readonly<Record<string, EnvironmentConfig<T>>>;
  packs?: readonly PackDef[];
}

export const DEFAULT_CONFIG: SextantConfig = {
  namespace: 'app',
  limits: { seriesPerMetric: 2_000, seriesTotal: 50_000, maxLabelBound: 256 },
  prometheus: { scrapeInterval: '15s', evaluationInterval: '15s', remoteWrite: undefined },
  kubernetes: {
    namespace: 'monitoring',
    environment: undefined,
    appNamespaces: ['default'],
    ruleLabels: { release: 'kube-prometheus-stack' },
    monitorLabels: { release: 'kube-prometheus-stack' },
    dashboardFolderAnnotation: 'grafana_folder',
    alertmanagerName: 'main',
    images: { prometheus: 'prom/prometheus:v2.53.4', alertmanager: 'prom/alertmanager:v0.28.1' },
    retention: '15d',
    storage: '10Gi',
    kubeletInsecureSkipVerify: false,
    remoteWriteSecret: 'prometheus-remote-write',
    operatorProvidedJobs: [],
  },
  alerts: { runbookBaseUrl: 'https://example.com/docs/alerts.md', thresholds: {} },
  alertmanager: {
    pageWebhookUrl: 'http://alert-receiver:9095/page',
    ticketWebhookUrl: 'http://alert-receiver:9095/ticket',
    infoWebhookUrl: 'http://alert-receiver:9095/info',
    metaWebhookUrl: 'http://alert-receiver:9095/meta',
    deadMansSwitchUrl: 'http://alert-receiver:9095/deadmansswitch',
  },
  grafana: { prometheusUrl: 'http://prometheus:9090', alertmanagerUrl: 'http://alertmanager:9093', dashboardsPath: '/var/lib/grafana/dashboards', folders: FOLDERS },
  faultSwitches: [],
  environments: {},
  packs: [],
};

/**
 * Fills in defaults; validation of the values happens with the rest of the model. Keys it does not
 * know are kept, not dropped, so the config-keys check can name a typo (`thresholdz`) instead of
 * the setting being silently ignored.
 */
export function defineConfig<const T extends Thresholds = Record<never, number>>(input: SextantConfigInput<T> = {}): SextantConfig<T> {
  return {
    ...input,
    namespace: input.namespace ?? DEFAULT_CONFIG.namespace,
    limits: { ...DEFAULT_CONFIG.limits, ...input.limits },
    prometheus: { ...DEFAULT_CONFIG.prometheus, ...input.prometheus },
    alerts: {
      ...input.alerts,
      runbookBaseUrl: input.alerts?.runbookBaseUrl ?? DEFAULT_CONFIG.alerts.runbookBaseUrl,
      thresholds: (input.alerts?.thresholds ?? {}) as T,
    },
    alertmanager: { ...DEFAULT_CONFIG.alertmanager, ...input.alertmanager },
    kubernetes: { ...DEFAULT_CONFIG.kubernetes, ...input.kubernetes, images: { ...DEFAULT_CONFIG.kubernetes.images, ...input.kubernetes?.images } },
    grafana: { ...DEFAULT_CONFIG.grafana, ...input.grafana },
    faultSwitches: input.faultSwitches ?? DEFAULT_CONFIG.faultSwitches,
    environments: input.environments ?? {},
    packs: input.packs ?? [],
  };
}
