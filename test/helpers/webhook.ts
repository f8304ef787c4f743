/** A webhook receiver for Alertmanager's notifications, on a free 127.0.0.1 port. */
import { createServer, type Server } from 'node:http';
import { freePort } from './servers.ts';

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
