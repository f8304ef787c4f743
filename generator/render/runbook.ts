/** Where each alert's runbook section lives: one place (`naming.ts`), so rule files, docs and dashboards agree. */
export { runbookAnchor, runbookUrl } from '../naming.ts';
