/** `generate --check`: generated/ must be what the definitions generate, or the repository lies. */
import { join } from 'node:path';
import { findDrift } from '../output/drift.ts';
import { NOT_RENDERED } from './prerequisites.ts';
import { failed, passed, type CheckStep } from './step.ts';

export const driftStep: CheckStep = {
  id: 'drift',
  title: 'generated/ up to date (generate --check)',
  async run(context) {
    const rendered = await context.rendered();
    if (!rendered) return NOT_RENDERED;
    const drift = await findDrift(join(context.root, 'generated'), rendered.files);
    if (drift.length === 0) return passed(`${rendered.files.length} files`);
    return failed([
      `generated/ is out of date: ${drift.length} file(s) differ from what the definitions generate; run \`npx sextant generate\` and commit the result:`,
      ...drift.map(({ kind, path }) => `  ${kind.padEnd(8)} generated/${path}`),
    ]);
  },
};
