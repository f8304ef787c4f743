/** Where each alert's runbook section lives: one place, so rule files and docs agree. */
import type { SextantConfig } from '../config.ts';

export function runbookAnchor(alertName: string): string {
  return alertName.toLowerCase();
}

export function runbookUrl(config: SextantConfig, alertName: string): string {
  return `${config.alerts.runbookBaseUrl}#${runbookAnchor(alertName)}`;
}
