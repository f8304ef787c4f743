/**
 * The invalid-definition suite: every way a definition can be wrong, run through the real CLI in
 * its own process (test/helpers/invalid.ts). Each must exit 1, name the file, the definition and
 * the rule, and leave the existing output byte-for-byte as it was.
 */
import { afterAll, describe, it } from 'vitest';
import { invalidDefinitionSuite } from '../helpers/invalid.ts';
import { domainFile, runCli, scratchProject, VALID_DOMAIN, type Project } from '../helpers/project.ts';
import { CASES } from './cases/definitions.ts';

invalidDefinitionSuite('invalid definitions', CASES);

const projects: Project[] = [];
afterAll(() => projects.forEach((p) => p.remove()));

describe.concurrent('a run with several problems', () => {
  it('reports every problem of a run at once', async ({ expect }) => {
    const project = scratchProject({
      'catalog/base.ts': VALID_DOMAIN,
      'catalog/case.ts': domainFile("a: counter({ name: 'jobs', help: '' }),\n    b: gauge({ name: 'depth_total', help: 'h', labels: { job: ['x'] } }),"),
      'catalog/broken.ts': 'export default {',
    });
    projects.push(project);
    const run = await runCli(['generate', '--root', project.root]);
    expect(run.status).toBe(1);
    for (const rule of ['load', 'type-suffix', 'help-text', 'label-names']) expect(run.stderr).toContain(`[${rule}]`);
    expect(run.stderr).toMatch(/5 problem\(s\) found/);
  });
});
