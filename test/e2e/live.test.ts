/**
 * The whole chain on real software: both exporter roles, Prometheus, Alertmanager and node_exporter
 * from this repository's generated definitions (rules in the e2e profile: shorter `for` and
 * windows, nothing else). Targets up, verify clean, every recording rule and dashboard panel with
 * data, every fault firing its alerts into Alertmanager and resolving, config reloads.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAULT_SWITCHES, type FaultName } from '../../exporter/faults.ts';
import { substituteVariables } from '../../generator/grafana/variables.ts';
import { E2E_PROFILE } from '../../generator/render/profile.ts';
import { verifyPrometheus, verifyTarget } from '../../generator/verify/index.ts';
import { STACK_JOBS, startStack, type Stack } from '../../stack/stack.ts';
import { readsOutsideTheLocalStack } from '../helpers/local-stack.ts';
import { freePort, waitFor } from '../helpers/servers.ts';
import { delivery, startWebhookReceiver, type WebhookReceiver } from '../helpers/webhook.ts';

const SCRAPE_SECONDS = 1;
let stack: Stack;
let webhook: WebhookReceiver;

async function query(expr: string): Promise<{ metric: Record<string, string>; value: [number, string] }[]> {
  const response = await fetch(`${stack.urls.prometheus}/api/v1/query`, { method: 'POST', body: new URLSearchParams({ query: expr }) });
  const body = (await response.json()) as { status: string; error?: string; data: { result: { metric: Record<string, string>; value: [number, string] }[] } };
  if (body.status !== 'success') throw new Error(`${expr}: ${body.error}`);
  return body.data.result;
}

async function setFaults(role: 'api' | 'worker', faults: Partial<Record<FaultName, number>> | null): Promise<void> {
  const url = `${stack.urls[role]}/admin/faults`;
  const authorization = `Bearer ${stack.adminToken}`;
  const response = await fetch(
    url,
    faults ? { method: 'PUT', headers: { authorization, 'content-type': 'application/json' }, body: JSON.stringify(faults) } : { method: 'DELETE', headers: { authorization } },
  );
  if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
}

const silentIo = { out: () => {}, err: (line: string) => console.error(line) };

beforeAll(async () => {
  webhook = await startWebhookReceiver();
  const ports = { api: await freePort(), worker: await freePort(), nodeExporter: await freePort(), prometheus: await freePort(), alertmanager: await freePort() };
  stack = await startStack({
    ports,
    profile: E2E_PROFILE,
    interval: `${SCRAPE_SECONDS}s`,
    webhookUrl: webhook.url,
    alertGrouping: '1s',
    exporter: { load: 30, workerLoad: 120, workers: 48, tickMs: 250 },
  });
}, 120_000);

afterAll(async () => {
  await stack?.stop();
  await webhook?.close();
});

describe('the live stack', () => {
  it('has every target up', async () => {
    await waitFor('every target up', async () => {
      const up = await query('up == 1');
      return STACK_JOBS.every((job) => up.some((series) => series.metric.job === job));
    });
  });

  it('matches the catalogue at every target and in Prometheus, both ways', async () => {
    // Some series appear only after the first scrapes and evaluations.
    await waitFor('verify to come out clean', async () => {
      const targets = await Promise.all([stack.urls.api, stack.urls.worker, stack.urls.nodeExporter, stack.urls.prometheus, stack.urls.alertmanager].map((url) => verifyTarget(stack.model, url, { out: () => {}, err: () => {} }, { timeoutSeconds: 10 })));
      return targets.every(Boolean) && (await verifyPrometheus(stack.model, stack.urls.prometheus, { out: () => {}, err: () => {} }, { timeoutSeconds: 10 }));
    }, { timeoutMs: 60_000, intervalMs: 1_000 });
    expect(await verifyPrometheus(stack.model, stack.urls.prometheus, silentIo, { timeoutSeconds: 10 })).toBe(true);
  });

  it('has data for every recording rule over what the local stack runs', async () => {
    // Rules over kube-state-metrics and cAdvisor, which run only in Kubernetes, are proven by promtool alone.
    const records = stack.model.rules
      .flatMap((file) => file.recording)
      .filter((rule) => !readsOutsideTheLocalStack(stack.model, rule))
      .map((rule) => rule.record);
    let empty: string[] = records;
    await waitFor('every recording rule to have data', async () => {
      empty = [];
      for (const record of records) if ((await query(record)).length === 0) empty.push(record);
      return empty.length === 0;
    }, { timeoutMs: 60_000, intervalMs: 1_000 }).catch(() => {});
    expect(empty).toEqual([]);
  });

  it('has data for every dashboard panel that a healthy system fills', async () => {
    // Panels over exporters the local stack does not run are proven on test series (dashboards-offline.test.ts).
    const queries = stack.model.dashboards.flatMap((dashboard) =>
      dashboard.panels
        .filter((panel) => !panel.quietWhenHealthy && !panel.targets.some((target) => readsOutsideTheLocalStack(stack.model, target)))
        .flatMap((panel) => panel.targets.map((target) => ({ where: `${dashboard.uid} "${panel.title}" ${target.refId}`, expr: substituteVariables(target.expr, SCRAPE_SECONDS) }))),
    );
    let empty: string[] = [];
    await waitFor('every panel to have data', async () => {
      empty = [];
      for (const { where, expr } of queries) if ((await query(expr)).length === 0) empty.push(where);
      return empty.length === 0;
    }, { timeoutMs: 60_000, intervalMs: 1_000 }).catch(() => {});
    expect(empty).toEqual([]);
  });
});

describe('faults fire their alerts into Alertmanager, and the alerts resolve', () => {
  const report: { fault: string; expected: string[]; received: string[]; fire: string; resolve: string }[] = [];
  afterAll(() => {
    console.log('\nFault            Alerts expected → received                                     Fire   Resolve');
    for (const row of report) console.log(`${row.fault.padEnd(17)}${`${row.expected.join(', ')} → ${row.received.join(', ')}`.padEnd(62)}${row.fire.padStart(6)}  ${row.resolve.padStart(7)}`);
  });

  /** Switches `faults` on, waits for the delivered alerts, switches them off, waits for resolution. */
  async function exercise(on: () => Promise<void>, off: () => Promise<void>, alertsOf: (fault: FaultName | 'target_down') => readonly string[], names: readonly (FaultName | 'target_down')[]) {
    const expected = [...new Set(names.flatMap(alertsOf))];
    const superseded = new Set(stack.model.rules.flatMap((f) => f.alerts).filter((a) => expected.includes(a.name)).flatMap((a) => a.supersedes));
    const delivered = expected.filter((name) => !superseded.has(name));
    const severityOf = new Map(stack.model.rules.flatMap((f) => f.alerts.map((a) => [a.name, a.severity] as const)));
    const start = Date.now();
    await on();
    // Inhibited alerts (superseded by a critical one) fire in Prometheus but are not delivered.
    await waitFor(`firing: ${expected.join(', ')}`, async () => {
      const firing = new Set((await query('ALERTS{alertstate="firing"}')).map((s) => s.metric.alertname));
      return expected.every((name) => firing.has(name)) && delivered.every((name) => delivery(webhook.notifications, name, 'firing', start));
    }, { timeoutMs: 150_000, intervalMs: 500 });
    const switchedOff = Date.now();
    await off();
    await waitFor(`resolved: ${delivered.join(', ')}`, async () => delivered.every((name) => delivery(webhook.notifications, name, 'resolved', switchedOff)), { timeoutMs: 150_000, intervalMs: 500 });
    for (const name of names) {
      const own = alertsOf(name).filter((alert) => delivered.includes(alert));
      const fired = own.map((alert) => delivery(webhook.notifications, alert, 'firing', start)!);
      const resolved = own.map((alert) => delivery(webhook.notifications, alert, 'resolved', switchedOff)!);
      for (const [i, alert] of own.entries()) {
        expect(fired[i]!.severity, alert).toBe(severityOf.get(alert));
        expect(fired[i]!.receiver, alert).toBe(severityOf.get(alert) === 'critical' ? 'page' : 'ticket');
      }
      report.push({
        fault: name,
        expected: [...alertsOf(name)],
        received: alertsOf(name).map((alert) => (own.includes(alert) ? alert : `${alert} (inhibited, firing)`)),
        fire: `${(Math.max(...fired.map((f) => f.at)) - start) / 1000 | 0}s`,
        resolve: `${(Math.max(...resolved.map((r) => r.at)) - switchedOff) / 1000 | 0}s`,
      });
    }
  }

  const alertsOfSwitch = (name: FaultName | 'target_down'): readonly string[] =>
    name === 'target_down' ? ['TargetDown', 'JobDown'] : (FAULT_SWITCHES.find((fault) => fault.name === name)?.alerts ?? []);
  const roleOf = (name: FaultName) => FAULT_SWITCHES.find((fault) => fault.name === name)!.role;
  /** Switches each role acts on, with the values to set. */
  const forRole = (settings: Partial<Record<FaultName, number>>, role: 'api' | 'worker') =>
    Object.fromEntries(Object.entries(settings).filter(([name]) => [role, 'both'].includes(roleOf(name as FaultName))));

  // The quiet panels show data while these faults are on.
  async function checkQuietPanels(on: readonly string[]) {
    const quiet = stack.model.dashboards.flatMap((d) => d.panels.filter((p) => p.quietWhenHealthy).map((p) => ({ where: `${d.uid} "${p.title}"`, panel: p })));
    for (const { where, panel } of quiet) {
      expect(on, `${where} names a fault to show it under`).toContain(panel.shownUnder);
      for (const target of panel.targets) expect((await query(substituteVariables(target.expr, SCRAPE_SECONDS))).length, where).toBeGreaterThan(0);
    }
  }

  it('fire on the API, worker, cache, database and instrumentation faults, and resolve', async () => {
    // A slow database is only seen while the circuit breaker lets queries through: that fault runs next.
    const settings = { errors: 0.5, latency: 1, stall_workers: 1, cache_misses: 1, slow_database: 0.3, bad_labels: 1 } as const;
    await exercise(
      async () => {
        await setFaults('api', forRole(settings, 'api'));
        await setFaults('worker', forRole(settings, 'worker'));
      },
      async () => {
        await checkQuietPanels(Object.keys(settings));
        await setFaults('api', null);
        await setFaults('worker', null);
      },
      alertsOfSwitch,
      Object.keys(settings) as FaultName[],
    );
  }, 300_000);

  // The burn-rate page above fired on the 1h/5m pair; the budget it burns stays spent for the (scaled) period.
  it('spent the availability error budget while the errors fault was on', async () => {
    const slo = stack.model.slos.find((s) => s.name === 'http_availability')!;
    const remaining = stack.model.rules.find((f) => f.name === slo.ruleFile)!.recording.find((r) => r.written.includes('error_budget:remaining'))!.record;
    const [sample] = await query(remaining);
    expect(Number(sample!.value[1]), remaining).toBeLessThan(1);
    expect(stack.model.dashboards.find((d) => d.name === slo.dashboard)?.panels.length).toBeGreaterThan(0);
  });

  it('fire CircuitBreakerOpen and TargetDown (a role stopped), and resolve', async () => {
    await exercise(
      async () => {
        await setFaults('api', { circuit_open: 1 });
        await stack.stopRole('worker');
      },
      async () => {
        await setFaults('api', null);
        await stack.startRole('worker');
      },
      alertsOfSwitch,
      ['circuit_open', 'target_down'],
    );
  }, 300_000);

  // Failing jobs and stalled workers cannot share a phase: stalled workers finish no job to fail.
  it('fire JobFailureRatioHigh on failing jobs, and resolve', async () => {
    await exercise(
      () => setFaults('worker', { fail_jobs: 0.5 }),
      () => setFaults('worker', null),
      alertsOfSwitch,
      ['fail_jobs'],
    );
  }, 300_000);

  it('exercised every fault switch the exporter has', () => {
    expect(FAULT_SWITCHES.map((fault) => fault.name).filter((name) => !report.some((row) => row.fault === name))).toEqual([]);
  });
});

describe('configuration reloads', () => {
  const reload = () => fetch(`${stack.urls.prometheus}/-/reload`, { method: 'POST' });
  const groups = async () => ((await (await fetch(`${stack.urls.prometheus}/api/v1/rules`)).json()) as { data: { groups: unknown[] } }).data.groups.length;

  it('accepts the generated configuration again', async () => {
    expect((await reload()).status).toBe(200);
  });

  it('refuses a broken rule file and keeps running the old rules', async () => {
    const before = await groups();
    // The config lists its rule files; a broken one among them makes the reload fail.
    stack.writeRules({ 'http.rules.yml': 'groups:\n  - name: http\n    rules:\n      - record: bad\n        expr: sum(rate(\n' });
    const response = await reload();
    expect(response.status).toBe(500);
    expect(await response.text()).toContain('failed to reload config');
    expect(await groups()).toBe(before);
    expect((await query('up')).length).toBeGreaterThan(0);
  });
});
