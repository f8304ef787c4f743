import { DEPLOYMENTS, ENVIRONMENTS } from '../../dsl/scrape.ts';
import { CONFIG_FILE } from '../../model/load.ts';
import type { Problem } from '../../problems.ts';
import { durationSeconds } from '../../promql/duration.ts';
import type { Model, ModelScrapeJob } from '../../model/types.ts';
import type { Check } from '../check.ts';
import { isBlank } from '../readable-text.ts';
import { labelKeyProblem, labelValueProblem, namespaceProblem } from './kubernetes-config.ts';

const JOB_NAME = /^[a-zA-Z_][a-zA-Z0-9_-]*$/;
const TARGET = /^[a-zA-Z0-9.-]+:\d{1,5}$/;
/** A container port name (IANA_SVC_NAME): at most 15 lowercase letters, digits and single hyphens, with a letter. */
const PORT_NAME = /^(?=.*[a-z])[a-z0-9]+(-[a-z0-9]+)*$/;

export const scrapeJobsCheck: Check = {
  id: 'scrape-jobs',
  summary:
    'Scrape jobs have unique names, host:port targets (ports 1–65535) in every environment they run in, a metrics path without query, fragment or percent-encoding, valid intervals with the timeout within the interval, limits from the catalogue or stated, at most one job receiving alerts, and, for jobs that run in Kubernetes, valid pod labels, port and namespaces.',
  fix: 'Give each job a name of its own, host:port targets in every environment it runs in, a plain metrics path, a timeout within the interval, and limits from the catalogue or stated with a reason.',
  run(model) {
    const problems: Problem[] = [];
    const seen = new Map<string, string>();
    const receiver = model.scrapeJobs.find((job) => job.receivesAlerts);
    const named = Object.keys(model.config.environments);
    if (model.scrapeJobs.length > 0) problems.push(...environmentProblems(model, this.id));
    for (const job of model.scrapeJobs) {
      const report = (message: string) => problems.push({ file: job.file, definition: `scrape job ${job.name}`, check: this.id, message });
      if (job.receivesAlerts && receiver !== job) report(`receivesAlerts is already set on scrape job ${receiver!.name} (${receiver!.file}); Prometheus sends alerts to one Alertmanager address, so set it on one job`);
      if (!JOB_NAME.test(job.name)) report('job names are letters, digits, _ and -');
      const earlier = seen.get(job.name);
      if (earlier) report(`job ${job.name} is already defined in ${earlier}`);
      else seen.set(job.name, job.file);
      const unknown = job.runsIn.filter((deployment) => !(DEPLOYMENTS as readonly string[]).includes(deployment) && !named.includes(deployment));
      if (job.runsIn.length === 0 || unknown.length > 0) report(`runsIn must list some of ${DEPLOYMENTS.join(', ')}${unknown.length > 0 ? `, not ${unknown.join(', ')}` : ''}`);
      for (const environment of [...ENVIRONMENTS, ...named].filter((environment) => job.runsIn.includes(environment))) {
        const targets = job.targets[environment] ?? [];
        if (targets.length === 0) report(`no targets for the ${environment} environment`);
        for (const target of targets) {
          const problem = targetProblem(target);
          if (problem) report(`target '${target}' (${environment}) ${problem}`);
        }
      }
      const interval = job.interval === undefined ? durationSeconds(model.config.prometheus.scrapeInterval) : durationSeconds(job.interval);
      if (interval === undefined || interval === 0) report(`interval '${job.interval}' is not a duration longer than 0 (such as 30s)`);
      // Without a timeout of its own, Prometheus gives the job the shorter of 10s and its interval.
      if (job.timeout !== undefined) {
        const timeout = durationSeconds(job.timeout);
        if (!timeout) report(`timeout '${job.timeout}' is not a duration longer than 0 (such as 10s)`);
        else if (interval && timeout > interval) report(`timeout ${job.timeout} is longer than the interval`);
      }
      if (typeof job.metricsPath !== 'string' || !job.metricsPath.startsWith('/')) report(`metrics path '${job.metricsPath}' must start with /`);
      // Prometheus escapes the path: /metrics?format=x would be fetched as /metrics%3Fformat=x.
      else if (/[?#\s]/.test(job.metricsPath)) report(`metrics path '${job.metricsPath}' holds a query string, fragment or space; give the path alone (Prometheus escapes it, so /metrics?x=1 is fetched as /metrics%3Fx=1)`);
      else if (job.metricsPath.includes('%')) report(`metrics path '${job.metricsPath}' holds a percent-encoding, which Prometheus escapes again (/a%20b is fetched as /a%2520b); write the path unencoded`);
      if (job.exposes.length === 0 && job.sampleLimitReason === '') report('derive limits from exposes: [domains], or state sampleLimit with a reason');
      else if (isBlank(job.sampleLimitReason)) report("sampleLimit's reason has no visible characters; say why the limit holds");
      else if (!Number.isInteger(job.sampleLimit) || job.sampleLimit < 1) report(`sample limit must be a positive integer, got ${job.sampleLimit}`);
      if (job.keepMetrics && job.exposes.length === 0) report('keepOnlyCatalogued needs exposes: [domains] to know what to keep');
      if (job.runsIn.includes('kubernetes')) kubernetesProblems(job.kubernetes).forEach(report);
    }
    return problems;
  },
};

/**
 * Each declared environment needs jobs with targets there (else its Prometheus scrapes nothing) and
 * one Alertmanager address: the receivesAlerts job's target there, or the environment's alertmanager.
 */
function environmentProblems(model: Model, check: string): Problem[] {
  const problems: Problem[] = [];
  const receiver = model.scrapeJobs.find((job) => job.receivesAlerts);
  for (const [name, settings] of Object.entries(model.config.environments)) {
    const report = (message: string) => problems.push({ file: CONFIG_FILE, definition: `environments.${name}`, check, message });
    if (!model.scrapeJobs.some((job) => job.targets[name] !== undefined)) {
      report(`no scrape job lists targets in ${name}, so its Prometheus would scrape nothing: give the jobs that run there targets: { ${name}: ['host:port'] }`);
    }
    const fromJob = receiver?.targets[name]?.[0];
    if (fromJob === undefined && settings?.alertmanager === undefined) {
      report(
        `Prometheus in ${name} has no Alertmanager to send alerts to: ${receiver ? `give scrape job ${receiver.name} (receivesAlerts) targets.${name}` : `set environments.${name}.alertmanager to its host:port`}`,
      );
    } else if (fromJob !== undefined && settings?.alertmanager !== undefined) {
      report(`the Alertmanager in ${name} is given twice: scrape job ${receiver!.name} (receivesAlerts) targets ${fromJob} there, and environments.${name}.alertmanager says ${settings.alertmanager}; keep the job's target`);
    }
  }
  return problems;
}

/** Why a static target is not host:port with a port Prometheus can reach, or undefined. */
export function targetProblem(target: unknown): string | undefined {
  if (typeof target !== 'string' || !TARGET.test(target)) {
    return typeof target === 'string' && target.includes('@') ? 'is not host:port: credentials do not go in a target' : 'is not host:port';
  }
  const port = Number(target.slice(target.lastIndexOf(':') + 1));
  return port >= 1 && port <= 65535 ? undefined : `has port ${port}, outside 1–65535`;
}

function kubernetesProblems({ role, podLabels, port, portName, namespaces }: ModelScrapeJob['kubernetes']): string[] {
  const problems: string[] = [];
  if (role !== 'pod' && role !== 'node') return [`kubernetes.role must be pod or node, not '${String(role)}'`];
  // The kubelet is found by node discovery: pod labels, port and namespaces do not apply.
  if (role === 'node') return [];
  // Without a pod label, Kubernetes discovery would scrape every pod in the namespaces.
  if (Object.keys(podLabels).length === 0) problems.push('kubernetes.podLabels must name at least one label that selects the pods');
  for (const [key, value] of Object.entries(podLabels)) {
    const problem = labelKeyProblem(key) ?? (value === '' ? `pod label '${key}' needs a value` : labelValueProblem(value));
    if (problem) problems.push(`kubernetes.podLabels: ${problem}`);
  }
  if (!Number.isInteger(port) || port < 1 || port > 65535) problems.push(`kubernetes.port must be a port number (1–65535), got ${port}`);
  if (portName !== undefined && (typeof portName !== 'string' || portName.length > 15 || !PORT_NAME.test(portName))) problems.push(`kubernetes.portName '${portName}' is not a container port name (lowercase letters, digits and -, at most 15)`);
  if (!Array.isArray(namespaces)) return [...problems, `kubernetes.namespaces must be a list of namespaces, not ${JSON.stringify(namespaces)}`];
  if (namespaces.length === 0) problems.push('kubernetes.namespaces must name at least one namespace');
  for (const namespace of namespaces) {
    const problem = namespaceProblem(namespace);
    if (problem) problems.push(`kubernetes.namespaces: ${problem}`);
  }
  return problems;
}
