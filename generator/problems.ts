/** A broken rule, located well enough that the user can go straight to it. */
export interface Problem {
  /** Definition file, relative to the project root: `catalog/http.ts`. */
  readonly file: string;
  /** The definition at fault: a metric's full name, a domain, or `config`. */
  readonly definition: string;
  /** Id of the rule broken (a check id), so it can be looked up in the docs. */
  readonly rule: string;
  readonly message: string;
}

export function formatProblem(problem: Problem): string {
  return `${problem.file}: ${problem.definition}: ${problem.message} [${problem.rule}]`;
}

/** Stable order for reports: by file, then definition, then rule. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      a.file.localeCompare(b.file) || a.definition.localeCompare(b.definition) || a.rule.localeCompare(b.rule) ||
      a.message.localeCompare(b.message),
  );
}
