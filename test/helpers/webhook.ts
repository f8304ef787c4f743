/** A webhook receiver for Alertmanager's notifications, on a free 127.0.0.1 port, and a real Alertmanager sending to it. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Model } from '../../generator/model/types.ts';
import { alertmanagerConfig, webhooksUnder } from '../../generator/render/alertmanager-config.ts';
import { toYaml } from '../../generator/render/yaml.ts';
import { startProcess, type RunningProcess } from '../../generator/stack/process.ts';
import { alertmanagerCommand } from '../../stack/tools.ts';
import { freePort, waitFor } from './servers.ts';

export interface Notification {
  /** The path Alertmanager posted to: the receiver (`page`, `ticket`). */
  readonly receiver: string;
  readonly at: number;
  readonly alerts: readonly { readonly status: 'firing' | 'resolved'; readonly labels: Readonly<Record<string, string>> }[];
}

export interface WebhookReceiver {
  readonly url: string;
  readonly notifications: Notification[];
  close(): Promise<void>;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const port = await freePort();
  const notifications: Notification[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      try {
        const payload = JSON.parse(body) as { alerts: Notification['alerts'] };
        notifications.push({ receiver: (req.url ?? '').replace(/^\//, ''), at: Date.now(), alerts: payload.alerts });
      } catch {
        // Not a notification; answer anyway so Alertmanager does not retry.
      }
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${port}`,
    notifications,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** When an alert was first delivered with this status, and through which receiver. */
export function delivery(notifications: readonly Notification[], alertname: string, status: 'firing' | 'resolved', after = 0) {
  for (const notification of notifications) {
    if (notification.at < after) continue;
    const alert = notification.alerts.find((a) => a.labels.alertname === alertname && a.status === status);
    if (alert) return { at: notification.at, receiver: notification.receiver, severity: alert.labels.severity };
  }
  return undefined;
}

type Labels = Record<string, string>;
const matches = (labels: Labels, alertname: string, match: Labels) => labels.alertname === alertname && Object.entries(match).every(([k, v]) => labels[k] === v);

/** The receiver of the first notification carrying the alert (with those labels), if one came. */
export function receiverOf(notifications: readonly Notification[], alertname: string, match: Labels = {}): string | undefined {
  return notifications.find((notification) => notification.alerts.some((alert) => matches(alert.labels, alertname, match)))?.receiver;
}

/** The alert's state in an Alertmanager (`/api/v2/alerts`): active or suppressed, and by which inhibitions. */
export async function alertState(alertmanagerUrl: string, alertname: string, match: Labels = {}): Promise<{ state: string; inhibitedBy: string[] } | undefined> {
  const alerts = (await (await fetch(`${alertmanagerUrl}/api/v2/alerts`)).json()) as { labels: Labels; status: { state: string; inhibitedBy: string[] } }[];
  return alerts.find((alert) => matches(alert.labels, alertname, match))?.status;
}

/** A real Alertmanager running a model's rendered configuration, its receivers one webhook receiver. */
export interface RoutingAlertmanager {
  readonly url: string;
  /** Every notification the receiver got, in order. */
  readonly notifications: readonly Notification[];
  /** The receiver that got the alert (with those labels), if one did. */
  delivered(alertname: string, match?: Labels): string | undefined;
  stateOf(alertname: string, match?: Labels): ReturnType<typeof alertState>;
  stop(): Promise<void>;
}

/**
 * Alertmanager (Debian trixie's) on a free 127.0.0.1 port with the model's configuration, grouping in
 * seconds instead of minutes, and `alerts` posted to it as Prometheus would send them; resolves once
 * every alert of `deliveredFirst` has reached a receiver (the others are delivered by then too, or
 * suppressed).
 */
export async function alertmanagerWith(model: Model, alerts: readonly Labels[], deliveredFirst: readonly { alertname: string; match?: Labels }[]): Promise<RoutingAlertmanager> {
  const dir = mkdtempSync(join(tmpdir(), 'sextant-routing-'));
  const webhook = await startWebhookReceiver();
  let alertmanager: RunningProcess | undefined;
  const stop = async () => {
    await alertmanager?.stop();
    await webhook.close();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    writeFileSync(join(dir, 'alertmanager.yml'), toYaml(alertmanagerConfig(model, { ...webhooksUnder(webhook.url), groupWait: '1s', groupInterval: '1s' })));
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
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
      body: JSON.stringify(alerts.map((labels) => ({ labels, annotations: { summary: labels.alertname }, startsAt }))),
    });
    if (posted.status !== 200) throw new Error(`Alertmanager refused the alerts: ${posted.status} ${await posted.text()}`);
    const delivered = (alertname: string, match: Labels = {}) => receiverOf(webhook.notifications, alertname, match);
    await waitFor('the notifications', async () => deliveredFirst.every(({ alertname, match }) => delivered(alertname, match) !== undefined), { timeoutMs: 30_000, intervalMs: 200 });
    return { url, notifications: webhook.notifications, delivered, stateOf: (alertname, match = {}) => alertState(url, alertname, match), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
