/**
 * Placeholder until the `init` branch lands: it replaces this file with the project writer.
 */
export type InitOptions = Record<string, never>;

export async function initProject(dir: string, _options: InitOptions = {}): Promise<{ written: string[] } | { refused: string[] }> {
  throw new Error(`sextant init is not available in this build (asked to write ${dir})`);
}
