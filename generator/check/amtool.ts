/** `amtool check-config` on the rendered Alertmanager configuration. */
import { NOT_RENDERED, requireTool } from './prerequisites.ts';
import { failed, passed, toolSaid, type CheckStep } from './step.ts';

const FILE = 'alertmanager/alertmanager.yml';

export const amtoolStep: CheckStep = {
  id: 'amtool',
  title: 'amtool check-config',
  async run(context) {
    const amtool = requireTool(context, 'amtool');
    if (typeof amtool !== 'string') return amtool;
    const rendered = await context.rendered();
    if (!rendered) return NOT_RENDERED;
    const run = await context.exec(amtool, ['check-config', FILE], rendered.dir);
    if (run.code === 0) return passed(FILE);
    return failed([`generated/${FILE} (from sextant.config.ts and the alerts' severities): amtool refuses it:`, ...toolSaid(`${run.stdout}\n${run.stderr}`).map((line) => `  ${line.trim()}`)]);
  },
};
