/**
 * The global scrape_timeout follows the configured scrape interval: Prometheus's default of 10s
 * may not exceed the interval, so a 5s interval with a fixed 10s timeout was an invalid
 * prometheus.yml. promtool is the judge.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defineScrapeJob, gauge } from '../generator/index.ts';
import { buildScrapeJobs } from '../generator/model/scrape.ts';
import { globalScrapeTimeout, prometheusConfig } from '../generator/render/prometheus-config.ts';
import { toYaml } from '../generator/render/yaml.ts';
import { modelOf } from './helpers/check-table.ts';
import { runCommand } from './helpers/command.ts';

describe('the global scrape timeout', () => {
  it.each([
    ['15s', '10s'],
    ['10s', '10s'],
    ['5s', '5s'],
    ['1s', '1s'],
    ['500ms', '500ms'],
    ['1m', '10s'],
  ])('is %s → %s', (interval, timeout) => {
    expect(globalScrapeTimeout(interval)).toBe(timeout);
  });

  const dir = mkdtempSync(join(tmpdir(), 'sextant-timeout-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(['5s', '2s', '15s'])('a scrape interval of %s gives a prometheus.yml promtool accepts', async (scrapeInterval) => {
    const model = modelOf({ m: gauge({ name: 'g', help: 'h' }) }, 'app', { prometheus: { scrapeInterval } });
    const job = defineScrapeJob({ name: 'shop', targets: { compose: ['shop:8080'], hosts: ['127.0.0.1:8080'] }, sampleLimit: { samples: 10, reason: 'r' } });
    const withJob = { ...model, scrapeJobs: buildScrapeJobs([{ file: 'scrape/shop.ts', value: job }], model).jobs };
    const file = join(dir, `prometheus-${scrapeInterval}.yml`);
    writeFileSync(file, toYaml(prometheusConfig(withJob, 'hosts')));
    const check = await runCommand('promtool', ['check', 'config', '--syntax-only', file]);
    expect(check.code, check.output).toBe(0);
  });
});
