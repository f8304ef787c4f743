/**
 * The rules the pipeline applies outside CHECKS and QUERY_CHECKS (loading, building, SLOs, promtool),
 * documented as the checks are: what each requires and the fix, for docs/checks.md.
 */
import { SHAPE_CHECK } from '../model/definitions.ts';
import { SLO_RULE } from '../slo/validate.ts';
import type { Check } from './check.ts';
import { PROMTOOL_RULE } from './promtool.ts';

export type RuleDoc = Pick<Check, 'id' | 'summary' | 'fix'>;

/** Before the checks: what stops a definition from loading or building. */
export const LOAD_RULES: readonly RuleDoc[] = [
  {
    id: 'load',
    summary: 'Every definition file builds and runs: a syntax error, a failed import or a helper that throws is reported with the file, the cause and the line, and the other files still load.',
    fix: 'Correct the file at the line the message names; the cause is the error TypeScript or your code raised.',
  },
  {
    id: 'duplicate-keys',
    summary: 'No object literal of a definition (metrics, labels, alert fields, thresholds) writes the same key twice: the second would silently replace the first.',
    fix: 'Delete one of the two keys, or rename it if both were meant.',
  },
  {
    id: SHAPE_CHECK,
    summary: 'Each file of a definition folder default-exports what the folder holds (defineDomain, defineRules, defineDashboard, defineScrapeJob, defineSlo), and every key of a definition is one the engine reads: a misspelt key would be ignored.',
    fix: 'Export the definition with the function the message names, and rename a misspelt key to the one it suggests.',
  },
  {
    id: SLO_RULE,
    summary: 'SLOs, before they compile to rules: an objective strictly between 0 and 1; period and windows valid, short shorter than long, long within the period; burn factor times budget below 1; an SLI over counters (ratio) or a histogram at one of its bucket boundaries (latency), with catalogue label values and bad or good events distinct from the total; whenExhausted said.',
    fix: 'Write the objective as a share (0.999, not 99.9), put a latency threshold on a bucket boundary (the message names the nearest), and choose events the catalogue declares.',
  },
];

/** After every check has passed: the tools' own word on the rendered files. */
export const TOOL_RULES: readonly RuleDoc[] = [
  {
    id: PROMTOOL_RULE,
    summary: 'Once every check passes, promtool check rules --lint=all loads the rendered rule files (promtool from the project\'s .tools/ first, then PATH), and each refusal is reported at its definition.',
    fix: 'Correct the rule as promtool says; it is the authority on what Prometheus loads.',
  },
];
