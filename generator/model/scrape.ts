/**
 * Parses scrape job definitions (scrape/*.ts) and derives their limits from the catalogue: the
 * worst-case series of the domains a job exposes, with headroom, become its sample_limit, and its
 * widest label set its label_limit. A job whose program the catalogue only partly describes states
 * its own sample limit and why.
 */
import { DEPLOYMENTS, ENVIRONMENTS, SCRAPE_JOB_KEYS, type ScrapeJobDef } from '../dsl/scrape.ts';
import { nearestKey, unknownKeyMessage, unknownKeys } from '../dsl/unknown-keys.ts';
import type { Problem } from '../problems.ts';
import type { DefinitionSource } from './build.ts';
import { definitionsOf } from './definitions.ts';
import { exposedNames, worstCaseSeries } from './series.ts';
import type { Model, ModelScrapeJob } from './types.ts';

/** Room for the series a deploy adds before the catalogue is updated. */
export const SAMPLE_HEADROOM = 1.25;
/** __name__, job, instance, and the le or quantile a histogram or summary sample adds. */
const EXTRA_LABELS = 4;
/** Label limit for jobs the catalogue does not describe in full. */
const DEFAULT_LABEL_LIMIT = 30;

export function buildScrapeJobs(sources: readonly DefinitionSource[], model: Model): { jobs: ModelScrapeJob[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const jobs: ModelScrapeJob[] = [];
  const named = Object.keys(model.config.environments);
  for (const { file, value, report } of definitionsOf<ScrapeJobDef>(sources, 'scrape', 'defineScrapeJob', 'scrape', problems)) {
    // The fields are checked one by one below; from here it is read as the definition it claims to be.
    const definition = value as ScrapeJobDef;
    const where = `scrape job ${String(definition.name)}`;
    for (const [part, known] of [['targets', [...ENVIRONMENTS, ...named]], ['notIn', [...DEPLOYMENTS, ...named]]] as const) {
      for (const key of unknownKeys(definition[part], known)) report(where, unknownEnvironmentMessage(part, key, known));
    }
    for (const [part, written] of [['job', definition], ['kubernetes', definition.kubernetes], ['sampleLimit', definition.sampleLimit]] as const) {
      const known = SCRAPE_JOB_KEYS[part];
      const place = part === 'job' ? 'defineScrapeJob()' : part;
      for (const key of unknownKeys(written, known)) report(where, unknownKeyMessage(key, known, place));
    }
    const exposed = Array.isArray(definition.exposes) ? definition.exposes : [];
    // A renamed import (`exposes: [http.metricz]`) reaches here as undefined.
    if (exposed.some((domain) => typeof domain?.name !== 'string')) {
      report(where, 'exposes must list catalogue domains (the default exports of catalog/ files); one of them is undefined or not a domain');
      continue;
    }
    const exposes = exposed.map((domain) => domain.name);
    const metrics = model.metrics.filter((metric) => exposes.includes(metric.domain));
    const derived = Math.ceil((metrics.reduce((sum, metric) => sum + worstCaseSeries(metric), 0) * SAMPLE_HEADROOM) / 1000) * 1000;
    const widest = Math.max(0, ...metrics.map((metric) => metric.labels.length));
    const k8s = definition.kubernetes ?? {};
    jobs.push({
      file: file,
      name: String(definition.name),
      // A job runs in a declared environment where it lists targets.
      runsIn: [...(definition.runsIn ?? DEPLOYMENTS), ...named.filter((name) => definition.targets?.[name] !== undefined)],
      notIn: definition.notIn ?? {},
      targets: definition.targets ?? {},
      metricsPath: definition.metricsPath,
      interval: definition.interval,
      timeout: definition.timeout,
      exposes,
      sampleLimit: definition.sampleLimit?.samples ?? derived,
      sampleLimitReason: definition.sampleLimit
        ? definition.sampleLimit.reason
        : exposes.length > 0
          ? `worst-case series of ${exposes.join(', ')} in the catalogue, plus ${Math.round((SAMPLE_HEADROOM - 1) * 100)}%`
          : '',
      labelLimit: definition.sampleLimit ? DEFAULT_LABEL_LIMIT : widest + EXTRA_LABELS,
      keepMetrics: definition.keepOnlyCatalogued ? [...new Set(metrics.flatMap(exposedNames))].sort() : undefined,
      honorLabels: definition.honorLabels === true,
      receivesAlerts: definition.receivesAlerts === true,
      kubernetes: {
        role: k8s.role ?? 'pod',
        podLabels: k8s.podLabels ?? { app: String(definition.name) },
        port: k8s.port ?? Number(String(definition.targets?.compose?.[0] ?? '').split(':')[1] ?? 0),
        portName: k8s.portName,
        namespaces: k8s.namespaces ?? [...new Set([...model.config.kubernetes.appNamespaces, model.config.kubernetes.namespace])],
        onlyNamespaces: k8s.onlyAppNamespaces === true ? model.config.kubernetes.appNamespaces : Array.isArray(k8s.onlyAppNamespaces) ? k8s.onlyAppNamespaces : undefined,
      },
    });
  }
  return { jobs, problems };
}

function unknownEnvironmentMessage(part: 'targets' | 'notIn', key: string, known: readonly string[]): string {
  if (part === 'targets' && key === 'kubernetes') return 'targets.kubernetes: targets in Kubernetes are discovered, not listed; say how to find them with kubernetes: { podLabels, port }';
  const nearest = nearestKey(key, known);
  return `${part}.${key} names no environment (known: ${known.join(', ')})${nearest ? `: did you mean '${nearest}'?` : '.'} Declare a new one in sextant.config.ts under environments: { ${key}: {} }.`;
}
