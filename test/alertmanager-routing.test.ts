/**
 * The Alertmanager routing and inhibition the engine renders, proven on a real Alertmanager (Debian
 * trixie's, the compose image's version) on 127.0.0.1, for a scratch project listing the node,
 * prometheus and alertmanager packs: alerts posted to its API reach the receiver their severity,
 * `notify="meta"` or heartbeat names; a critical alert suppresses its warning twin on the same
 * target, and an alert's `supersedes` suppresses the alert it supersedes on the labels both carry.
 * The reference's own alerts are in test/reference/alertmanager-routing.test.ts.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alertmanagerConfig, webhooksUnder } from '../generator/render/alertmanager-config.ts';
import { toYaml } from '../generator/render/yaml.ts';
import { startProcess, type RunningProcess } from '../generator/stack/process.ts';
import { alertmanagerCommand } from '../stack/tools.ts';
import { packProject, type PackProject } from './helpers/pack-live.ts';
import { freePort, waitFor } from './helpers/servers.ts';
import { startWebhookReceiver, type WebhookReceiver, alertState, receiverOf } from './helpers/webhook.ts';

type Labels = Record<string, string>;
const dir = mkdtempSync(join(tmpdir(), 'sextant-routing-'));
let pack: PackProject;
let alertmanager: RunningProcess;
let webhook: WebhookReceiver;
let url = '';

const disk = { job: 'node', instance: 'host-1:9100', device: '/dev/vda1', device_error: '', fstype: 'ext4' };
const shop = { alertname: 'OrdersDeclined', job: 'shop', instance: 'shop-1:8080' };
/** What Prometheus would send: the packs' alerts' labels, and an application's alert at two severities. */
const ALERTS: Labels[] = [
  { alertname: 'NodeDiskWillFillSoon', severity: 'critical', ...disk, mountpoint: '/' },
  { alertname: 'NodeDiskFillingUp', severity: 'warning', ...disk, mountpoint: '/' },
  // Another file system: nothing supersedes it.
  { alertname: 'NodeDiskFillingUp', severity: 'warning', ...disk, device: '/dev/vdb1', mountpoint: '/data' },
  { ...shop, severity: 'critical' },
  { ...shop, severity: 'warning' },
  // The same alert on another target: the critical one above does not silence it.
  { ...shop, instance: 'shop-2:8080', severity: 'warning' },
  { alertname: 'Watchdog', severity: 'info' },
  { alertname: 'AlertmanagerNotificationsFailing', severity: 'warning', notify: 'meta', job: 'alertmanager', instance: 'alertmanager:9093', integration: 'webhook' },
  { alertname: 'PrometheusNotificationsDropped', severity: 'critical', notify: 'meta', job: 'prometheus', instance: 'prometheus:9090' },
  { alertname: 'UsersOnlineLow', severity: 'info', job: 'shop' },
  { alertname: 'SomethingUnlabelled' },
];

beforeAll(async () => {
  pack = await packProject(
    "import alertmanager from 'sextant/packs/alertmanager';\nimport node from 'sextant/packs/node';\nimport prometheus from 'sextant/packs/prometheus';",
    'node(), prometheus(), alertmanager()',
  );
  webhook = await startWebhookReceiver();
  const config = alertmanagerConfig(pack.model, { ...webhooksUnder(webhook.url), groupWait: '1s', groupInterval: '1s' });
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
  pack?.project.remove();
  rmSync(dir, { recursive: true, force: true });
});

const delivered = (alertname: string, match: Labels = {}) => receiverOf(webhook.notifications, alertname, match);

const stateOf = (alertname: string, match: Labels = {}) => alertState(url, alertname, match);

describe('the rendered Alertmanager configuration on a real Alertmanager', () => {
  it.each<{ alertname: string; match: Labels; receiver: string }>([
    { alertname: 'NodeDiskWillFillSoon', match: {}, receiver: 'page' },
    { alertname: 'NodeDiskFillingUp', match: { mountpoint: '/data' }, receiver: 'ticket' },
    { alertname: 'OrdersDeclined', match: { severity: 'critical' }, receiver: 'page' },
    { alertname: 'OrdersDeclined', match: { instance: 'shop-2:8080' }, receiver: 'ticket' },
    { alertname: 'Watchdog', match: {}, receiver: 'deadmansswitch' },
    { alertname: 'AlertmanagerNotificationsFailing', match: {}, receiver: 'meta' },
    { alertname: 'PrometheusNotificationsDropped', match: {}, receiver: 'meta' },
    { alertname: 'UsersOnlineLow', match: {}, receiver: 'info' },
    { alertname: 'SomethingUnlabelled', match: {}, receiver: 'ticket' },
  ])('delivers $alertname $match to $receiver', async ({ alertname, match, receiver }) => {
    await waitFor(`${alertname} delivered`, async () => delivered(alertname, match) !== undefined, { timeoutMs: 10_000, intervalMs: 200 });
    expect(delivered(alertname, match)).toBe(receiver);
  });

  it.each<{ alertname: string; match: Labels; by: string }>([
    { alertname: 'NodeDiskFillingUp', match: { mountpoint: '/' }, by: 'NodeDiskWillFillSoon on the same file system (supersedes)' },
    { alertname: 'OrdersDeclined', match: { severity: 'warning', instance: 'shop-1:8080' }, by: 'itself at critical on the same target' },
  ])('suppresses $alertname $match, superseded by $by, and never delivers it', async ({ alertname, match }) => {
    const status = await stateOf(alertname, match);
    expect(status?.state).toBe('suppressed');
    expect(status?.inhibitedBy.length).toBeGreaterThan(0);
    expect(delivered(alertname, match)).toBeUndefined();
  });

  it("sends the Watchdog to the dead man's switch only, never to a person", () => {
    const receivers = new Set(webhook.notifications.filter((n) => n.alerts.some((a) => a.labels.alertname === 'Watchdog')).map((n) => n.receiver));
    expect([...receivers]).toEqual(['deadmansswitch']);
  });
});
