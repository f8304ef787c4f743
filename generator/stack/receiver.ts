/**
 * The native stack's notification receiver: the compose stack's `alert-receiver` (an echo server)
 * in-process. Alertmanager's webhooks are pointed at it (plan.ts), and it logs one line per
 * notification: the receiver (the path), firing or resolved, and each alert with its labels.
 */
import { createServer, type Server } from 'node:http';

interface WebhookPayload {
  readonly status?: string;
  readonly alerts?: readonly { readonly status?: string; readonly labels?: Readonly<Record<string, string>> }[];
}

export interface Receiver {
  readonly url: string;
  /** Notifications received so far. */
  readonly count: () => number;
  stop(): Promise<void>;
}

export function describeNotification(path: string, payload: WebhookPayload): string {
  const alerts = (payload.alerts ?? []).map(({ labels = {} }) => {
    const { alertname = '?', ...rest } = labels;
    const shown = Object.entries(rest).map(([name, value]) => `${name}="${value}"`);
    return shown.length > 0 ? `${alertname}{${shown.join(', ')}}` : alertname;
  });
  return `notification to ${path.replace(/^\//, '') || '/'}: ${payload.status ?? '?'} ${alerts.join('; ')}`;
}

/** Listens on 127.0.0.1:port (0: any free port). */
export async function startReceiver(port: number, log: (line: string) => void): Promise<Receiver> {
  let count = 0;
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      if (request.method === 'POST') {
        count += 1;
        try {
          log(describeNotification(request.url ?? '/', JSON.parse(body) as WebhookPayload));
        } catch {
          log(`notification to ${request.url ?? '/'}: ${body.slice(0, 200)}`);
        }
      }
      response.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}`;
  return {
    url,
    count: () => count,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
