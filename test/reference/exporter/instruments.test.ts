import { describe, expect, it } from 'vitest';
import { parseExposition } from '../../../generator/exposition/parse.ts';
import { createMetrics } from '../../../exporter/instruments/index.ts';

describe('instruments built from the catalogue', () => {
  it('register every application metric under its catalogue name, in a registry of their own', async () => {
    const { registry } = createMetrics({ runtime: false });
    const families = parseExposition(await registry.metrics());
    expect(families.get('taskforge_http_requests_total')?.type).toBe('counter');
    expect(families.get('taskforge_job_processing_duration_seconds')?.type).toBe('histogram');
    expect(createMetrics({ runtime: false }).registry).not.toBe(registry);
  });

  it('record declared label values as they are', async () => {
    const { registry, instruments } = createMetrics({ runtime: false });
    instruments.http.requests.inc({ method: 'GET', route: '/api/v1/tasks', status_code: '200' });
    const sample = parseExposition(await registry.metrics()).get('taskforge_http_requests_total')!.samples[0]!;
    expect(sample.labels).toEqual({ method: 'GET', route: '/api/v1/tasks', status_code: '200' });
  });

  it('fold an undeclared value into other and count it', async () => {
    const { registry, instruments } = createMetrics({ runtime: false });
    const fromRequest = 'TRACE' as 'GET'; // a value the compiler cannot check: it came from a request
    instruments.http.requests.inc({ method: fromRequest, route: '/api/v1/tasks', status_code: '200' });
    const families = parseExposition(await registry.metrics());
    expect(families.get('taskforge_http_requests_total')!.samples[0]!.labels.method).toBe('other');
    expect(families.get('taskforge_instrumentation_label_values_folded_total')!.samples).toEqual([
      { name: 'taskforge_instrumentation_label_values_folded_total', labels: { metric: 'taskforge_http_requests_total', label: 'method', action: 'folded' }, value: 1 },
    ]);
  });

  it('drop a sample whose label has no other to fold into, and count it', async () => {
    const { registry, instruments } = createMetrics({ runtime: false });
    instruments.auth.registrations.inc({ status: 'pending' as 'success' });
    const families = parseExposition(await registry.metrics());
    expect(families.get('taskforge_auth_registrations_total')!.samples).toEqual([]);
    expect(families.get('taskforge_instrumentation_label_values_folded_total')!.samples[0]!.labels.action).toBe('dropped');
  });

  it('time an observation with startTimer', async () => {
    const { registry, instruments } = createMetrics({ runtime: false });
    const stop = instruments.cache.operationDuration.startTimer({ cache: 'task_cache', operation: 'get' });
    expect(stop()).toBeGreaterThanOrEqual(0);
    const count = parseExposition(await registry.metrics()).get('taskforge_cache_operation_duration_seconds')!.samples.find((s) => s.name.endsWith('_count'));
    expect(count?.value).toBe(1);
  });
});
