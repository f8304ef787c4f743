/**
 * docs/checks.md, written from the rules themselves: each rule's summary and fix (data beside its
 * code: CHECKS, QUERY_CHECKS, validate/pipeline-rules.ts) and a message it really gives, from the
 * first case of the real-CLI suites (test/cli/cases/) that the rule refuses, run through the real
 * pipeline. The prose around the rules is checks-doc.template.md. `npm run docs` (docs.ts) writes the file;
 * test/checks-doc.test.ts fails when it is not what this writes now.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runPipeline } from '../../generator/pipeline.ts';
import { formatProblem } from '../../generator/problems.ts';
import { QUERY_CHECKS } from '../../generator/promql/index.ts';
import { CHECKS } from '../../generator/validate/index.ts';
import { LOAD_RULES, TOOL_RULES, type RuleDoc } from '../../generator/validate/pipeline-rules.ts';
import * as alertQuality from '../cli/cases/alert-quality.ts';
import * as coverage from '../cli/cases/coverage.ts';
import * as dashboardLint from '../cli/cases/dashboard-lint.ts';
import * as dashboards from '../cli/cases/dashboards.ts';
import * as definitions from '../cli/cases/definitions.ts';
import * as environments from '../cli/cases/environments.ts';
import * as metrics from '../cli/cases/metrics.ts';
import * as queries from '../cli/cases/queries.ts';
import * as recordingRules from '../cli/cases/recording-rules.ts';
import * as rules from '../cli/cases/rules.ts';
import * as slos from '../cli/cases/slos.ts';
import * as structure from '../cli/cases/structure.ts';
import { caseFiles, type InvalidCase } from './invalid.ts';
import { REPO, scratchProject } from './project.ts';

export const CHECKS_DOC = join(REPO, 'docs/checks.md');
const TEMPLATE = join(import.meta.dirname, 'checks-doc.template.md');
const MARKER = '<!-- checks -->';

/** The sections, in the order a run applies them. */
export const SECTIONS: readonly { title: string; rules: readonly RuleDoc[] }[] = [
  { title: 'While loading the definitions', rules: LOAD_RULES },
  { title: 'On the model', rules: CHECKS },
  { title: 'On every query (rules and panels)', rules: QUERY_CHECKS },
  { title: 'After the checks', rules: TOOL_RULES },
];

/** Checks whose problems carry the query checks' ids: their example is a query case located where they look. */
const QUERY_CARRIERS: Readonly<Record<string, string>> = { 'rule-queries': 'alerts/', 'dashboard-queries': 'dashboards/' };

/** Every case of the real-CLI suites, in a fixed order (the first case of a rule is its example). */
const CASES: readonly InvalidCase[] = [metrics, definitions, structure, environments, rules, alertQuality, recordingRules, queries, coverage, dashboards, dashboardLint, slos].flatMap(
  (module) => Object.values(module).filter(isCaseList).flat(),
);

function isCaseList(value: unknown): value is InvalidCase[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'object' && item !== null && 'rule' in item && 'files' in item);
}

/** The case the docs show for a rule, or undefined when no case is refused by it. */
export function exampleOf(id: string): InvalidCase | undefined {
  const carrier = QUERY_CARRIERS[id];
  if (carrier) return CASES.find((c) => c.rule.startsWith('promql-') && c.where.startsWith(carrier));
  return CASES.find((c) => c.rule === id);
}

/** The line the generator prints for the example, found by running it through the pipeline. */
async function messageOf(example: InvalidCase): Promise<string> {
  const project = scratchProject(caseFiles(example.files));
  try {
    const result = await runPipeline(project.root);
    const problem = result.ok ? undefined : result.problems.find((p) => p.check === example.rule && p.message.includes(example.message));
    if (!problem) throw new Error(`the case '${example.name}' is no longer refused by ${example.rule}: fix the case in test/cli/cases/`);
    return formatProblem(problem);
  } finally {
    project.remove();
  }
}

async function section(rule: RuleDoc): Promise<string> {
  const example = exampleOf(rule.id);
  if (!example) throw new Error(`${rule.id} has no example: add a case it refuses to test/cli/cases/`);
  return [`#### \`${rule.id}\``, '', rule.summary, '', '```text', await messageOf(example), '```', '', `**Fix:** ${rule.fix}`, ''].join('\n');
}

export async function checksDoc(): Promise<string> {
  // An index first: each section's rules, linked to their headings.
  const parts: string[] = SECTIONS.map(({ title, rules }) => `- ${title}: ${rules.map((rule) => `[\`${rule.id}\`](#${rule.id})`).join(', ')}`);
  parts.push('');
  for (const { title, rules } of SECTIONS) {
    parts.push(`### ${title}`, '');
    for (const rule of rules) parts.push(await section(rule));
  }
  const [before, after] = readFileSync(TEMPLATE, 'utf8').split(MARKER) as [string, string];
  return `${before}${parts.join('\n').trimEnd()}\n${after}`;
}
