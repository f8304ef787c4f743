/** `npm run docs`: writes the documents generated from the code, docs/checks.md and the table of docs/packs.md. */
import { writeFileSync } from 'node:fs';
import { pathWithTools } from '../../stack/tools.ts';
import { CHECKS_DOC, checksDoc } from './checks-doc.ts';
import { PACKS_DOC, packsDoc } from './packs-doc.ts';

process.env.PATH = pathWithTools(); // promtool, as the tests find it (vitest.config.ts)
writeFileSync(CHECKS_DOC, await checksDoc());
writeFileSync(PACKS_DOC, packsDoc());
console.log('wrote docs/checks.md and the table of docs/packs.md');
