import type { Problem } from '../../problems.ts';
import { monitorKind, OPERATOR_TARGET_LABELS } from '../../render/kubernetes/operator.ts';
import { NODE_TARGET_LABELS, POD_TARGET_LABELS } from '../../render/kubernetes/plain.ts';
import type { ModelScrapeJob } from '../../model/types.ts';
import type { Check } from '../check.ts';

/**
 * A scraped label with the name of a target label is not kept: Prometheus renames it
 * exported_<name> (without honor_labels), so every query and alert on it reads the target's value
 * instead. The names come from the renderers that set them.
 */
function setters(job: ModelScrapeJob, operatorProvided: readonly string[]): Map<string, string> {
  const set = new Map<string, string>();
  if (!job.runsIn.includes('kubernetes') || job.honorLabels) return set;
  const plain = job.kubernetes.role === 'node' ? NODE_TARGET_LABELS : POD_TARGET_LABELS;
  for (const label of Object.keys(plain)) set.set(label, `the plain Kubernetes ${job.kubernetes.role} discovery`);
  if (!operatorProvided.includes(job.name)) {
    const kind = monitorKind(job);
    for (const label of OPERATOR_TARGET_LABELS[kind]) if (!set.has(label)) set.set(label, `prometheus-operator (for the ${kind})`);
  }
  return set;
}

export const targetLabelsCheck: Check = {
  id: 'target-labels',
  summary:
    'No scraped metric has a label the scrape configuration sets on its targets (namespace, pod, container, node in Kubernetes): Prometheus would rename it exported_<label>.',
  fix: 'Rename the label (for example k8s_namespace): the scrape sets namespace, pod, container and node on every target, and Prometheus would rename yours exported_<label>.',
  run({ scrapeJobs, metrics, config }) {
    const problems: Problem[] = [];
    for (const job of scrapeJobs) {
      const set = setters(job, config.kubernetes.operatorProvidedJobs);
      if (set.size === 0) continue;
      for (const metric of metrics.filter((m) => job.exposes.includes(m.domain))) {
        for (const label of metric.labels.filter((l) => set.has(l.name))) {
          const fix = metric.appOwned ? 'rename the label' : `set honorLabels: true on scrape job ${job.name} if the exporter reports on other workloads, or drop the label`;
          problems.push({
            file: metric.file,
            definition: metric.name,
            check: this.id,
            message: `label '${label.name}' is also a target label: ${set.get(label.name)} of scrape job ${job.name} (${job.file}) sets '${label.name}', so Prometheus would rename this one exported_${label.name}; ${fix}`,
          });
        }
      }
    }
    return problems;
  },
};
