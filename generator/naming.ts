/**
 * Names and addresses every output agrees on, computed in one place from the model's names: the
 * rule files, the docs and the dashboards' runbook links all point at the same section.
 */
import type { SextantConfig } from './config.ts';

export function runbookAnchor(alertName: string): string {
  return alertName.toLowerCase();
}

export function runbookUrl(config: SextantConfig, alertName: string): string {
  return `${config.alerts.runbookBaseUrl}#${runbookAnchor(alertName)}`;
}
