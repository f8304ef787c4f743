/**
 * Packs: ready, typed monitoring for one program every stack runs (node_exporter, PostgreSQL…).
 * A pack is data, like every definition: the program's upstream domains, its rule files (alerts
 * with their tests, recording rules), its dashboards and its scrape jobs. A project adds one in
 * one line of `sextant.config.ts` (`packs: [node()]`), and the loader hands the pack's
 * definitions to the builders beside the project's own files, so every check, the promtool tests
 * and every renderer treat them alike. A project's own alerts or panels over a pack's metrics
 * import its domain (`import { domain } from 'sextant/packs/node'`).
 */
import { isDeepStrictEqual } from 'node:util';
import type { Thresholds } from '../config.ts';
import type { DashboardDef, Folder } from './dashboards.ts';
import type { DomainDef } from './domain.ts';
import type { RulesDef } from './rules.ts';
import { unknownKeys } from './unknown-keys.ts';
import { defineScrapeJob, type DeploymentName, type EnvironmentName, type KubernetesScrapeDef, type ScrapeJobDef } from './scrape.ts';

export interface PackDef {
  readonly kind: 'pack';
  /** snake_case; the pack's import path (`sextant/packs/<name>`) and the prefix of its definitions' place in messages. */
  readonly name: string;
  /** The program and the versions whose metrics the pack describes (its domains cite the source). */
  readonly program: string;
  readonly versions: string;
  readonly domains: readonly DomainDef[];
  readonly rules: readonly RulesDef[];
  readonly dashboards: readonly DashboardDef[];
  readonly scrape: readonly ScrapeJobDef[];
  /** Keys of the options the project wrote that the pack does not read (a typo): the loader reports them. */
  readonly unknownKeys: readonly UnknownPackKey[];
  /** The options as the project wrote them (what an environment's copy of the pack starts from). */
  readonly options: Readonly<Record<string, unknown>>;
  /** Its thresholds as its rules read them: the pack's defaults with the project's overrides. */
  readonly thresholds: Readonly<Record<string, number>>;
  /**
   * The pack's own function (`configure: postgres`): the same pack with other options. An environment
   * listing the pack again gets `configure()` of the config's options with its thresholds and
   * escalation over them (`packInEnvironment()`), so nothing else of the pack can differ there.
   */
  configure?(options: PackOptions<Thresholds>): PackDef;
}

export interface UnknownPackKey {
  /** `options` or `thresholds`. */
  readonly place: string;
  readonly key: string;
  readonly known: readonly string[];
}

/**
 * A pack from its parts and the options the project wrote; given the pack's default thresholds,
 * a misspelt option or threshold name is kept as data (a pack is data), for the loader to refuse.
 * `extraOptions`: the options the pack reads beyond PackOptions.
 */
export function definePack<T extends Thresholds>(pack: Omit<PackDef, 'kind' | 'unknownKeys' | 'options' | 'thresholds'>, options: PackOptions<T> = {}, defaults?: T, extraOptions: readonly string[] = []): PackDef {
  const unknown = (place: string, written: unknown, known: readonly string[]) => unknownKeys(written, known).map((key) => ({ place, key, known }));
  const found = [...unknown('options', options, [...PACK_OPTIONS, ...extraOptions]), ...(defaults === undefined ? [] : unknown('thresholds', options.thresholds, Object.keys(defaults)))];
  const thresholds = { ...defaults, ...options.thresholds } as Record<string, number>;
  return Object.freeze({ kind: 'pack' as const, ...pack, unknownKeys: found, options: options as Readonly<Record<string, unknown>>, thresholds });
}

/**
 * What every pack lets a project set. Thresholds default to the pack's own (each pack exports
 * them as DEFAULT_THRESHOLDS, documented one by one); everything else defaults to the program's
 * usual deployment (its job name, default port, the pod labels of its usual chart).
 */
export interface PackOptions<T extends Thresholds> {
  /** The scrape job's name: the `job` label of every series the pack reads. */
  readonly job?: string;
  /** host:port targets per environment (compose, hosts, and the config's named environments), each replacing the pack's default for that environment only. */
  readonly targets?: Readonly<Partial<Record<EnvironmentName, readonly string[]>>>;
  /** Where the job runs (default: compose, hosts and Kubernetes) and, where it does not, why. */
  readonly runsIn?: ScrapeJobDef['runsIn'];
  readonly notIn?: Readonly<Partial<Record<DeploymentName, string>>>;
  /** How Kubernetes finds the program's pods. */
  readonly kubernetes?: KubernetesScrapeDef;
  /** Overrides of the pack's thresholds, by name (any number: the defaults are written `as const`). */
  readonly thresholds?: Readonly<Partial<Record<keyof T, number>>>;
  /** Who answers the pack's alerts: every runbook's escalation. */
  readonly escalation?: string;
  /** The Grafana folder of the pack's dashboards. */
  readonly folder?: Folder;
}

