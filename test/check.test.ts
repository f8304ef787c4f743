/**
 * `npm run check`: the reference project passes it, and each way a project can be wrong makes it
 * exit non-zero saying where: a type error, a failing promtool test named by its rule, drift of
 * generated/, a rule file promtool's linter refuses, a missing program with how to get it. All through the real
 * CLI and the real tools, except two cases that no valid definition of the reference can reach,
 * which run their step on a rendered tree edited in between: a rule file only promtool's linter
 * refuses (the checks refuse duplicate rules first), and failures among the reference's test files.
 */
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createContext } from '../generator/check/context.ts';
import { promtoolLintStep } from '../generator/check/promtool-lint.ts';
import { promtoolTestsStep } from '../generator/check/promtool-tests.ts';
import { onPath } from '../generator/tools.ts';
import { FIXTURE_PROJECT, REPO, runCli, scratchProject, VALID_DOMAIN, type Project } from './helpers/project.ts';

const projects: Project[] = [];
afterAll(() => projects.forEach((project) => project.remove()));

/**
 * A small valid project: one recording rule and one alert, with their tests. `expectedRoute` is the
 * route the alert's firing test expects, `expectedRate` the value the recording rule's test expects.
 */
function project(expectedRoute = '/a', expectedRate = 1): Project {
  const created = scratchProject({
    'sextant.config.ts': "import { defineConfig } from 'sextant';\nexport default defineConfig({ namespace: 'app' });\n",
    'catalog/base.ts': VALID_DOMAIN,
    'alerts/case.ts': rulesFile(expectedRoute, expectedRate),
    // Type-checked as the reference is: its compiler options, this project's files.
    'tsconfig.json': JSON.stringify({ extends: '../../../tsconfig.json', include: ['.'], exclude: [] }),
  });
  projects.push(created);
  return created;
}

const rulesFile = (expectedRoute: string, expectedRate: number) => `import { alert, defineRules, evaluates, fires, input, pending, promql, recordingRule, silent } from 'sextant';
import base from '../catalog/base.ts';

const { requests } = base.metrics;
const target = { job: 'a', instance: 'a:1' };
const busy = [input(requests, { ...target, route: '/a' }, '0+60x20')];
const text = { summary: 'Requests are high', description: 'More than one request every two seconds.' };

export default defineRules({
  name: 'case',
  title: 'Case',
  recording: [
    recordingRule({
      record: 'job:requests:rate5m',
      expr: promql\`sum by (job) (rate(\${requests}[5m]))\`,
      tests: [evaluates('one request a second', { at: '10m', series: busy, samples: [{ labels: { job: 'a' }, value: ${expectedRate} }] })],
      exported: 'Only its promtool test reads it: the failing-test case changes what the test expects.',
    }),
  ],
  alerts: [
    alert({
      name: 'RequestsHigh',
      severity: 'warning',
      expr: promql\`rate(\${requests}[5m]) > 0.5\`,
      for: '5m',
      ...text,
      runbook: { meaning: 'm', causes: ['c'], checks: ['k'], fix: ['f'], escalation: 'e' },
      scenario: { target, series: (value, s) => [input(requests, { ...s.target, route: '/a' }, s.counter(value))] },
      perInstance: 'A test project: one process, its rate alone.',
      tests: [
        fires('one request a second', { at: '10m', series: busy, alerts: [{ labels: { ...target, route: '${expectedRoute}' }, ...text }] }),
        pending('not yet for five minutes', { at: '3m', series: busy }),
        silent('no requests', { at: '10m', series: [input(requests, { ...target, route: '/a' }, '0x20')] }),
      ],
    }),
  ],
});
`;

const stepLine = (output: string, title: string) => output.split('\n').find((line) => line.includes(title)) ?? `(no line for ${title})`;

