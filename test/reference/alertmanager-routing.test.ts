/**
 * The reference's own alerts through its generated Alertmanager configuration, on a real Alertmanager
 * (Debian trixie's) on 127.0.0.1: one page per incident, as docs/alerting.md says. JobDown
 * supersedes TargetDown and NoActiveWorkers of the same job; HttpErrorRatioHigh (its service label
 * copied from the job) the API availability SLOs' burn-rate pages of the same service. That each
 * fires first is proven under promtool in alert-fixes.test.ts. The engine's routing and inhibition
 * (severities, meta, the Watchdog, the critical twin, `supersedes`) are proven on a pack project in
 * test/alertmanager-routing.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPipeline } from '../../generator/pipeline.ts';
import { REPO } from '../helpers/project.ts';
import { alertmanagerWith, type RoutingAlertmanager } from '../helpers/webhook.ts';

type Labels = Record<string, string>;
let alertmanager: RoutingAlertmanager;

/** What Prometheus would send: the labels the reference's rules in alerts/ produce. */
const ALERTS: Labels[] = [
  { alertname: 'JobDown', severity: 'critical', job: 'worker' },
  { alertname: 'TargetDown', severity: 'warning', job: 'worker' },
  { alertname: 'NoActiveWorkers', severity: 'critical', job: 'worker', queue: 'default' },
  { alertname: 'HttpErrorRatioHigh', severity: 'critical', job: 'api', service: 'api' },
  { alertname: 'HttpAvailabilityBurnRate1h', severity: 'critical', slo: 'http_availability', service: 'api', team: 'platform' },
  // Another job's targets, another service's SLO: nothing supersedes them.
  { alertname: 'TargetDown', severity: 'warning', job: 'node-exporter' },
  { alertname: 'JobsSuccessBurnRate1h', severity: 'critical', slo: 'jobs_success', service: 'worker', team: 'platform' },
];

beforeAll(async () => {
  const result = await runPipeline(REPO);
  if (!result.ok) throw new Error('the reference project is invalid');
  // Every alert that is not suppressed is delivered within a few group waits.
  alertmanager = await alertmanagerWith(result.model, ALERTS, [
    { alertname: 'JobDown' },
    { alertname: 'HttpErrorRatioHigh' },
    { alertname: 'TargetDown', match: { job: 'node-exporter' } },
    { alertname: 'JobsSuccessBurnRate1h' },
  ]);
}, 60_000);

afterAll(async () => alertmanager?.stop());

const delivered = (alertname: string, match: Labels = {}) => alertmanager.delivered(alertname, match);

const stateOf = (alertname: string, match: Labels = {}) => alertmanager.stateOf(alertname, match);

describe("the reference's alerts on a real Alertmanager", () => {
  it.each<{ alertname: string; match: Labels; receiver: string }>([
    { alertname: 'JobDown', match: {}, receiver: 'page' },
    { alertname: 'HttpErrorRatioHigh', match: {}, receiver: 'page' },
    { alertname: 'TargetDown', match: { job: 'node-exporter' }, receiver: 'ticket' },
    { alertname: 'JobsSuccessBurnRate1h', match: {}, receiver: 'page' },
  ])('delivers $alertname $match to $receiver', ({ alertname, match, receiver }) => {
    expect(delivered(alertname, match)).toBe(receiver);
  });

  it.each<{ alertname: string; match: Labels; by: string }>([
    { alertname: 'TargetDown', match: { job: 'worker' }, by: 'JobDown of the same job' },
    { alertname: 'NoActiveWorkers', match: { job: 'worker' }, by: 'JobDown of the same job' },
    { alertname: 'HttpAvailabilityBurnRate1h', match: { service: 'api' }, by: 'HttpErrorRatioHigh of the same service' },
  ])('suppresses $alertname $match, superseded by $by, and never delivers it', async ({ alertname, match }) => {
    const status = await stateOf(alertname, match);
    expect(status?.state).toBe('suppressed');
    expect(status?.inhibitedBy.length).toBeGreaterThan(0);
    expect(delivered(alertname, match)).toBeUndefined();
  });
});
