/**
 * Scrape jobs: one file per job in scrape/. Targets are given per environment (compose service
 * names, plain hosts); sample and label limits come from the catalogue's series budget of the
 * domains a job exposes, or, for a program the catalogue only partly describes, a stated limit.
 */
import type { DomainDef } from './domain.ts';

export const ENVIRONMENTS = ['compose', 'hosts'] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

export interface ScrapeJobDef {
  readonly kind: 'scrape';
  /** The `job` label: snake-case or kebab-case. */
  readonly name: string;
  readonly targets: Readonly<Record<Environment, readonly string[]>>;
  readonly metricsPath: string;
  /** Overrides the global scrape interval and timeout. */
  readonly interval: string | undefined;
  readonly timeout: string | undefined;
  /** Catalogue domains the job exposes in full: its limits are derived from them. */
  readonly exposes: readonly DomainDef[];
  /** For jobs the catalogue does not fully describe: an explicit sample limit and why. */
  readonly sampleLimit: { readonly samples: number; readonly reason: string } | undefined;
  /** How the job's pods are found in Kubernetes; defaults: label app=<name>, container port named metrics. */
  readonly kubernetes: { readonly podLabels?: Readonly<Record<string, string>>; readonly port?: number; readonly portName?: string } | undefined;
}

export function defineScrapeJob(
  job: Omit<ScrapeJobDef, 'kind' | 'metricsPath' | 'interval' | 'timeout' | 'exposes' | 'sampleLimit' | 'kubernetes'> &
    Partial<Pick<ScrapeJobDef, 'metricsPath' | 'interval' | 'timeout' | 'exposes' | 'sampleLimit' | 'kubernetes'>>,
): ScrapeJobDef {
  return Object.freeze({
    kind: 'scrape' as const,
    metricsPath: '/metrics',
    interval: undefined,
    timeout: undefined,
    exposes: [],
    sampleLimit: undefined,
    kubernetes: undefined,
    ...job,
  });
}
