/**
 * The generated Alertmanager routing and inhibition, proven on a real Alertmanager (Debian trixie's,
 * the compose image's version) on 127.0.0.1: alerts posted to its API reach the receiver the policy
 * in docs/alerting.md names, and the alerts a firing one supersedes are suppressed, not delivered.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alertmanagerConfig, webhooksUnder } from '../../generator/render/alertmanager-config.ts';
import { toYaml } from '../../generator/render/yaml.ts';
import { runPipeline } from '../../generator/pipeline.ts';
import { startProcess, type RunningProcess } from '../../generator/stack/process.ts';
import { alertmanagerCommand } from '../../stack/tools.ts';
import { REPO } from '../helpers/project.ts';
import { freePort, waitFor } from '../helpers/servers.ts';
import { startWebhookReceiver, type WebhookReceiver } from '../helpers/webhook.ts';

type Labels = Record<string, string>;
const dir = mkdtempSync(join(tmpdir(), 'sextant-routing-'));
let alertmanager: RunningProcess;
let webhook: WebhookReceiver;
let url = '';

const disk = { job: 'node-exporter', instance: 'host-1:9100', device: '/dev/vda1', device_error: '', fstype: 'ext4' };
/** What Prometheus would send: the alerts' labels as the rules in alerts/ produce them. */
const ALERTS: Labels[] = [
  { alertname: 'JobDown', severity: 'critical', job: 'worker' },
  { alertname: 'TargetDown', severity: 'warning', job: 'worker' },
  // Another job's targets: nothing supersedes them.
  { alertname: 'TargetDown', severity: 'warning', job: 'node-exporter' },
  { alertname: 'NodeDiskWillFillSoon', severity: 'critical', ...disk, mountpoint: '/' },
  { alertname: 'NodeDiskFillingUp', severity: 'warning', ...disk, mountpoint: '/' },
  { alertname: 'NodeDiskFillingUp', severity: 'warning', ...disk, device: '/dev/vdb1', mountpoint: '/data' },
  { alertname: 'Watchdog', severity: 'info' },
  { alertname: 'AlertmanagerNotificationsFailing', severity: 'warning', notify: 'meta', job: 'alertmanager', instance: 'alertmanager:9093', integration: 'webhook' },
  { alertname: 'UsersOnlineLow', severity: 'info', job: 'api' },
  { alertname: 'SomethingUnlabelled' },
];

beforeAll(async () => {
  const result = await runPipeline(REPO);
  if (!result.ok) throw new Error('the reference project is invalid');
  webhook = await startWebhookReceiver();
  const config = alertmanagerConfig(result.model, { ...webhooksUnder(webhook.url), groupWait: '1s', groupInterval: '1s' });
  writeFileSync(join(dir, 'alertmanager.yml'), toYaml(config));
  const port = await freePort();
  url = `http://127.0.0.1:${port}`;
  alertmanager = await startProcess({
    name: 'alertmanager',
    ...alertmanagerCommand([`--config.file=${join(dir, 'alertmanager.yml')}`, `--storage.path=${join(dir, 'am')}`, `--web.listen-address=127.0.0.1:${port}`, '--cluster.listen-address=']),
    url,
    readyPath: '/-/ready',
  });
  const startsAt = new Date().toISOString();
  const posted = await fetch(`${url}/api/v2/alerts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ALERTS.map((labels) => ({ labels, annotations: { summary: labels.alertname }, startsAt }))),
  });
  expect(posted.status).toBe(200);
  // Every alert that is not suppressed is delivered within a few group waits.
  await waitFor('the notifications', async () => delivered('UsersOnlineLow') !== undefined && delivered('SomethingUnlabelled') !== undefined && delivered('Watchdog') !== undefined, { timeoutMs: 30_000, intervalMs: 200 });
}, 60_000);

afterAll(async () => {
  await alertmanager?.stop();
  await webhook?.close();
  rmSync(dir, { recursive: true, force: true });
});

const delivered = (alertname: string, match: Labels = {}) => {
  for (const notification of webhook.notifications) {
    const alert = notification.alerts.find((a) => a.labels.alertname === alertname && Object.entries(match).every(([k, v]) => a.labels[k] === v));
    if (alert) return notification.receiver;
  }
  return undefined;
};

async function stateOf(alertname: string, match: Labels = {}) {
  const alerts = (await (await fetch(`${url}/api/v2/alerts`)).json()) as { labels: Labels; status: { state: string; inhibitedBy: string[] } }[];
  return alerts.find((a) => a.labels.alertname === alertname && Object.entries(match).every(([k, v]) => a.labels[k] === v))?.status;
}

describe('the generated Alertmanager configuration on a real Alertmanager', () => {
  it.each<{ alertname: string; match: Labels; receiver: string }>([
    { alertname: 'JobDown', match: {}, receiver: 'page' },
    { alertname: 'TargetDown', match: { job: 'node-exporter' }, receiver: 'ticket' },
    { alertname: 'NodeDiskWillFillSoon', match: {}, receiver: 'page' },
    { alertname: 'NodeDiskFillingUp', match: { mountpoint: '/data' }, receiver: 'ticket' },
    { alertname: 'Watchdog', match: {}, receiver: 'deadmansswitch' },
    { alertname: 'AlertmanagerNotificationsFailing', match: {}, receiver: 'meta' },
    { alertname: 'UsersOnlineLow', match: {}, receiver: 'info' },
    { alertname: 'SomethingUnlabelled', match: {}, receiver: 'ticket' },
  ])('delivers $alertname $match to $receiver', async ({ alertname, match, receiver }) => {
    await waitFor(`${alertname} delivered`, async () => delivered(alertname, match) !== undefined, { timeoutMs: 10_000, intervalMs: 200 });
    expect(delivered(alertname, match)).toBe(receiver);
  });

  it.each<{ alertname: string; match: Labels; by: string }>([
    { alertname: 'TargetDown', match: { job: 'worker' }, by: 'JobDown on the same job' },
    { alertname: 'NodeDiskFillingUp', match: { mountpoint: '/' }, by: 'NodeDiskWillFillSoon on the same file system' },
  ])('suppresses $alertname $match, superseded by $by, and never delivers it', async ({ alertname, match }) => {
    const status = await stateOf(alertname, match);
    expect(status?.state).toBe('suppressed');
    expect(status?.inhibitedBy.length).toBeGreaterThan(0);
    expect(delivered(alertname, match)).toBeUndefined();
  });

  it('sends the Watchdog to the dead man\'s switch only, never to a person', () => {
    const receivers = new Set(webhook.notifications.filter((n) => n.alerts.some((a) => a.labels.alertname === 'Watchdog')).map((n) => n.receiver));
    expect([...receivers]).toEqual(['deadmansswitch']);
  });
});
