/**
 * The invalid-definition suite's parts: builders for broken definitions beside a valid base
 * catalogue, and the runner that puts each through the real CLI in its own process. Each case must
 * exit 1, name the file, the definition and the rule, and leave the existing output as it was.
 * One suite file per class of bad input (test/cli/invalid-*.test.ts) calls invalidDefinitionSuite.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { domainFile, runCli, scratchProject, VALID_DOMAIN, type Project } from './project.ts';

export interface InvalidCase {
  readonly name: string;
  /** Files of the case, beside a valid catalog/base.ts. */
  readonly files: Record<string, string>;
  /** Expected `file: definition:` prefix of the message. */
  readonly where: string;
  readonly rule: string;
  readonly message: string;
}

/** A catalogue file `catalog/case.ts` with one app domain holding these metrics. */
export const metric = (source: string, options?: Parameters<typeof domainFile>[1]) => ({ 'catalog/case.ts': domainFile(source, options) });
export const exporter = "upstream('some_exporter', '1.0.0', 'its docs')";

/** A rules file with one valid alert (and optionally recording rules); `overrides` is spread into the alert. */
export function rulesFile(overrides: string, options: { recording?: string; extraAlert?: string } = {}): Record<string, string> {
  return {
    'alerts/case.ts': `import { alert, bucketOf, defineRules, evaluates, fires, input, pending, promql, recordingRule, silent } from 'sextant';
import base from '../catalog/base.ts';
const { requests, latency } = base.metrics;
const target = { job: 'a', instance: 'a:1' };
const series = [input(requests, { ...target, route: '/a' }, '0+60x20')];
const tests = [
  fires('one a second', { at: '10m', series, alerts: [{ labels: { ...target, route: '/a' }, summary: 's', description: 'd' }] }),
  silent('none', { at: '10m', series: [input(requests, { ...target, route: '/a' }, '0x20')] }),
  pending('too early', { at: '2m', series }),
];
const base_alert = {
  name: 'RequestsHigh', severity: 'warning', expr: promql\`rate(\${requests}[5m]) > 0.5\`, for: '5m', summary: 's', description: 'd',
  runbook: { meaning: 'm', causes: ['c'], checks: ['k'], fix: ['f'], escalation: 'e' }, tests, scenario: { target, series: (value, s) => [input(requests, { ...s.target, route: '/a' }, s.counter(value))] }, perInstance: 'p',
};
export default defineRules({
  name: 'case',
  title: 'Case',
  recording: [${options.recording ?? ''}],
  alerts: [alert({ ...base_alert, ${overrides} })${options.extraAlert ? `, ${options.extraAlert}` : ''}],
});
`,
  };
}
export const recording = (record: string) =>
  `recordingRule({ record: '${record}', expr: promql\`sum by (job) (rate(\${requests}[5m]))\`, tests: [evaluates('sums', { at: '10m', series, samples: [{ labels: { job: 'a' }, value: 1 }] })] })`;
export const gaugeFile = { 'catalog/extra.ts': domainFile("depth: gauge({ name: 'depth', help: 'Items waiting.' }),", { name: 'extra' }) };

/**
 * A dashboard over the base catalogue whose good panels show both its metrics; `panels` are added to
 * them, and `overrides` (an object literal: `{ variables: [...] }`) is spread over the definition.
 */
export function dashboardFile(panels: string, name = 'case', overrides = '{}'): string {
  return `import { bucketOf, defineDashboard, heatmap, labelVariable, promql, row, stat, target, timeseries } from 'sextant';
import base from '../catalog/base.ts';
const { requests, latency } = base.metrics;
const good = [
  timeseries({ title: 'Requests', unit: 'reqps', targets: [target(promql\`sum(rate(\${requests}{job=~"$job", instance=~"$instance"}[$__rate_interval]))\`)] }),
  heatmap({ title: 'Latency', unit: 's', targets: [target(promql\`sum by (le) (rate(\${bucketOf(latency)}{job=~"$job", instance=~"$instance"}[$__rate_interval]))\`)] }),
];
export default defineDashboard({ name: '${name}', title: 'Case', folder: 'Service', description: 'd', scope: requests, rows: [row('R', [...good, ${panels}])], ...${overrides} });
`;
}
export const dashboardCase = (panels: string, overrides?: string) => ({ 'dashboards/case.ts': dashboardFile(panels, 'case', overrides) });

export const configWith = (body: string) => ({ 'sextant.config.ts': `import { defineConfig } from 'sextant';\nexport default defineConfig({ namespace: 'app', ${body} });\n` });
const SENTINEL = 'output of an earlier, good run\n';

/** A case's project: a valid config and catalog/base.ts, an earlier run's output, and the case's files. */
export function caseFiles(files: Record<string, string>): Record<string, string> {
  return {
    'sextant.config.ts': "import { defineConfig } from 'sextant';\nexport default defineConfig({ namespace: 'app' });\n",
    'catalog/base.ts': VALID_DOMAIN,
    'generated/docs/metrics.md': SENTINEL,
    ...files,
  };
}

/** Runs each case through the real CLI: refused, located, and nothing written. */
export function invalidDefinitionSuite(title: string, cases: readonly InvalidCase[]): void {
  const projects: Project[] = [];
  afterAll(() => projects.forEach((p) => p.remove()));

  describe.concurrent(title, () => {
    it.for(cases)('$name is refused', async ({ files, where, rule, message }, { expect }) => {
      const project = scratchProject(caseFiles(files));
      projects.push(project);

      const run = await runCli(['generate', '--root', project.root]);

      expect(run.status).toBe(1);
      expect(run.stderr).toContain(`${where}: `);
      expect(run.stderr).toContain(message);
      expect(run.stderr).toContain(`[${rule}]`);
      expect(run.stderr).toContain('nothing was written');
      expect(readFileSync(join(project.root, 'generated/docs/metrics.md'), 'utf8')).toBe(SENTINEL);
      expect(readdirSync(join(project.root, 'generated'))).toEqual(['docs']);
      expect(readdirSync(project.root).filter((name) => name.includes('staging'))).toEqual([]);
      expect(existsSync(join(project.root, 'generated/docs'))).toBe(true);
    });
  });
}
