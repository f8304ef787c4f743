/**
 * Exporter figures: the cost of the typed instruments (label guard included) against raw
 * prom-client, measured in interleaved rounds, and the time to render /metrics.
 */
import { performance } from 'node:perf_hooks';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { createMetrics } from '../exporter/instruments/index.ts';
import http from '../catalog/http.ts';

const ROUNDS = 15;
const CALLS = 200_000;
const ROUTES = ['/api/v1/tasks', '/api/v1/tasks/:id', '/auth/login'] as const;

/** The middle of a set of timings: one slow round on the shared machine does not move it. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * Ns per loop iteration (one counter increment and one histogram observation with labels) through
 * the typed instruments and through raw prom-client metrics of the same names, labels and buckets.
 * Best of alternating rounds: the round the shared machine disturbed least.
 */
export function instrumentOverhead(): { typedNs: number; rawNs: number; ratio: number } {
  const { instruments } = createMetrics({ runtime: false });
  const registry = new Registry();
  const { requests, requestDuration } = http.metrics;
  const rawCounter = new Counter({ name: 'raw_requests_total', help: requests.help, labelNames: Object.keys(requests.labels), registers: [registry] });
  const rawHistogram = new Histogram({
    name: 'raw_duration_seconds',
    help: requestDuration.help,
    labelNames: Object.keys(requestDuration.labels),
    buckets: [...requestDuration.buckets!],
    registers: [registry],
  });
  // Both sides hold their instruments in variables, as instrumented code does.
  const typedCounter = instruments.http.requests;
  const typedHistogram = instruments.http.requestDuration;
  const typed = () => {
    for (let i = 0; i < CALLS; i++) {
      const route = ROUTES[i % 3]!;
      typedCounter.inc({ method: 'GET', route, status_code: '200' });
      typedHistogram.observe({ method: 'GET', route }, 0.01);
    }
  };
  const raw = () => {
    for (let i = 0; i < CALLS; i++) {
      const route = ROUTES[i % 3]!;
      rawCounter.inc({ method: 'GET', route, status_code: '200' });
      rawHistogram.observe({ method: 'GET', route }, 0.01);
    }
  };
  // Garbage from one side must not be collected on the other's clock (bench runs with --expose-gc).
  const collect = (globalThis as { gc?: () => void }).gc ?? (() => {});
  const time = (run: () => void) => {
    collect();
    const start = performance.now();
    run();
    return ((performance.now() - start) * 1e6) / CALLS;
  };
  let typedNs = Infinity;
  let rawNs = Infinity;
  for (let round = 0; round < ROUNDS; round++) {
    rawNs = Math.min(rawNs, time(raw));
    typedNs = Math.min(typedNs, time(typed));
  }
  return { typedNs, rawNs, ratio: typedNs / rawNs };
}

/** Median ms to render the exporter's /metrics with every declared label set of the catalogue recorded. */
export async function referenceRenderMs(): Promise<{ ms: number; series: number }> {
  const { registry, instruments } = createMetrics();
  const { requests, requestDuration } = http.metrics;
  for (const method of requests.labels.method) {
    for (const route of requests.labels.route) {
      requestDuration.buckets!.forEach((b) => instruments.http.requestDuration.observe({ method, route }, b));
      for (const status_code of requests.labels.status_code) instruments.http.requests.inc({ method, route, status_code });
    }
  }
  return { ms: await renderMs(registry), series: (await registry.getMetricsAsJSON()).reduce((n, m) => n + m.values.length, 0) };
}

/** Median ms to render a registry of `series` gauge series. */
export async function syntheticRenderMs(series: number): Promise<number> {
  const registry = new Registry();
  const perGauge = 1_000;
  for (let g = 0; g < series / perGauge; g++) {
    const gauge = new Gauge({ name: `synthetic_gauge_${g}`, help: 'Synthetic.', labelNames: ['shard', 'zone'], registers: [registry] });
    for (let i = 0; i < perGauge; i++) gauge.set({ shard: String(i), zone: `z${i % 7}` }, i);
  }
  return renderMs(registry);
}

async function renderMs(registry: Registry): Promise<number> {
  const times: number[] = [];
  await registry.metrics();
  for (let run = 0; run < 5; run++) {
    const start = performance.now();
    await registry.metrics();
    times.push(performance.now() - start);
  }
  return median(times);
}
