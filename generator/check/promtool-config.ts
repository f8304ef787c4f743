/**
 * `promtool check config` on every rendered Prometheus configuration (prometheus.yml for compose,
 * prometheus.hosts.yml for plain hosts), which also loads the rule files each one lists.
 */
import { join } from 'node:path';
import { NOT_RENDERED, requireTool } from './prerequisites.ts';
import { failed, passed, toolSaid, type CheckStep } from './step.ts';

const CONFIG = /^prometheus\/([^/]+\.ya?ml)$/;

export const promtoolConfigStep: CheckStep = {
  id: 'promtool-config',
  title: 'promtool check config',
  async run(context) {
    const promtool = requireTool(context, 'promtool');
    if (typeof promtool !== 'string') return promtool;
    const rendered = await context.rendered();
    if (!rendered) return NOT_RENDERED;
    const configs = rendered.files.map((file) => CONFIG.exec(file.path)?.[1]).filter((name): name is string => name !== undefined);
    const cwd = join(rendered.dir, 'prometheus');
    const runs = await Promise.all(configs.map(async (name) => ({ name, run: await context.exec(promtool, ['check', 'config', name], cwd) })));
    const refused = runs.filter(({ run }) => run.code !== 0);
    if (refused.length === 0) return passed(configs.join(', ') || 'no configuration');
    // The configuration comes from the scrape jobs and the config: promtool's words say which part.
    return failed(refused.flatMap(({ name, run }) => [`generated/prometheus/${name} (from scrape/ and sextant.config.ts): promtool refuses it:`, ...toolSaid(`${run.stdout}\n${run.stderr}`).map((line) => `  ${line.trim()}`)]));
  },
};
