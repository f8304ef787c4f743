/** Every check of the definitions (CHECKS, the query checks, SLOs), as `generate` runs them. */
import { formatReport } from '../problems.ts';
import { failed, passed, type CheckStep } from './step.ts';

export const validationStep: CheckStep = {
  id: 'validate',
  title: 'validation (every check)',
  async run(context) {
    const result = await context.pipeline();
    if (result.ok) return passed(`${result.files.length} files rendered`);
    return failed([...formatReport(result.problems), ...(result.notRun ? [result.notRun] : [])]);
  },
};