describe('npm run check', () => {
  it('names the rule, its file and the test when a test expects the wrong value', async () => {
    const run = await runCli(['check', '--root', project('/b', 2).root]);
    expect(run.status).toBe(1);
    expect(stepLine(run.stderr, 'promtool test rules')).toMatch(/^FAILED /);
    expect(run.stderr).toContain("alerts/case.ts: alert RequestsHigh: test 'one request a second' failed: alertname: RequestsHigh, time: 10m, exp:[");
    expect(run.stderr).toContain('route="/b"');
    expect(run.stderr).toContain("alerts/case.ts: recording rule job:requests:rate5m: test 'one request a second' failed: expr: \"job:app_requests:rate5m\", time: 10m, exp: {__name__=\"job:app_requests:rate5m\", job=\"a\"} 2E+00 got: {__name__=\"job:app_requests:rate5m\", job=\"a\"} 1E+00");
    expect(run.stderr).toContain('[promtool-test]');
    expect(run.stderr).toMatch(/^check FAILED in [\d.]+ s: 2 of 8 steps failed \(drift, promtool-test\)\.$/m);
  });

  it('traces failures inside a batch of test files to their alert and recording rule', async () => {
    const context = createContext(FIXTURE_PROJECT);
    const withWrongValues = {
      ...context,
      async rendered() {
        const rendered = await context.rendered();
        const file = join(rendered!.dir, 'prometheus/tests/checkout.test.yml');
        const text = readFileSync(file, 'utf8')
          .replace('60% of orders are declined.', '61% of orders are declined.')
          .replace(/(labels: job:shop_orders_declined:ratio_rate5m\{job="shop"\}\n\s+value: )0\.25\n/, '$10.5\n');
        writeFileSync(file, text);
        return rendered;
      },
    };
    try {
      const outcome = await promtoolTestsStep.run(withWrongValues);
      const lines = outcome.status === 'failed' ? outcome.lines : [];
      expect(lines).toHaveLength(2);
      expect(lines[0]).toMatch(/^alerts\/checkout\.ts: alert OrdersDeclined: test '60% declined' failed: alertname: OrdersDeclined, time: .*, exp:\[.*61% of orders.*got:\[.*60% of orders.* \[promtool-test\]$/);
      expect(lines[1]).toMatch(/^alerts\/checkout\.ts: recording rule job:orders_declined:ratio_rate5m: test 'is declined over all orders' failed: expr: "job:shop_orders_declined:ratio_rate5m", time: 10m, exp: .* 5E-01 got: .* 2\.5E-01 \[promtool-test\]$/);
    } finally {
      context.dispose();
    }
  });

  it('reports the compiler\'s errors as it words them, and still runs the other steps', async () => {
    const typo = project();
    typo.write('catalog/base.ts', `${VALID_DOMAIN}export const retries: number = 'three';\n`);
    const run = await runCli(['check', '--root', typo.root]);
    expect(run.status).toBe(1);
    expect(stepLine(run.stderr, 'type check')).toMatch(/^FAILED /);
    expect(run.stderr).toContain("catalog/base.ts(12,14): error TS2322: Type 'string' is not assignable to type 'number'.");
    expect(stepLine(run.stdout, 'promtool test rules')).toMatch(/^ok /);
  });

  it('checks a project before its first generate, reporting the drift, and passes once generated', async () => {
    const valid = project();
    const before = await runCli(['check', '--root', valid.root]);
    expect(before.status).toBe(1);
    expect(stepLine(before.stderr, 'generated/ up to date')).toMatch(/^FAILED /);
    expect(before.stderr).toContain('missing  generated/prometheus/tests/case.test.yml');
    expect(before.stderr).toContain('(drift)');
    expect(stepLine(before.stdout, 'promtool test rules')).toMatch(/^ok .*4 tests in 1 files/);

    expect((await runCli(['generate', '--root', valid.root])).status).toBe(0);
    appendFileSync(join(valid.root, 'generated/docs/alerts.md'), 'edited by hand\n');
    const edited = await runCli(['check', '--root', valid.root]);
    expect(edited.stderr).toContain('changed  generated/docs/alerts.md');

    expect((await runCli(['generate', '--root', valid.root])).status).toBe(0);
    const after = await runCli(['check', '--root', valid.root]);
    expect(after.status, after.stderr).toBe(0);
  });

  it('fails a missing program with how to get it, never skipping its step', async () => {
    const withoutTools = (process.env.PATH ?? '')
      .split(delimiter)
      .filter((dir) => !onPath('promtool', dir) && !onPath('amtool', dir))
      .join(delimiter);
    const bare = project();
    const run = await runCli(['check', '--root', bare.root], REPO, { env: { ...process.env, PATH: withoutTools } });
    expect(run.status).toBe(1);
    for (const title of ['promtool check rules', 'promtool check config', 'promtool test rules', 'amtool check-config']) expect(stepLine(run.stderr, title)).toMatch(/^FAILED /);
    expect(run.stderr).toContain('promtool was not found (looked in');
    expect(run.stderr).toContain('install Prometheus (Debian/Ubuntu: `apt-get install prometheus`');
    expect(run.stderr).toContain('amtool was not found');
    expect(run.stderr).toContain('with `npx sextant tools`');
  });

  it('traces a rule file promtool\'s linter refuses (a duplicate rule) to its alert', async () => {
    const context = createContext(project().root);
    const withDuplicate = {
      ...context,
      async rendered() {
        const rendered = await context.rendered();
        const file = join(rendered!.dir, 'prometheus/rules/case.rules.yml');
        const text = readFileSync(file, 'utf8');
        // The alert, once more in its group: valid YAML and PromQL that only the linter refuses.
        appendFileSync(file, text.slice(text.indexOf('      - alert: RequestsHigh')));
        return rendered;
      },
    };
    try {
      const outcome = await promtoolLintStep.run(withDuplicate);
      expect(outcome.status).toBe('failed');
      const lines = outcome.status === 'failed' ? outcome.lines.join('\n') : '';
      expect(lines).toContain("alerts/case.ts: alert RequestsHigh: promtool's linter (duplicate-rules) refuses the rule file: 1 duplicate rule(s)");
      expect(lines).toContain('[promtool-lint]');
    } finally {
      context.dispose();
    }
  });
});
