/**
 * Rule profiles: the one, explicit way rules may differ from the shipped ones. The end-to-end
 * tests use `E2E_PROFILE`, which divides every `for` and every range window, so alerts fire in
 * seconds on a stack that scrapes every second. Thresholds, expressions and names stay as shipped.
 */
import type { ModelRuleFile } from '../model/types.ts';
import { durationSeconds } from '../promql/duration.ts';

export interface RuleProfile {
  readonly name: string;
  /** `for: 5m` becomes 5m / forDivisor (at least 1s). */
  readonly forDivisor: number;
  /** `[5m]` becomes 5m / windowDivisor (at least 4s: four scrapes at 1s). */
  readonly windowDivisor: number;
}

export const E2E_PROFILE: RuleProfile = { name: 'e2e', forDivisor: 30, windowDivisor: 15 };

/** Range windows and subquery ranges: `[5m]`, `[1h:1m]`. */
const WINDOW = /\[(\d+[smhdwy](?:\d+[smhdwy])*)(:\d+[smhdwy]*)?\]/g;

export function applyProfile(files: readonly ModelRuleFile[], profile: RuleProfile): ModelRuleFile[] {
  const scaleWindows = (expr: string) =>
    expr.replace(WINDOW, (_, range: string, step: string | undefined) => `[${scaled(range, profile.windowDivisor, 4)}${step ?? ''}]`);
  return files.map((file) => ({
    ...file,
    recording: file.recording.map((rule) => ({ ...rule, expr: scaleWindows(rule.expr) })),
    alerts: file.alerts.map((alert) => ({ ...alert, expr: scaleWindows(alert.expr), for: scaled(alert.for, profile.forDivisor, 1) })),
  }));
}

function scaled(duration: string, divisor: number, minimumSeconds: number): string {
  const seconds = durationSeconds(duration);
  if (seconds === undefined || seconds === 0) return duration;
  return formatDuration(Math.max(minimumSeconds, Math.round(seconds / divisor)));
}

export function formatDuration(seconds: number): string {
  if (seconds % 3600 === 0) return `${seconds / 3600}h`;
  if (seconds % 60 === 0) return `${seconds / 60}m`;
  return `${seconds}s`;
}
