/**
 * The Prometheus and Alertmanager configurations the engine renders, checked by the real tools on the
 * fixture project: promtool check config (rule files included), amtool check-config, and amtool's
 * route test sending each severity to its receiver. The reference's own are in test/reference/configs.test.ts.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runPipeline } from '../generator/pipeline.ts';
import { runCommand } from './helpers/command.ts';
import { FIXTURE_PROJECT } from './helpers/project.ts';

const out = mkdtempSync(join(tmpdir(), 'sextant-configs-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('the rendered configurations under the real tools', async () => {
  const result = await runPipeline(FIXTURE_PROJECT);
  if (!result.ok) throw new Error('the fixture project is invalid');
  for (const file of result.files) {
    mkdirSync(dirname(join(out, file.path)), { recursive: true });
    writeFileSync(join(out, file.path), file.content);
  }

  it.each(['prometheus.yml', 'prometheus.hosts.yml'])('%s passes promtool check config, its rule files included', async (file) => {
    const check = await runCommand('promtool', ['check', 'config', file], { cwd: join(out, 'prometheus') });
    expect(check.code, check.output).toBe(0);
    expect(check.output.match(/SUCCESS: \d+ rules found/g)).toHaveLength(result.model.rules.length);
  });

  it('a configuration naming a rule file that is not there fails promtool, so the check above can fail', async () => {
    writeFileSync(join(out, 'prometheus/broken.yml'), 'rule_files:\n  - rules/missing.rules.yml\n');
    const check = await runCommand('promtool', ['check', 'config', 'broken.yml'], { cwd: join(out, 'prometheus') });
    expect(check.code).not.toBe(0);
  });

  it('alertmanager.yml passes amtool check-config', async () => {
    const check = await runCommand('amtool', ['check-config', 'alertmanager.yml'], { cwd: join(out, 'alertmanager') });
    expect(check.code, check.output).toBe(0);
  });

  it.each([
    { labels: ['severity=critical'], receiver: 'page' },
    { labels: ['severity=warning'], receiver: 'ticket' },
    { labels: ['severity=info'], receiver: 'info' },
    { labels: [], receiver: 'ticket' },
    { labels: ['severity=critical', 'notify=meta'], receiver: 'meta' },
  ])('routes alerts labelled $labels to $receiver', async ({ labels, receiver }) => {
    const routed = await runCommand('amtool', ['config', 'routes', 'test', '--config.file=alertmanager.yml', ...labels, 'alertname=Any'], { cwd: join(out, 'alertmanager') });
    expect(routed.stdout.trim()).toBe(receiver);
  });
});
