/**
 * The installed package's directory (its tools/, its version): resolved by name, because the CLI
 * runs as a bundle under node_modules/.cache/sextant/, not from its sources. From the sources (tsx,
 * tests) the name resolves to the package itself; from the bundle, to the project's node_modules/sextant.
 */
import { createRequire } from 'node:module';
import { dirname } from 'node:path';

export function packageDir(): string {
  return dirname(createRequire(import.meta.url).resolve('sextant/package.json'));
}
