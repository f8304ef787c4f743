import type { Check } from '../check.ts';
import type { Problem } from '../../problems.ts';
import { durationSeconds } from '../../promql/duration.ts';
import { CONFIG_FILE } from '../../model/load.ts';

const NAMESPACE = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;

export const configCheck: Check = {
  id: 'config',
  summary:
    'The namespace is a lowercase snake_case word, limits are positive integers, intervals are durations, the runbook base is an http(s) URL and thresholds are numbers.',
  run({ config }) {
    const problems: Problem[] = [];
    const report = (definition: string, message: string) =>
      problems.push({ file: CONFIG_FILE, definition, rule: this.id, message });
    if (typeof config.namespace !== 'string' || !NAMESPACE.test(config.namespace)) {
      report('namespace', `namespace '${String(config.namespace)}' must be lowercase snake_case, such as 'taskforge'`);
    }
    for (const [name, value] of Object.entries(config.limits)) {
      if (!Number.isInteger(value) || value < 1) report(`limits.${name}`, `must be a positive integer, got ${String(value)}`);
    }
    for (const name of ['scrapeInterval', 'evaluationInterval'] as const) {
      const value = config.prometheus[name];
      if (!(durationSeconds(String(value)) ?? 0)) report(`prometheus.${name}`, `'${String(value)}' is not a Prometheus duration such as 15s`);
    }
    if (!isHttpUrl(config.alerts.runbookBaseUrl)) {
      report('alerts.runbookBaseUrl', `'${String(config.alerts.runbookBaseUrl)}' is not an http(s) URL`);
    }
    for (const name of ['prometheusUrl', 'alertmanagerUrl'] as const) {
      if (!isHttpUrl(config.grafana[name])) report(`grafana.${name}`, `'${String(config.grafana[name])}' is not an http(s) URL`);
    }
    for (const name of ['pageWebhookUrl', 'ticketWebhookUrl'] as const) {
      if (!isHttpUrl(config.alertmanager[name])) report(`alertmanager.${name}`, `'${String(config.alertmanager[name])}' is not an http(s) URL`);
    }
    if (!String(config.grafana.dashboardsPath).startsWith('/')) report('grafana.dashboardsPath', 'must be an absolute path inside the Grafana container');
    for (const [name, value] of Object.entries(config.alerts.thresholds)) {
      if (typeof value !== 'number' || !Number.isFinite(value)) report(`alerts.thresholds.${name}`, `must be a finite number, got ${String(value)}`);
    }
    return problems;
  },
};

export function isHttpUrl(text: unknown): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(String(text)).protocol);
  } catch {
    return false;
  }
}
