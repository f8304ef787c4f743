/**
 * Keys a definition was written with that the engine does not read: a typo (`lables`,
 * `thresholdz`) would otherwise be dropped silently and its default used. TypeScript flags them
 * in an editor, but definitions are bundled without type-checking, so the generator says it too.
 */

/** The keys of `written` that are not in `known`. */
export function unknownKeys(written: unknown, known: readonly string[]): string[] {
  if (typeof written !== 'object' || written === null || Array.isArray(written)) return [];
  return Object.keys(written).filter((key) => !known.includes(key));
}

/** "unknown key 'x' in <place>, so it would be ignored: did you mean 'y'? (known: …)" */
export function unknownKeyMessage(key: string, known: readonly string[], place: string): string {
  const nearest = nearestKey(key, known);
  return `unknown key '${key}' in ${place}, so it would be ignored${nearest ? `: did you mean '${nearest}'?` : ''} (known: ${known.join(', ')})`;
}

/** The known key within a third of its length in edits (a typo, a missing letter), if any. */
export function nearestKey(key: string, known: readonly string[]): string | undefined {
  const scored = known.map((name) => ({ name, distance: editDistance(key.toLowerCase(), name.toLowerCase()) }));
  const best = scored.sort((a, b) => a.distance - b.distance)[0];
  return best && best.distance <= Math.max(2, Math.floor(best.name.length / 3)) ? best.name : undefined;
}

/** Levenshtein distance: how many single-character edits turn one name into the other. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * Where a definition keeps the keys it was written with that its DSL function did not read. A
 * registered symbol, so it is the same key in every copy of the DSL (the definitions' bundle has
 * its own); a symbol, so JSON, spreads into other shapes and `Object.keys` do not see it as a field.
 */
const UNKNOWN_KEYS = Symbol.for('sextant.unknownKeys');

/**
 * For DSL functions that copy the options they know into a new object (and so drop the rest):
 * keeps the unknown ones on the definition, as data, for the model builder to report. A frozen
 * definition is copied, and the copy frozen.
 */
export function rememberUnknownKeys<T extends object>(definition: T, written: unknown, known: readonly string[]): T {
  const unknown = unknownKeys(written, known);
  if (unknown.length === 0) return definition;
  const marked: T = { ...definition, [UNKNOWN_KEYS]: unknown };
  return Object.isFrozen(definition) ? Object.freeze(marked) : marked;
}

export function rememberedUnknownKeys(definition: unknown): readonly string[] {
  if (typeof definition !== 'object' || definition === null) return [];
  const keys: unknown = (definition as { [UNKNOWN_KEYS]?: unknown })[UNKNOWN_KEYS];
  return Array.isArray(keys) ? keys.map(String) : [];
}