/** Every option a pack reads; the compiler keeps the list complete. */
export const PACK_OPTIONS = Object.keys({
  job: true, targets: true, runsIn: true, notIn: true, kubernetes: true, thresholds: true, escalation: true, folder: true,
} satisfies Record<keyof PackOptions<Thresholds>, true>);

/**
 * The options an environment may give a pack it lists again: they change only the pack's rules (its
 * numbers and its runbooks' escalation), which every environment evaluates on its own. The others
 * shape its scrape jobs, dashboards or domains too, which every environment shares.
 */
export const ENVIRONMENT_PACK_OPTIONS: readonly string[] = ['thresholds', 'escalation'] satisfies (keyof PackOptions<Thresholds>)[];

/**
 * The options an environment's copy of a pack was written with (`written`) that it may not give: not
 * in ENVIRONMENT_PACK_OPTIONS, with another value than the config's pack has (`base`; the same value
 * again, from a spread of the config's options, changes nothing).
 */
export function optionsBeyondEnvironment(written: Readonly<Record<string, unknown>>, base: Readonly<Record<string, unknown>>): string[] {
  return Object.keys(written).filter((key) => !ENVIRONMENT_PACK_OPTIONS.includes(key) && !isDeepStrictEqual(written[key], base[key]));
}

/**
 * The config's pack as an environment lists it again (`override`): the config's options with the
 * environment's thresholds over the config's and its escalation, when the pack can be configured
 * again; the environment's pack as written otherwise (a hand-made pack without `configure`).
 */
export function packInEnvironment(base: PackDef, override: PackDef): PackDef {
  if (base.configure === undefined) return override;
  const written = override.options ?? {};
  const options = base.options ?? {};
  const thresholds = { ...(options.thresholds as object | undefined), ...(written.thresholds as object | undefined) };
  return base.configure({
    ...options,
    ...(Object.keys(thresholds).length > 0 ? { thresholds } : {}),
    ...(written.escalation === undefined ? {} : { escalation: written.escalation as string }),
  });
}

/** The escalation of a pack's runbooks when the project names none. */
export const DEFAULT_ESCALATION = 'The team that runs this program; if the fix steps do not end it within 30 minutes, or data is at risk, page its lead.';

/** The thresholds a pack's rules read: a number for each of its defaults' names (written `as const`, so not their literal types). */
export type ThresholdValues<T extends Thresholds> = Readonly<Record<keyof T, number>>;

/** The Grafana folder of a pack's dashboards when the project names none. */
export const PACK_FOLDER: Folder = 'Infrastructure';

/** What a pack's rules and dashboards read of its options, each default applied here once. */
export interface PackSettings<T extends Thresholds> {
  /** The scrape job's name: the `job` of the series its rules, tests and panels read. */
  readonly job: string;
  readonly thresholds: ThresholdValues<T>;
  readonly escalation: string;
  readonly folder: Folder;
}

/** A pack's settings: its default job, thresholds and escalation (DEFAULT_ESCALATION unless it has its own) under the project's options. */
export function packSettings<T extends Thresholds>(defaults: { readonly job: string; readonly thresholds: T; readonly escalation?: string }, options: PackOptions<T>): PackSettings<T> {
  return {
    job: options.job ?? defaults.job,
    thresholds: packThresholds(defaults.thresholds, options),
    escalation: options.escalation ?? defaults.escalation ?? DEFAULT_ESCALATION,
    folder: options.folder ?? PACK_FOLDER,
  };
}

/** A pack's thresholds: its defaults with the project's overrides. */
export function packThresholds<T extends Thresholds>(defaults: T, options: PackOptions<T>): ThresholdValues<T> {
  return { ...defaults, ...options.thresholds };
}

/** The pack's scrape job from its defaults and the project's options (the options win). */
export function packScrapeJob(defaults: Parameters<typeof defineScrapeJob>[0], options: PackOptions<Thresholds>): ScrapeJobDef {
  return defineScrapeJob({
    ...defaults,
    ...(options.job === undefined ? {} : { name: options.job }),
    // Per environment: a project names the targets of its own environments and keeps the defaults of the others.
    ...(options.targets === undefined ? {} : { targets: { ...defaults.targets, ...options.targets } }),
    ...(options.runsIn === undefined ? {} : { runsIn: options.runsIn }),
    ...(options.notIn === undefined ? {} : { notIn: options.notIn }),
    ...(options.kubernetes === undefined ? {} : { kubernetes: options.kubernetes }),
  });
}
