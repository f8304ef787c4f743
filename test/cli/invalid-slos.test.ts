/**
 * Invalid SLOs through the real CLI: each is refused with the SLO's file and name (rule
 * slo-definitions), and nothing is written.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCommand } from '../helpers/command.ts';
import { invalidDefinitionSuite } from '../helpers/invalid.ts';
import { runCli, scratchProject, VALID_DOMAIN } from '../helpers/project.ts';
import { CASES, sloFile } from './cases/slos.ts';

invalidDefinitionSuite('invalid SLOs', CASES);

describe('the valid SLO the cases start from', () => {
  it('generates, and its generated promtool tests pass', async () => {
    const project = scratchProject({
      'sextant.config.ts': "import { defineConfig } from 'sextant';\nexport default defineConfig({ namespace: 'app' });\n",
      'catalog/base.ts': VALID_DOMAIN,
      ...sloFile(''),
      'slos/latency.ts': sloFile("name: 'case_latency', objective: 0.95, sli: latencySli({ histogram: latency, threshold: 1 }),")['slos/case.ts']!,
    });
    try {
      const run = await runCli(['generate', '--root', project.root]);
      expect(run.status, run.stderr).toBe(0);
      const prometheus = join(project.root, 'generated/prometheus');
      for (const file of ['tests/slo_case_availability.test.yml', 'tests/slo_case_latency.test.yml']) {
        const result = await runCommand('promtool', ['test', 'rules', file], { cwd: prometheus });
        expect(result.code, result.output).toBe(0);
      }
    } finally {
      project.remove();
    }
  }, 60_000);
});
