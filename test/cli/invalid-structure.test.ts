/**
 * The invalid-definition suite for structure, scrape and config, collisions after normalisation,
 * and how problems are reported (cause first): each case through the real CLI
 * (test/helpers/invalid.ts), plus the order of stderr when one cause has consequences.
 */
import { afterAll, describe, it } from 'vitest';
import { dashboardCase, invalidDefinitionSuite, metric, rulesFile } from '../helpers/invalid.ts';
import { runCli, scratchProject, VALID_DOMAIN, type Project } from '../helpers/project.ts';
import { COLLISIONS, configWithThreshold, MESSAGES, MISSPELT, rulesReadingThreshold, SCRAPE_AND_CONFIG, STRUCTURE } from './cases/structure.ts';

invalidDefinitionSuite('invalid structure', STRUCTURE);
invalidDefinitionSuite('misspelt keys in rules and dashboards', MISSPELT);
invalidDefinitionSuite('invalid scrape jobs and config', SCRAPE_AND_CONFIG);
invalidDefinitionSuite('collisions after normalisation', COLLISIONS);
invalidDefinitionSuite('missing definitions named where they are read', MESSAGES);

const projects: Project[] = [];
afterAll(() => projects.forEach((p) => p.remove()));

describe.concurrent('the cause comes first', () => {
  it('an invalid namespace is the first and only problem, and says the other checks wait for it', async ({ expect }) => {
    const config = "import { defineConfig } from 'sextant';\nexport default defineConfig({ namespace: 'Bad-NS' });\n";
    const project = scratchProject({ 'sextant.config.ts': config, 'catalog/base.ts': VALID_DOMAIN, ...rulesFile(''), ...dashboardCase('') });
    projects.push(project);
    const run = await runCli(['generate', '--root', project.root]);
    expect(run.status).toBe(1);
    const lines = run.stderr.split('\n');
    expect(lines[0]).toMatch(/^sextant\.config\.ts: namespace: namespace 'Bad-NS' must be lowercase snake_case.*\[config\]$/);
    expect(lines[1]).toMatch(/^\d+ checks that depend on the config did not run; fix sextant\.config\.ts first\.$/);
    expect(run.stderr).toContain('1 problem(s) found');
  });

  it('a misspelt thresholds key comes before the alert files that fail for it, which are folded under it', async ({ expect }) => {
    const project = scratchProject({ ...configWithThreshold('thresholdz: { requestsHigh: 1 }'), 'catalog/base.ts': VALID_DOMAIN, ...rulesReadingThreshold('requestsHigh') });
    projects.push(project);
    const run = await runCli(['generate', '--root', project.root]);
    expect(run.status).toBe(1);
    const lines = run.stderr.split('\n');
    expect(lines[0]).toMatch(/^sextant\.config\.ts: alerts\.thresholdz: unknown key 'thresholdz'.*\[config-keys\]$/);
    expect(lines[1]).toMatch(/^alerts\/case\.ts: file: cannot load: .*\(at alerts\/case\.ts:20\) \[load\]$/);
  });

  it('a file that does not load comes first, and what follows from it is folded under it', async ({ expect }) => {
    const project = scratchProject({
      'catalog/base.ts': VALID_DOMAIN,
      'catalog/broken.ts': 'export default {',
      ...metric("a: counter({ name: 'jobs', help: 'h' }),"),
    });
    projects.push(project);
    const run = await runCli(['generate', '--root', project.root]);
    const lines = run.stderr.split('\n');
    expect(lines[0]).toMatch(/^catalog\/broken\.ts: file: cannot load.*\[load\]$/);
    expect(lines[1]).toBe('1 further problem(s) may follow from this one; fix it first:');
    expect(lines[2]).toMatch(/^ {2}catalog\/case\.ts: app_jobs: .*\[type-suffix\]$/);
  });
});
