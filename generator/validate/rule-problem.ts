import type { ModelAlert, ModelRecordingRule, ModelRuleFile } from '../model/types.ts';
import type { Problem } from '../problems.ts';

export function alertProblem(alert: ModelAlert, check: string, message: string): Problem {
  return { file: alert.file, definition: `alert ${alert.name}`, check, message };
}

export function recordingProblem(recording: ModelRecordingRule, check: string, message: string): Problem {
  return { file: recording.file, definition: `recording rule ${recording.written}`, check, message };
}

export const allAlerts = (files: readonly ModelRuleFile[]) => files.flatMap((file) => file.alerts);
export const allRecordings = (files: readonly ModelRuleFile[]) => files.flatMap((file) => file.recording);
