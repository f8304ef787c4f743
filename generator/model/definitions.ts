/**
 * The opening every builder shares: each file of a definition folder default-exports one definition
 * of the folder's kind. Anything else is the file's problem, naming the function to write it with;
 * what is left is each definition with a `report` that places a shape problem at its file.
 */
import type { Problem } from '../problems.ts';
import type { DefinitionSource } from './build.ts';

export const SHAPE_CHECK = 'definition-shape';

export interface Written<T> {
  readonly file: string;
  /** As written, of the right kind; its fields are still the builder's to check. */
  readonly value: Partial<T>;
  readonly report: (definition: string, message: string) => void;
}

/** `kind` is the DSL tag (`domain`), `define` its function (`defineDomain`), `folder` what the files are called (`catalogue`). */
export function definitionsOf<T>(sources: readonly DefinitionSource[], kind: string, define: string, folder: string, problems: Problem[]): Written<T>[] {
  return sources.flatMap((source) => {
    const report = (definition: string, message: string) => problems.push({ file: source.file, definition, check: SHAPE_CHECK, message });
    const value = source.value as { kind?: unknown } | undefined;
    if (typeof value === 'object' && value !== null && value.kind === kind) return [{ file: source.file, value: value as Partial<T>, report }];
    report('default export', `a ${folder} file must \`export default ${define}({ ... })\``);
    return [];
  });
}
