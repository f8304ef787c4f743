/** The chain of renderers: each output (docs, rules, dashboards, scrape configs…) is one stage. */
import type { Model } from '../model/types.ts';
import { alertmanagerConfigStage } from './alertmanager-config.ts';
import { alertsDocStage } from './alerts-doc.ts';
import { catalogueJsonStage } from './catalogue-json.ts';
import { dashboardsDocStage } from './dashboards-doc.ts';
import { grafanaStage } from './grafana.ts';
import { kubernetesStage } from './kubernetes/index.ts';
import { metricsDocStage } from './metrics-doc.ts';
import { prometheusConfigStage } from './prometheus-config.ts';
import { ruleFilesStage, ruleTestsStage } from './rules.ts';
import { slosDocStage } from './slos-doc.ts';
import type { GeneratedFile, Stage } from './stage.ts';

/** In the order they run (the files are sorted by path after): the rule files first, which promtool checks while the rest renders. */
export const STAGES: readonly Stage[] = [
  ruleFilesStage,
  metricsDocStage,
  catalogueJsonStage,
  ruleTestsStage,
  alertsDocStage,
  slosDocStage,
  grafanaStage,
  dashboardsDocStage,
  prometheusConfigStage,
  alertmanagerConfigStage,
  kubernetesStage,
];

/** Every stage's files, sorted by path; `rendered` sees each stage's files as soon as they exist. */
export function render(model: Model, stages: readonly Stage[] = STAGES, rendered?: (stage: Stage, files: readonly GeneratedFile[]) => void): GeneratedFile[] {
  const files = stages.flatMap((stage) => {
    const output = stage.render(model);
    rendered?.(stage, output);
    return output;
  });
  const seen = new Set<string>();
  for (const file of files) {
    // Two stages writing one path is a bug in the engine, not in the user's definitions.
    if (seen.has(file.path)) throw new Error(`internal error: more than one stage renders ${file.path}`);
    seen.add(file.path);
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
