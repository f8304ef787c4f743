/**
 * The Alertmanager routing and inhibition the engine renders, proven on a real Alertmanager (Debian
 * trixie's, the compose image's version) on 127.0.0.1, for a scratch project listing the node,
 * prometheus and alertmanager packs: alerts posted to its API reach the receiver their severity,
 * `notify="meta"` or heartbeat names; a critical alert suppresses its warning twin on the same
 * target, and an alert's `supersedes` suppresses the alert it supersedes on the labels both carry.
 * The reference's own alerts are in test/reference/alertmanager-routing.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packProject, type PackProject } from './helpers/pack-live.ts';
import { waitFor } from './helpers/servers.ts';
import { alertmanagerWith, type RoutingAlertmanager } from './helpers/webhook.ts';

type Labels = Record<string, string>;
let pack: PackProject;
let alertmanager: RoutingAlertmanager;

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
  // Every alert that is not suppressed is delivered within a few group waits.
  alertmanager = await alertmanagerWith(pack.model, ALERTS, [{ alertname: 'UsersOnlineLow' }, { alertname: 'SomethingUnlabelled' }, { alertname: 'Watchdog' }]);
}, 60_000);

afterAll(async () => {
  await alertmanager?.stop();
  pack?.project.remove();
});

const delivered = (alertname: string, match: Labels = {}) => alertmanager.delivered(alertname, match);

const stateOf = (alertname: string, match: Labels = {}) => alertmanager.stateOf(alertname, match);

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
    const receivers = new Set(alertmanager.notifications.filter((n) => n.alerts.some((a) => a.labels.alertname === 'Watchdog')).map((n) => n.receiver));
    expect([...receivers]).toEqual(['deadmansswitch']);
  });
});
