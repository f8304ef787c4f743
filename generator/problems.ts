import { CONFIG_FILE, DEFINITION_DIRS } from './model/load.ts';

/** A broken rule, located well enough that the user can go straight to it. */
export interface Problem {
  /** Definition file, relative to the project root: `catalog/http.ts`. */
  readonly file: string;
  /** The definition at fault: a metric's full name, a domain, or `config`. */
  readonly definition: string;
  /** Id of the check the definition fails, so it can be looked up in the docs. */
  readonly check: string;
  readonly message: string;
}

export function formatProblem(problem: Problem): string {
  return `${problem.file}: ${problem.definition}: ${problem.message} [${problem.check}]`;
}

/** Stable order for reports: by file, then definition, then rule. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      a.file.localeCompare(b.file) || a.definition.localeCompare(b.definition) || a.check.localeCompare(b.check) ||
      a.message.localeCompare(b.message),
  );
}

const CONFIG_RULES = new Set(['config', 'config-keys', 'kubernetes-config', 'environments']);
/** Rules that leave a definition out of the model, or part of it: references to it then fail. */
const INCOMPLETE_MODEL_RULES = new Set(['definition-shape', 'duplicate-keys']);
export const isConfigRule = (rule: string): boolean => CONFIG_RULES.has(rule);

/**
 * Where a problem stands among the causes of the others: the config first (every definition reads
 * it, so it can make them fail to load), then files that did not load, in the order definitions
 * import each other (catalog/ before alerts/…), then definitions the model lost part of, then the
 * rest, which may only be consequences.
 */
function causeRank(problem: Problem): number {
  if (isConfigRule(problem.check) || problem.file === CONFIG_FILE) return 0;
  if (problem.check === 'load') {
    const dir = DEFINITION_DIRS.findIndex((d) => problem.file.startsWith(`${d}/`));
    return 1 + (dir === -1 ? DEFINITION_DIRS.length : dir);
  }
  return INCOMPLETE_MODEL_RULES.has(problem.check) ? INCOMPLETE_RANK : CONSEQUENCE_RANK;
}
const INCOMPLETE_RANK = DEFINITION_DIRS.length + 2;
const CONSEQUENCE_RANK = INCOMPLETE_RANK + 1;

/**
 * A file that fails to load with the very error of a file it imports (the config, a catalogue
 * file) failed because of it: it is a consequence, not another cause.
 */
function echoesAnEarlierLoadFailure(problem: Problem, problems: readonly Problem[]): boolean {
  return problem.check === 'load' && problems.some((other) => other.check === 'load' && other.message === problem.message && causeRank(other) < causeRank(problem));
}

function rankAmong(problem: Problem, problems: readonly Problem[]): number {
  return echoesAnEarlierLoadFailure(problem, problems) ? CONSEQUENCE_RANK : causeRank(problem);
}

/** Causes first, by rank; the order within a rank is kept. */
export function causesFirst(problems: readonly Problem[]): Problem[] {
  return problems
    .map((problem, i) => ({ problem, i, rank: rankAmong(problem, problems) }))
    .sort((a, b) => a.rank - b.rank || a.i - b.i)
    .map(({ problem }) => problem);
}

/** The report's lines: causes first, then the problems that may follow from them, indented. */
export function formatReport(problems: readonly Problem[]): string[] {
  const isCause = (problem: Problem) => rankAmong(problem, problems) < CONSEQUENCE_RANK;
  const causes = problems.filter(isCause);
  const rest = problems.filter((problem) => !isCause(problem));
  if (causes.length === 0 || rest.length === 0) return problems.map(formatProblem);
  return [
    ...causes.map(formatProblem),
    `${rest.length} further problem(s) may follow from ${causes.length === 1 ? 'this one' : 'these'}; fix ${causes.length === 1 ? 'it' : 'them'} first:`,
    ...rest.map((problem) => `  ${formatProblem(problem)}`),
  ];
}
