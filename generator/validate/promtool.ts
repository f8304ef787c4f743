/**
 * The authority on rule files: `promtool check rules`, run over the rendered files once every check
 * has passed, when promtool is on PATH (the reference project's tests put the fetched one first).
 * Prometheus's own parsers see what the offline checks model only in part (Go templates, PromQL
 * argument types); whatever promtool refuses is mapped back to the alert or recording rule that
 * wrote it. Without promtool the checks are the guard. It takes about 0.1 s for twenty files.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Model } from '../model/types.ts';
import type { Problem } from '../problems.ts';
import type { GeneratedFile } from '../render/stage.ts';
import { alertProblem, recordingProblem } from './rule-problem.ts';

export const PROMTOOL_RULE = 'promtool-rules';
/** `<name>.rules.yml`, or an environment's own copy `<name>.<environment>.rules.yml`. */
const RULE_FILE = /^prometheus\/rules\/([a-z][a-z0-9_]*)(?:\.[a-z][a-z0-9_-]*)?\.rules\.yml$/;
/** `case.rules.yml: [12:5: ]group "case.alerts", rule 1, "RequestsHigh": <what is wrong>` */
const RULE_ERROR = /([a-z][a-z0-9_]*)(?:\.[a-z][a-z0-9_-]*)?\.rules\.yml: (?:\d+:\d+: )?group "[^"]*\.(alerts|recording)", rule \d+, "([^"]+)": (.*)$/;

/**
 * Problems promtool finds in the rendered rule files; none when `promtool` (a path) is undefined.
 * promtool runs as soon as this is called, beside whatever the caller does until it awaits the answer.
 */
export async function promtoolRuleProblems(model: Model, files: readonly GeneratedFile[], promtool: string | undefined): Promise<Problem[]> {
  const ruleFiles = files.filter((file) => RULE_FILE.test(file.path));
  if (!promtool || ruleFiles.length === 0) return [];
  let dir: string;
  try {
    dir = mkdtempSync(join(tmpdir(), 'sextant-promtool-'));
  } catch {
    return []; // nowhere to put the files: the checks stay the guard
  }
  try {
    mkdirSync(join(dir, 'rules'));
    const paths = ruleFiles.map((file) => {
      const path = join(dir, 'rules', file.path.replace(/^prometheus\/rules\//, ''));
      writeFileSync(path, file.content);
      return path;
    });
    const run = await new Promise<{ failed: boolean; output: string }>((done) => {
      execFile(promtool, ['check', 'rules', '--lint=none', ...paths], { encoding: 'utf8', timeout: 60_000, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
        // Only an exit status is promtool's answer; one that cannot start or is stopped (the timeout) leaves the checks the guard.
        const refused = error !== null && typeof error.code === 'number';
        done({ failed: refused, output: `${stdout}\n${stderr}` });
      });
    });
    return run.failed ? ruleFileProblems(model, run.output) : [];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** What `promtool check rules` said, as problems of the alerts and recording rules that wrote the lines it names. */
export function ruleFileProblems(model: Model, output: string): Problem[] {
  const problems: Problem[] = [];
  const lines = output.split('\n').map((line) => line.trim());
  const refuses = (what: string) => `Prometheus refuses the rule file (promtool check rules): ${what}; every promtool test loading it would fail. Fix the definition`;
  for (const line of lines) {
    const match = RULE_ERROR.exec(line);
    if (!match) continue;
    const [, fileName, group, name, what] = match;
    const file = model.rules.find((rules) => rules.name === fileName);
    const message = refuses(what!.replace(/template: __alert_[^:]*:\d+: /, 'template: '));
    const alert = group === 'alerts' ? file?.alerts.find((a) => a.name === name) : undefined;
    const recording = group === 'recording' ? file?.recording.find((r) => r.record === name) : undefined;
    if (alert) problems.push(alertProblem(alert, PROMTOOL_RULE, message));
    else if (recording) problems.push(recordingProblem(recording, PROMTOOL_RULE, message));
    else problems.push({ file: file?.file ?? 'alerts/', definition: `rule ${name}`, check: PROMTOOL_RULE, message });
  }
  if (problems.length === 0) {
    // A refusal not about one rule (the file as a whole): report it as promtool said it.
    const said = lines.filter((line) => line !== '' && !/^Checking |^SUCCESS|^FAILED/.test(line)).join('; ');
    problems.push({ file: 'alerts/', definition: 'rule files', check: PROMTOOL_RULE, message: refuses(said || 'no reason given') });
  }
  return problems;
}
