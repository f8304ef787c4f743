/** Kubernetes output: prometheus-operator objects, and plain manifests for clusters without it. */
import type { Stage } from '../stage.ts';
import { operatorFiles } from './operator.ts';
import { plainFiles } from './plain.ts';

export const kubernetesStage: Stage = {
  name: 'kubernetes manifests',
  render: (model) => (model.scrapeJobs.length === 0 ? [] : [...operatorFiles(model), ...plainFiles(model)]),
};
