/**
 * Both exporter roles as real processes: /metrics and the catalogue agree both ways, every
 * application metric has live values, and bad input gets a clear 4xx, never a crash.
 */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_CATALOGUE } from '../../../exporter/instruments/catalogue.ts';
import runtime from '../../../catalog/runtime.ts';
import { compareDomain, uncatalogued } from '../../../generator/exposition/compare.ts';
import { parseExposition, type Family } from '../../../generator/exposition/parse.ts';
import { catalogueResolver } from '../../../generator/model/build.ts';
import config from '../../../sextant.config.ts';
import { ADMIN_TOKEN, startExporter, type ExporterProcess } from '../helpers/exporter.ts';
import { waitFor } from '../../helpers/servers.ts';

let worker: ExporterProcess;
let api: ExporterProcess;
const fast = { EXPORTER_TICK_MS: '200', EXPORTER_LOAD: '30' };
/** Empty in a healthy system by design: it counts instrumentation bugs. */
const resolver = catalogueResolver(Object.values(APP_CATALOGUE), config.namespace);
const QUIET = new Set([resolver.name(APP_CATALOGUE.instrumentation.metrics.labelValuesFolded)]);

/** The catalogue's application domains with exposed (namespaced) names, as compareDomain expects. */
const appDomains = Object.values(APP_CATALOGUE).map((domain) => ({
  ...domain,
  metrics: Object.fromEntries(Object.entries(domain.metrics).map(([key, metric]) => [key, { ...metric, name: resolver.name(metric) }])),
}));
const appNames = appDomains.flatMap((domain) => Object.values(domain.metrics).map((metric) => metric.name));

async function scrape(exporter: ExporterProcess): Promise<Map<string, Family>> {
  return parseExposition(await (await fetch(`${exporter.url}/metrics`)).text());
}

async function union(): Promise<Map<string, Family>> {
  const merged = new Map<string, Family>();
  for (const families of [await scrape(api), await scrape(worker)]) {
    for (const [name, family] of families) {
      const existing = merged.get(name);
      merged.set(name, existing ? { ...existing, samples: [...existing.samples, ...family.samples] } : family);
    }
  }
  return merged;
}

beforeAll(async () => {
  worker = await startExporter({ EXPORTER_ROLE: 'worker', ...fast });
  api = await startExporter({ EXPORTER_ROLE: 'api', EXPORTER_WORKER_URL: worker.url, ...fast });
});

afterAll(async () => {
  await api?.stop();
  await worker?.stop();
});

describe('the exporter roles against the catalogue', () => {
  it('give every application metric live values between them', async () => {
    await waitFor('every application metric to have samples', async () => {
      const families = await union();
      return appNames.every((name) => QUIET.has(name) || (families.get(name)?.samples.length ?? 0) > 0);
    });
    const families = await union();
    expect(appNames.filter((name) => !families.has(name))).toEqual([]);
  });

  it('expose the catalogued types, label names and declared values', async () => {
    const families = await union();
    expect(appDomains.flatMap((domain) => compareDomain(domain, families))).toEqual([]);
  });

  it('expose nothing the catalogue lacks, prom-client defaults included', async () => {
    for (const exporter of [api, worker]) expect(uncatalogued([...appDomains, runtime], await scrape(exporter))).toEqual([]);
  });

  it('record route templates, never raw paths', async () => {
    const routesSeen = async () => new Set((await scrape(api)).get(`${config.namespace}_http_requests_total`)!.samples.map((s) => s.labels.route));
    // The built-in load reads a task now and then (about a third of its requests): wait for one, not for luck.
    await waitFor('a task read by the load generator', async () => (await routesSeen()).has('/api/v1/tasks/:id')).catch(() => {});
    const routes = await routesSeen();
    expect([...routes].every((route) => !/[0-9a-f]{8}-/.test(route ?? ''))).toBe(true);
    expect(routes.has('/api/v1/tasks/:id')).toBe(true);
  });

  it('record a method outside the vocabulary as other, by design: no instrumentation bug is counted', async () => {
    const response = await fetch(`${api.url}/api/v1/tasks`, { method: 'PROPFIND' });
    expect(response.status).toBe(405);
    const families = await scrape(api);
    const requests = families.get(`${config.namespace}_http_requests_total`)!.samples;
    expect(requests.some((s) => s.labels.method === 'other' && s.labels.route === '/api/v1/tasks' && s.labels.status_code === '405')).toBe(true);
    const folded = families.get(resolver.name(APP_CATALOGUE.instrumentation.metrics.labelValuesFolded))?.samples ?? [];
    expect(folded.filter((s) => s.labels.label === 'method')).toEqual([]);
  });

  it('leave /metrics itself out of the HTTP metrics', async () => {
    const families = await scrape(api);
    expect(families.get(`${config.namespace}_http_requests_total`)!.samples.some((s) => s.labels.route === '/metrics')).toBe(false);
  });
});

