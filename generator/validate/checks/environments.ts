/**
 * The environments the config declares (staging, production…) beside compose, hosts and Kubernetes:
 * each names a generated file and a label value, and overrides only thresholds that exist.
 */
import { DEPLOYMENTS } from '../../dsl/scrape.ts';
import { nearestKey, unknownKeyMessage, unknownKeys } from '../../dsl/unknown-keys.ts';
import { CONFIG_FILE } from '../../model/load.ts';
import type { Problem } from '../../problems.ts';
import type { Check } from '../check.ts';
import { isBlank, shown } from '../readable-text.ts';
import { targetProblem } from './scrape-jobs.ts';

/** It names prometheus/prometheus.<name>.yml and the environment label: lowercase, no dots or spaces. */
const NAME = /^[a-z][a-z0-9_-]*$/;
const ENVIRONMENT_KEYS = ['thresholds', 'alertmanager'];

export const environmentsCheck: Check = {
  id: 'environments',
  summary:
    'Declared environments have lowercase names other than compose, hosts and kubernetes, only the keys thresholds and alertmanager, threshold overrides that name a threshold of alerts.thresholds with a finite number, and a host:port Alertmanager.',
  fix: 'Name the environment in lowercase (staging, production), give it only thresholds and alertmanager, and override only thresholds that alerts.thresholds defines, with a number.',
  run({ config }) {
    const problems: Problem[] = [];
    const report = (definition: string, message: string) => problems.push({ file: CONFIG_FILE, definition, check: this.id, message });
    const environments: unknown = config.environments;
    if (typeof environments !== 'object' || environments === null || Array.isArray(environments)) {
      report('environments', "must map environment names to their settings, such as { staging: {}, production: { thresholds: { … } } }");
      return problems;
    }
    const thresholds = Object.keys(config.alerts.thresholds);
    for (const [name, settings] of Object.entries(environments as Record<string, unknown>)) {
      const where = `environments.${name}`;
      if (isBlank(name)) report(`environments[${shown(name)}]`, 'an environment name is blank: name it as its Prometheus configuration file will be (staging, production)');
      else if ((DEPLOYMENTS as readonly string[]).includes(name)) report(where, `${name} is built in: its targets go under targets.${name} without declaring it; declare only other environments`);
      else if (!NAME.test(name)) report(`environments[${shown(name)}]`, `environment name ${shown(name)} must be lowercase letters, digits, - and _, starting with a letter: it names prometheus/prometheus.<name>.yml and the environment label`);
      if (typeof settings !== 'object' || settings === null || Array.isArray(settings)) {
        report(where, 'must be an object ({} when nothing differs there but the targets)');
        continue;
      }
      for (const key of unknownKeys(settings, ENVIRONMENT_KEYS)) report(where, unknownKeyMessage(key, ENVIRONMENT_KEYS, where));
      const { thresholds: overrides, alertmanager } = settings as { thresholds?: unknown; alertmanager?: unknown };
      if (alertmanager !== undefined) {
        const problem = targetProblem(alertmanager);
        if (problem) report(`${where}.alertmanager`, `${shown(alertmanager)} ${problem}: give the Alertmanager's host:port in ${name}`);
      }
      if (overrides === undefined) continue;
      if (typeof overrides !== 'object' || overrides === null || Array.isArray(overrides)) {
        report(`${where}.thresholds`, 'must map threshold names of alerts.thresholds to the numbers this environment uses');
        continue;
      }
      for (const [threshold, value] of Object.entries(overrides)) {
        if (!thresholds.includes(threshold)) {
          const nearest = nearestKey(threshold, thresholds);
          report(
            `${where}.thresholds.${threshold}`,
            `overrides threshold '${threshold}', which alerts.thresholds does not define${nearest ? `: did you mean '${nearest}'?` : ''}; an environment only changes thresholds every environment has (add it to alerts.thresholds first)`,
          );
        } else if (typeof value !== 'number' || !Number.isFinite(value)) {
          report(`${where}.thresholds.${threshold}`, `must be a finite number, got ${String(value)}`);
        } else if (value !== (config.alerts.thresholds as Record<string, unknown>)[threshold]) {
          // Every environment's Prometheus loads the same rule files, built from alerts.thresholds:
          // an override that reached no rule would leave the environment alerting on the base value.
          report(
            `${where}.thresholds.${threshold}`,
            `overrides threshold '${threshold}' (${value} instead of ${String((config.alerts.thresholds as Record<string, unknown>)[threshold])}), but every environment's rules are generated from alerts.thresholds, so ${name} would still alert on the base value; per-environment rule files are not generated yet: keep the threshold in alerts.thresholds, or give the environment a project of its own`,
          );
        }
      }
    }
    return problems;
  },
};
