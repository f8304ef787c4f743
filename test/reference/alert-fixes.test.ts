/**
 * Reference project: issue #17's review of its alerts, replayed: promtool tests at the production scrape interval (15 s), written
 * outside the project's own tests, against the generated rules. Each case is one class the review
 * found (an alert that could not fire, one that went quiet when it mattered, one that paged on noise)
 * and must now come out the other way.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { runCommand } from '../helpers/command.ts';
import { REPO } from '../helpers/project.ts';

const RULES = join(REPO, 'generated/prometheus/rules');
const scratch = mkdtempSync(join(tmpdir(), 'sextant-alert-fixes-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const WORKER = 'job="worker", instance="worker:9464"';
const API = 'job="api", instance="api:9464"';

/** The alert's ALERTS series at `at`, by state, after `series` sampled every 15 s. */
async function alertStates(rules: string, alertname: string, series: Record<string, string>, at: string): Promise<string> {
  const file = join(scratch, `${alertname}-${Object.keys(series).length}-${at}.test.yml`);
  const test = {
    rule_files: [join(RULES, `${rules}.rules.yml`)],
    evaluation_interval: '15s',
    tests: [
      {
        interval: '15s',
        input_series: Object.entries(series).map(([name, values]) => ({ series: name, values })),
        // An impossible expectation: promtool then prints what it got, which the cases read.
        promql_expr_test: [{ expr: `count by (alertstate) (ALERTS{alertname="${alertname}"}) or vector(-1)`, eval_time: at, exp_samples: [{ labels: '{}', value: -2 }] }],
      },
    ],
  };
  writeFileSync(file, yaml.dump(test));
  const result = await runCommand('promtool', ['test', 'rules', file], { cwd: scratch });
  const got = result.output.slice(result.output.indexOf('got:'));
  return /alertstate="(\w+)"/.exec(got)?.[1] ?? (got.includes('{} -1E+00') ? 'silent' : result.output);
}

/** `n` repetitions of a cycle written in promtool notation (`1 1 1 1 2`). */
const repeat = (cycle: string, n: number) => Array.from({ length: n }, () => cycle).join(' ');

describe('alerts that could not fire now fire', () => {
  it('a breaker cycling 60 s open and 15 s half-open, for 10 minutes, fires', async () => {
    const state = repeat('1 1 1 1 2', 8);
    expect(await alertStates('circuit_breaker', 'CircuitBreakerOpen', { [`taskforge_circuit_breaker_state{${API}, service="database"}`]: state }, '9m')).toBe('firing');
  });

  it("the workers' series gone (the process crashed) fires NoActiveWorkers", async () => {
    expect(await alertStates('worker', 'NoActiveWorkers', { [`taskforge_queue_length{${WORKER}, queue="default"}`]: '5x40' }, '5m')).toBe('firing');
  });

  it('the event queue at its capacity (what the exporter caps it at) fires the critical alert', async () => {
    expect(await alertStates('eventbus', 'EventQueueDepthCritical', { [`taskforge_event_bus_queue_depth{${WORKER}, transport="in_memory"}`]: '10000x40' }, '5m')).toBe('firing');
  });
});

describe('alerts that paged on noise stay quiet', () => {
  it('one idle worker replica while another works does not page', async () => {
    const series = { [`taskforge_workers_running{${WORKER}, queue="default"}`]: '0x40', [`taskforge_workers_running{job="worker", instance="worker-2:9464", queue="default"}`]: '2x40' };
    expect(await alertStates('worker', 'NoActiveWorkers', series, '5m')).toBe('silent');
  });

  it('one 5xx among six requests in 5 minutes does not page', async () => {
    const series = {
      [`taskforge_http_requests_total{${API}, method="GET", route="/api/v1/tasks", status_code="200"}`]: '0+0.25x60',
      [`taskforge_http_requests_total{${API}, method="GET", route="/api/v1/tasks", status_code="500"}`]: '0+0.05x60',
    };
    expect(await alertStates('http', 'HttpErrorRatioHigh', series, '12m')).toBe('silent');
  });

  it("Prometheus's own memory does not fire the application's process alert", async () => {
    expect(await alertStates('runtime', 'ProcessMemoryHigh', { 'process_resident_memory_bytes{job="prometheus", instance="localhost:9090"}': '2e9x80' }, '15m')).toBe('silent');
  });

  it('a breaker open for a minute that closes again does not alert', async () => {
    const state = `${repeat('1', 4)} ${repeat('0', 36)}`;
    expect(await alertStates('circuit_breaker', 'CircuitBreakerOpen', { [`taskforge_circuit_breaker_state{${API}, service="database"}`]: state }, '9m')).toBe('silent');
  });
});

describe('one page per incident: the alert that supersedes another fires first', () => {
  it('the worker process crashed: JobDown fires while NoActiveWorkers, which it supersedes, is still pending', async () => {
    // Scrapes fail from 10m15s: up is 0 and the workers' series go stale.
    const series = { [`up{${WORKER}}`]: '1x40 0x40', [`up{${API}}`]: '1x80', [`taskforge_workers_running{${WORKER}, queue="default"}`]: '1x40 stale' };
    expect(await alertStates('targets', 'JobDown', series, '12m30s')).toBe('firing');
    expect(await alertStates('worker', 'NoActiveWorkers', series, '12m30s')).toBe('pending');
  });

  it('every request fails after a healthy hour: HttpErrorRatioHigh fires while the availability SLO page it supersedes is pending', async () => {
    // 10 requests a second; from 60m15s every one is a 5xx.
    const series = {
      [`taskforge_http_requests_total{${API}, method="GET", route="/api/v1/tasks", status_code="200"}`]: '0+150x240 36000x20',
      [`taskforge_http_requests_total{${API}, method="GET", route="/api/v1/tasks", status_code="500"}`]: '0x240 0+150x20',
    };
    expect(await alertStates('http', 'HttpErrorRatioHigh', series, '63m')).toBe('firing');
    expect(await alertStates('slo_http_availability', 'HttpAvailabilityBurnRate1h', series, '63m')).toBe('pending');
  });
});

