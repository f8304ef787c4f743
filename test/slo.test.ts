/**
 * What an SLO compiles to: the burn-rate alerts compare the SRE workbook's window pairs with
 * factor × error budget, the tests promtool runs are derived from the objective, and the options
 * (windows, low-traffic minimum) change what is generated.
 */
import { describe, expect, it } from 'vitest';
import { defineSlo, events, latencySli, ratioSli } from 'sextant';
import httpSlos, { availability, http } from './fixtures/slos.ts';
import { compileSlo } from '../generator/slo/compile.ts';
import { compileSlos } from '../generator/slo/index.ts';
import type { DashboardDef } from '../generator/dsl/dashboards.ts';
import { sloProblems } from '../generator/slo/validate.ts';
import { queryText } from './helpers/query.ts';

const NAMESPACE = 'taskforge';
const exprOf = (slo: typeof availability, name: string) => queryText(compileSlo(slo, NAMESPACE).rules.alerts.find((a) => a.name === name)!.expr, NAMESPACE);
const { requests, requestDuration } = http.metrics;

describe('burn-rate alerts of a 99.9 % objective', () => {
  it('the fast-burn page compares the 1h and 5m error ratios with 14.4 × 0.001', () => {
    const expr = exprOf(availability, 'HttpAvailabilityBurnRate1h');
    expect(expr).toContain(':taskforge_slo_http_availability_errors:ratio_rate1h > (14.4 * 0.001)');
    expect(expr).toContain(':taskforge_slo_http_availability_errors:ratio_rate5m > (14.4 * 0.001)');
  });

  it('the slow-burn ticket compares the 3d and 6h error ratios with 1 × 0.001', () => {
    const expr = exprOf(availability, 'HttpAvailabilityBurnRate3d');
    expect(expr).toContain(':taskforge_slo_http_availability_errors:ratio_rate3d > (1 * 0.001)');
    expect(expr).toContain(':taskforge_slo_http_availability_errors:ratio_rate6h > (1 * 0.001)');
  });

  it('pages on the 1h and 6h pairs and files tickets on the 1d and 3d pairs', () => {
    const severities = compileSlo(availability, NAMESPACE).rules.alerts.map((a) => `${a.name} ${a.severity}`);
    expect(severities).toEqual(['HttpAvailabilityBurnRate1h critical', 'HttpAvailabilityBurnRate6h critical', 'HttpAvailabilityBurnRate1d warning', 'HttpAvailabilityBurnRate3d warning']);
  });

  it('records the error ratio over every window the alerts read, and over the period', () => {
    const records = compileSlo(availability, NAMESPACE).rules.recording.map((rule) => rule.record);
    expect(records).toEqual([...['5m', '30m', '1h', '2h', '6h', '1d', '3d', '30d'].map((w) => `:slo_http_availability_errors:ratio_rate${w}`), ':slo_http_availability_error_budget:remaining30d']);
  });
});

const base = {
  name: 'case', title: 'Case', service: 'api', team: 'platform', description: 'Good requests.', whenExhausted: 'fix it.', objective: 0.99,
  sli: ratioSli({ bad: events(requests, { status_code: '500' }), total: events(requests) }),
};

describe('generated tests', () => {
  const slo = defineSlo(base);
  const page = compileSlo(slo, NAMESPACE).rules.alerts[0]!;
  /** The bad share a test's input series make: the bad series' step over the sum of both steps. */
  const ratioOf = (name: string) => {
    const [bad, good] = page.tests.find((t) => t.name === name)!.series.map((s) => Number(/^0\+([\d.e-]+)x/.exec(s.values)![1]));
    return bad! / (bad! + good!);
  };

  it('fire just above the burn factor and stay silent just below it', () => {
    const threshold = 14.4 * 0.01;
    expect(ratioOf('a burn rate just above 14.4×')).toBeGreaterThan(threshold);
    expect(ratioOf('a burn rate just above 14.4×')).toBeLessThan(threshold * 1.02);
    expect(ratioOf('a burn rate just below 14.4×')).toBeLessThan(threshold);
    expect(ratioOf('a burn rate just below 14.4×')).toBeGreaterThan(threshold * 0.98);
  });

  it('cover firing, silence, the for and the low-traffic guard', () => {
    expect(page.tests.map((t) => `${t.kind} at ${t.at}`)).toEqual(['fires at 4m', 'silent at 4m', 'pending at 2m', 'silent at 4m']);
  });

  it('drop the guard and its test when minEvents is 0', () => {
    const unguarded = compileSlo(defineSlo({ ...base, minEvents: 0 }), NAMESPACE).rules.alerts[0]!;
    expect(queryText(unguarded.expr, NAMESPACE)).not.toContain('increase');
    expect(unguarded.tests.map((t) => t.kind)).toEqual(['fires', 'silent', 'pending']);
  });

  it('carry enough events to clear a large low-traffic minimum', () => {
    const guarded = compileSlo(defineSlo({ ...base, minEvents: 100_000 }), NAMESPACE).rules.alerts[0]!;
    const fires = guarded.tests.find((t) => t.kind === 'fires')!;
    const total = fires.series.reduce((sum, s) => sum + Number(/^0\+([\d.e-]+)x/.exec(s.values)![1]), 0);
    expect(total * 4).toBeGreaterThanOrEqual(2 * 100_000);
  });

  it('follow windows overridden per SLO', () => {
    const custom = compileSlo(defineSlo({ ...base, alerting: { page: [{ factor: 10, long: '2h', short: '10m', for: '5m' }], ticket: [] } }), NAMESPACE).rules;
    expect(custom.alerts.map((a) => a.name)).toEqual(['CaseBurnRate2h']);
    expect(queryText(custom.alerts[0]!.expr, NAMESPACE)).toContain(':taskforge_slo_case_errors:ratio_rate10m > (10 * 0.01)');
  });
});

