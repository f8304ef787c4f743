/** Kubernetes output: prometheus-operator objects, and plain manifests for clusters without it. */
import type { Model } from '../../model/types.ts';
import type { Stage } from '../stage.ts';
import { operatorFiles } from './operator.ts';
import { plainFiles } from './plain.ts';

export const kubernetesStage: Stage = {
  name: 'kubernetes manifests',
  render: (model) => (model.scrapeJobs.length === 0 ? [] : [...operatorFiles(inKubernetes(model)), ...plainFiles(inKubernetes(model))]),
};

/**
 * The model as the cluster runs it: with the rules of the environment `kubernetes.environment`
 * names (its thresholds), under the default files' names; the default rules when it names none.
 */
export function inKubernetes(model: Model): Model {
  const { environment } = model.config.kubernetes;
  const rules = environment === undefined ? undefined : model.environments?.find(({ name }) => name === environment)?.rules;
  return rules ? { ...model, rules } : model;
}
