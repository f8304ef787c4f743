/**
 * Traces what `promtool test rules` says back to the definitions: a failing alert test by the test
 * group's name (render/rules.ts names each group after the tests it holds) and the alert and time
 * promtool names, a failing recording-rule
 * test by its expression and evaluation time (promtool does not name those groups). What names no
 * test (a file promtool cannot load) stays a problem of the rule file, in promtool's words.
 */
import type { ModelRuleFile } from '../model/types.ts';
import type { Problem } from '../problems.ts';
import { alertTestName, edgeExpr, GROUP_SEPARATOR } from '../render/rules.ts';
import { alertProblem, recordingProblem } from '../validate/rule-problem.ts';
import { toolSaid } from './step.ts';

export const PROMTOOL_TEST_RULE = 'promtool-test';
const BLOCK_START = /^ {4}(name|expr): /;
const NAMED = /^ {4}name: (.*),$/;
const EXPR = /^ {4}expr: "(.*)", time: ([^,]+),/;
const ALERT_AT = /^ {4}alertname: (.*), time: ([^,]+),/;

export function testFailures(file: ModelRuleFile, output: string): Problem[] {
  const lines = toolSaid(output).filter((line) => line.trim() !== 'FAILED:');
  const blocks: string[][] = [];
  for (const line of lines) {
    if (BLOCK_START.test(line) || blocks.length === 0) blocks.push([line]);
    else blocks.at(-1)!.push(line);
  }
  return blocks.map((block) => blockProblem(file, block));
}

const said = (lines: readonly string[]) => lines.map((line) => line.trim()).join(' ').replace(/\s+/g, ' ');

function blockProblem(file: ModelRuleFile, block: readonly string[]): Problem {
  const [first = '', ...rest] = block;
  const named = NAMED.exec(first);
  if (named) {
    // A group holds the tests that share its series (render/rules.ts): the one whose alert and time promtool names.
    const [, alertname, time] = ALERT_AT.exec(rest[0] ?? '') ?? [];
    const holds = (name: string) => named[1]!.split(GROUP_SEPARATOR).includes(name) || named[1] === name;
    for (const alert of file.alerts) {
      const test = alert.tests.find((t) => holds(alertTestName(alert, t)) && (alertname === undefined || (alertname === alert.name && t.at === time)));
      if (test) return alertProblem(alert, PROMTOOL_TEST_RULE, `test '${test.name}' failed: ${said(rest)}`);
    }
  }
  const expr = EXPR.exec(first);
  // promtool prints the expression with its quotes escaped.
  const edged = expr ? file.alerts.find((alert) => edgeExpr(alert) === (expr[1] ?? "").replace(/\\"/g, '"')) : undefined;
  if (expr && edged) return alertProblem(edged, PROMTOOL_TEST_RULE, `a generated edge case (evaluated at ${expr[2]}) failed: ${said(block)}`);
  const recording = expr ? file.recording.find((rule) => rule.record === expr[1]) : undefined;
  if (expr && recording) {
    const tests = recording.tests.filter((test) => test.at === expr[2]).map((test) => `'${test.name}'`);
    const which = tests.length === 1 ? `test ${tests[0]}` : `one of the tests ${tests.join(', ')} (evaluated at ${expr[2]})`;
    return recordingProblem(recording, PROMTOOL_TEST_RULE, `${which} failed: ${said(block)}`);
  }
  return {
    file: file.file,
    definition: `tests of ${file.name}`,
    check: PROMTOOL_TEST_RULE,
    message: `promtool test rules failed: ${said(block)}`,
  };
}