describe('SLO definitions', () => {
  const cases: [string, Parameters<typeof defineSlo>[0], string | undefined][] = [
    ['a 99.9 % availability SLO over a counter is accepted', base, undefined],
    ['a latency SLI at a bucket boundary is accepted', { ...base, sli: latencySli({ histogram: requestDuration, threshold: 0.5 }) }, undefined],
    ['a latency SLI between boundaries names the nearest ones', { ...base, sli: latencySli({ histogram: requestDuration, threshold: 0.3 }) }, 'nearest: 0.25 and 0.5'],
    ['an objective of 1 leaves no budget', { ...base, objective: 1 }, 'strictly between 0 and 1'],
    ['a window longer than the period is refused', { ...base, period: '7d', alerting: { ticket: [{ factor: 1, long: '14d', short: '1d', for: '1h' }] } }, 'longer than the period'],
    ['a short window not shorter than the long one is refused', { ...base, alerting: { page: [{ factor: 14.4, long: '1h', short: '1h', for: '2m' }] } }, 'shorter than the long one'],
    ['a negative minimum of events is refused', { ...base, minEvents: -1 }, 'minEvents -1'],
    ['an SLO without what to do when the budget runs out is refused', { ...base, whenExhausted: ' ' }, 'whenExhausted is empty'],
    ['an objective written as a string is refused', { ...base, objective: '0.99' as unknown as number }, 'objective "0.99" must be a share'],
    ['a burn factor the ratio can never reach is refused', { ...base, alerting: { page: [{ factor: 100, long: '1h', short: '5m', for: '2m' }] } }, 'which can never be exceeded'],
    ['a misspelt alerting key is named, not dropped', { ...base, alerting: { pgae: [] } as never }, "unknown key 'pgae' in alerting"],
    ['a misspelt key of a burn window is named', { ...base, alerting: { page: [{ factor: 14.4, long: '1h', short: '5m', for: '2m', fro: '5m' } as never] } }, "unknown key 'fro' in the burn window"],
    ['a misspelt key of a ratio SLI is named', { ...base, sli: ratioSli({ total: events(requests), bad: events(requests, { status_code: '500' }), godo: 1 } as never) }, "unknown key 'godo' in ratioSli()"],
    ['a latency threshold written as a string is refused', { ...base, sli: latencySli({ histogram: requestDuration, threshold: '0.5' as unknown as number }) }, 'threshold "0.5" must be a number, one of the bucket boundaries of http_request_duration_seconds'],
    ['two window pairs with one long window are refused', { ...base, alerting: { page: [{ factor: 14.4, long: '1h', short: '5m', for: '2m' }], ticket: [{ factor: 3, long: '1h', short: '10m', for: '5m' }] } }, 'two window pairs share the long window 1h'],
  ];
  it.each(cases)('%s', (_, input, message) => {
    const problems = sloProblems(defineSlo(input));
    if (message === undefined) expect(problems).toEqual([]);
    else expect(problems.join('\n')).toContain(message);
  });
});

describe('the SLO dashboard folder', () => {
  it.each([
    { folders: ['Overview', 'Service'], expected: 'Overview' },
    // A project without an Overview folder gets the dashboard in its first one, never a folder it lacks.
    { folders: ['Payments', 'Platform'], expected: 'Payments' },
  ])('is $expected among $folders', ({ folders, expected }) => {
    const { dashboards, problems } = compileSlos([{ file: 'slos/http.ts', value: httpSlos }], 'taskforge', folders);
    expect(problems).toEqual([]);
    expect((dashboards[0]!.value as DashboardDef).folder).toBe(expected);
  });
});
