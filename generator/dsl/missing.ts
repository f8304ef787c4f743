/**
 * Arguments that must exist when a definition is written. JavaScript hands `undefined` on for a
 * renamed metric (`http.metrics.requestz`) or threshold (`thresholds.errorRatioo`), and it only
 * failed much later, deep in the generator, as "Cannot read properties of undefined". Throwing at
 * the call instead makes the file fail to load, and the load problem names the file and line.
 */
export class MissingDefinitionError extends TypeError {
  override readonly name = 'MissingDefinitionError';
}

/** Throws when `value` is undefined or null; `what` says what the argument was meant to be. */
export function required<T>(value: T | undefined | null, what: string): T {
  if (value === undefined || value === null) {
    throw new MissingDefinitionError(`${what} is ${String(value)}: it reads a metric, rule or threshold that does not exist (renamed or removed?)`);
  }
  return value;
}
