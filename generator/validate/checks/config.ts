import type { Check } from '../check.ts';
import type { Problem } from '../../problems.ts';

const NAMESPACE = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;
export const CONFIG_FILE = 'sextant.config.ts';

export const configCheck: Check = {
  id: 'config',
  summary: 'The namespace is a lowercase snake_case word and every limit is a positive integer.',
  run({ config }) {
    const problems: Problem[] = [];
    const report = (definition: string, message: string) =>
      problems.push({ file: CONFIG_FILE, definition, rule: this.id, message });
    if (typeof config.namespace !== 'string' || !NAMESPACE.test(config.namespace)) {
      report('namespace', `namespace '${String(config.namespace)}' must be lowercase snake_case, such as 'taskforge'`);
    }
    for (const [name, value] of Object.entries(config.limits)) {
      if (!Number.isInteger(value) || value < 1) report(`limits.${name}`, `must be a positive integer, got ${String(value)}`);
    }
    return problems;
  },
};
