/** The exporter's /metrics text against promtool's linter, and label values that need escaping. */
import { Gauge, Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { createMetrics } from '../../../exporter/instruments/index.ts';
import { parseExposition } from '../../../generator/exposition/parse.ts';
import { runCommand } from '../../helpers/command.ts';

const checkMetrics = (text: string) => runCommand('promtool', ['check', 'metrics'], { input: text });

describe('promtool check metrics', () => {
  it('passes on the metrics the catalogue defines, with values recorded', async () => {
    const { registry, instruments } = createMetrics({ runtime: false });
    instruments.http.requests.inc({ method: 'POST', route: '/api/v1/tasks', status_code: '201' });
    instruments.jobs.processingDuration.observe({ queue: 'default', job_type: 'email' }, 0.02);
    instruments.queue.length.set({ queue: 'bulk' }, 3);
    const result = await checkMetrics(await registry.metrics());
    expect(result.output).toBe('');
    expect(result.code).toBe(0);
  });

  it('flags what breaks the conventions, so the check above can fail', async () => {
    const registry = new Registry();
    new Gauge({ name: 'requests_total', help: 'A gauge named like a counter.', registers: [registry] }).set(1);
    new Gauge({ name: 'latency_milliseconds', help: 'Not a base unit.', registers: [registry] }).set(1);
    const result = await checkMetrics(await registry.metrics());
    expect(result.code).not.toBe(0);
  });

  it('escapes quotes, backslashes, newlines and non-ASCII label values as the format requires', async () => {
    const registry = new Registry();
    const value = 'say "hi" \\ to\nthe café ☕';
    new Gauge({ name: 'escaping_test', help: 'Label escaping.', labelNames: ['text'], registers: [registry] }).set({ text: value }, 1);
    const text = await registry.metrics();
    expect(text).toContain('text="say \\"hi\\" \\\\ to\\nthe café ☕"');
    expect((await checkMetrics(text)).code).toBe(0);
    expect(parseExposition(text).get('escaping_test')?.samples[0]?.labels.text).toBe(value);
  });
});
