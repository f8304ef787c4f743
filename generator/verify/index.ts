/**
 * `verify`: a live /metrics, or everything a Prometheus has scraped, against the catalogue.
 * Exit 0 when they agree, 1 on drift.
 */
import { parseExposition } from '../exposition/parse.ts';
import type { Model } from '../model/types.ts';
import { alertSeries, scrape } from '../packs/prometheus/domain.ts';
import { domainsInScope, driftOf, formatDrift } from './drift.ts';
import { exposition, fetchText } from './http.ts';
import { familiesOfJob, scrapedJobs } from './prometheus.ts';

export interface VerifyOutput {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

export interface VerifyOptions {
  /** How long one endpoint may take to answer. */
  readonly timeoutSeconds: number;
}

/** Domains a scrape job of the project exposes; undefined when no job has that name or it declares none. */
function domainsOfJob(model: Model, job: string | undefined) {
  const declared = model.scrapeJobs.find((j) => j.name === job)?.exposes;
  return declared && declared.length > 0 ? model.domains.filter((d) => declared.includes(d.name)) : undefined;
}

/** One target's /metrics; `job` names the scrape job whose domains it should expose, else they are inferred. */
export async function verifyTarget(model: Model, url: string, io: VerifyOutput, options: VerifyOptions, job?: string): Promise<boolean> {
  const target = /\/metrics\/?$/.test(new URL(url).pathname) ? url : `${url.replace(/\/$/, '')}/metrics`;
  if (job !== undefined && !model.scrapeJobs.some((j) => j.name === job)) throw new Error(`no scrape job named ${job} in scrape/`);
  let families: ReturnType<typeof parseExposition>;
  try {
    families = parseExposition(exposition(target, await fetchText(target, options.timeoutSeconds)));
  } catch (error) {
    throw new Error((error as Error).message.includes(target) ? (error as Error).message : `not a Prometheus exposition at ${target}: ${(error as Error).message}`);
  }
  if (families.size === 0) {
    io.err(`${target}: exposes no metrics at all, so nothing can be compared with the catalogue`);
    return false;
  }
  const inScope = domainsOfJob(model, job) ?? domainsInScope(families, model.domains);
  return report(io, target, inScope.map((d) => d.name), driftOf(families, inScope, model.domains, model.config.namespace));
}

export async function verifyPrometheus(model: Model, base: string, io: VerifyOutput, options: VerifyOptions): Promise<boolean> {
  const url = base.replace(/\/$/, '');
  // What Prometheus writes itself (up, scrape_*, ALERTS) is no target's, whether or not the project lists the prometheus pack.
  const synthetic = new Set([
    ...model.domains.filter((d) => typeof d.owner !== 'string' && d.owner.synthetic).flatMap((d) => d.metrics.map((m) => m.name)),
    ...[scrape, alertSeries].flatMap((d) => Object.values(d.metrics).map((m) => m.name)),
  ]);
  const jobs = await scrapedJobs(url, options.timeoutSeconds);
  if (jobs.length === 0) {
    io.err(`${url}: scrapes no targets, so nothing can be compared with the catalogue`);
    return false;
  }
  let clean = true;
  for (const job of jobs) {
    const families = await familiesOfJob(url, job, synthetic, options.timeoutSeconds);
    const inScope = domainsOfJob(model, job) ?? domainsInScope(families, model.domains);
    if (inScope.length === 0) {
      io.out(`job ${job}: no catalogue domain describes it; skipped (${families.size} metrics)`);
      continue;
    }
    clean = report(io, `job ${job}`, inScope.map((d) => d.name), driftOf(families, inScope, model.domains, model.config.namespace)) && clean;
  }
  return clean;
}

function report(io: VerifyOutput, what: string, domains: readonly string[], drift: ReturnType<typeof driftOf>): boolean {
  if (drift.length === 0) {
    io.out(`${what}: matches the catalogue (${domains.join(', ') || 'no domain'})`);
    return true;
  }
  io.err(`${what}: ${drift.length} difference(s) from the catalogue (${domains.join(', ') || 'no catalogue domain in scope'}):`);
  for (const line of formatDrift(drift)) io.err(line);
  return false;
}