describe('bad requests get a clear 4xx and the exporter keeps serving', () => {
  const send = (path: string, init: RequestInit = {}) => fetch(api.url + path, init);
  /** An admin request, with the token the test exporters take. */
  const admin = (init: RequestInit = {}) => send('/admin/faults', { ...init, headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${ADMIN_TOKEN}` } });
  const json = (body: unknown) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });

  it.each([
    { name: 'an unknown route is 404', path: '/nope', init: {}, status: 404 },
    { name: 'a method a route does not take is 405', path: '/api/v1/tasks/abc', init: { method: 'DELETE' }, status: 405 },
    { name: 'malformed JSON is 400', path: '/api/v1/tasks', init: json('{"type": '), status: 400 },
    { name: 'a body that is not JSON is 415', path: '/api/v1/tasks', init: { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hello' }, status: 415 },
    { name: 'a body over 64 KiB is 413', path: '/api/v1/tasks', init: json({ type: 'email', padding: 'x'.repeat(70_000) }), status: 413 },
    { name: 'an unknown task type is 422', path: '/api/v1/tasks', init: json({ type: 'rocket' }), status: 422 },
    { name: 'a JSON array body is 400', path: '/api/v1/tasks', init: json([1, 2]), status: 400 },
    { name: 'a malformed percent-encoding in a path is 400', path: '/api/v1/tasks/%E0%A4%A', init: {}, status: 400 },
    { name: 'a lone percent sign in a path is 400', path: '/api/v1/tasks/100%', init: {}, status: 400 },
    { name: 'an admin request without the token is 401', path: '/admin/faults', init: { ...json({ errors: 1 }), method: 'PUT' }, status: 401 },
    { name: 'an admin request without the token is 401 whatever its body (no JSON type)', path: '/admin/faults', init: { method: 'PUT', body: 'errors=1' }, status: 401 },
    { name: 'an oversized admin request without the token is 401, not 413', path: '/admin/faults', init: { ...json({ padding: 'x'.repeat(70_000) }), method: 'PUT' }, status: 401 },
    { name: 'an admin request with a wrong token is 403 whatever its body', path: '/admin/faults', init: { method: 'PUT', body: 'not json', headers: { authorization: 'Bearer not-the-token-at-all' } }, status: 403 },
    { name: 'reading the switches without the token is 401', path: '/admin/faults', init: {}, status: 401 },
    { name: 'clearing the switches without the token is 401', path: '/admin/faults', init: { method: 'DELETE' }, status: 401 },
    { name: 'an admin request with a wrong token is 403', path: '/admin/faults', init: { ...json({ errors: 1 }), method: 'PUT', headers: { 'content-type': 'application/json', authorization: 'Bearer not-the-token-at-all' } }, status: 403 },
    { name: 'an admin request with another scheme is 401', path: '/admin/faults', init: { ...json({ errors: 1 }), method: 'PUT', headers: { 'content-type': 'application/json', authorization: `Basic ${ADMIN_TOKEN}` } }, status: 401 },
  ])('$name', async ({ path, init, status }) => {
    const response = await send(path, init as RequestInit);
    expect(response.status).toBe(status);
    expect(((await response.json()) as { error: string }).error).toMatch(/\w/);
    expect((await send('/healthz')).status).toBe(200);
  });

  it.each([
    { name: 'an unknown fault switch is 400', init: { ...json({ melt: true }), method: 'PUT' } },
    { name: 'a fault value out of range is 400', init: { ...json({ errors: 2 }), method: 'PUT' } },
    { name: 'a fault value in hexadecimal is 400', init: { ...json({ circuit_open: '0x1' }), method: 'PUT' } },
    { name: 'a fault value with spaces is 400', init: { ...json({ errors: ' 1' }), method: 'PUT' } },
    { name: 'a ratio given as true is 400: only flags take true or false', init: { ...json({ errors: true }), method: 'PUT' } },
    { name: 'a malformed admin request is 400', init: { ...json('not json'), method: 'PUT' } },
  ])('with the token, $name', async ({ init }) => {
    const response = await admin(init as RequestInit);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toMatch(/\w/);
    expect(((await (await admin()).json()) as { faults: { value: number }[] }).faults.every((fault) => fault.value === 0)).toBe(true);
  });

  it('asks for a bearer token when none is sent', async () => {
    const response = await send('/admin/faults');
    expect(response.headers.get('www-authenticate')).toBe('Bearer realm="exporter admin"');
  });

  it('answers a request target no URL parser takes with 400 and keeps serving', async () => {
    const port = Number(new URL(api.url).port);
    const answer = await new Promise<string>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => socket.write('GET //[ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'));
      let data = '';
      socket.on('data', (chunk) => (data += chunk.toString()));
      socket.on('close', () => resolve(data));
    });
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect((await send('/healthz')).status).toBe(200);
  });

  it('answers a malformed request line with 400 and keeps serving', async () => {
    const port = Number(new URL(api.url).port);
    const answer = await new Promise<string>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => socket.write('THIS IS NOT HTTP\r\n\r\n'));
      let data = '';
      socket.on('data', (chunk) => (data += chunk.toString()));
      socket.on('close', () => resolve(data));
    });
    expect(answer).toContain('400 Bad Request');
    expect((await send('/healthz')).status).toBe(200);
  });

  it('lists the fault switches with the alerts each should fire', async () => {
    const body = (await (await admin()).json()) as { faults: { name: string; alerts: string[] }[] };
    expect(body.faults.find((f) => f.name === 'errors')?.alerts).toContain('HttpErrorRatioHigh');
  });

  it('answers 500 on API requests while the errors switch is on', async () => {
    await admin({ ...json({ errors: 1 }), method: 'PUT' });
    try {
      expect((await send('/api/v1/tasks')).status).toBe(500);
      expect((await send('/healthz')).status).toBe(200);
    } finally {
      await admin({ method: 'DELETE' });
    }
    expect((await send('/api/v1/tasks')).status).toBe(200);
  });
});
