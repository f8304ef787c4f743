/**
 * How verify reads a live endpoint: bounded by a timeout, and every failure said with the URL and
 * its cause (unreachable, too slow, an HTTP error, not the format asked for) instead of `fetch failed`.
 */

export const DEFAULT_TIMEOUT_SECONDS = 10;

export interface Fetched {
  readonly contentType: string;
  readonly text: string;
}

/** The cause of a failed fetch, as the system said it (ECONNREFUSED, ENOTFOUND…). */
function causeOf(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message;
}

export async function fetchText(url: string, timeoutSeconds: number): Promise<Fetched> {
  let response: Response;
  let text: string;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(timeoutSeconds * 1000), redirect: 'follow' });
    text = await response.text();
  } catch (error) {
    if ((error as Error).name === 'TimeoutError') throw new Error(`${url} did not answer within ${timeoutSeconds} s (give more with --timeout SECONDS)`);
    throw new Error(`cannot reach ${url}: ${causeOf(error)}`);
  }
  const contentType = response.headers.get('content-type') ?? '';
  if (!response.ok) throw new Error(`${url} answered HTTP ${response.status}${contentType.startsWith('text/plain') && text ? `: ${text.trim().slice(0, 200)}` : ''}`);
  return { contentType, text };
}

/** Only a text exposition (Prometheus or OpenMetrics) is one; a page or JSON is named for what it is. */
export function exposition(url: string, fetched: Fetched): string {
  const type = fetched.contentType.split(';')[0]!.trim().toLowerCase();
  if (type !== '' && type !== 'text/plain' && type !== 'application/openmetrics-text') {
    throw new Error(`not a Prometheus exposition: got ${type} from ${url}`);
  }
  return fetched.text;
}

/** A Prometheus HTTP API answer: its data, or what the server or the body said instead. */
export function apiData<T>(url: string, fetched: Fetched): T {
  let body: { status?: string; data?: T; error?: string };
  try {
    body = JSON.parse(fetched.text) as typeof body;
  } catch {
    const type = fetched.contentType.split(';')[0]!.trim();
    // A JSON type whose body does not parse was cut short or is broken; any other type names what it is.
    throw new Error(`not a Prometheus API: got ${type === '' || type.endsWith('json') ? `a body that is not valid JSON${type ? ` (${type})` : ''}` : type} from ${url}`);
  }
  if (body.status !== 'success' || body.data === undefined) throw new Error(`${url}: ${body.error ?? 'the answer is not a Prometheus API success'}`);
  return body.data;
}

/** A URL verify can fetch, or an error that says what was given. */
export function httpUrl(text: string, flag: string): URL {
  let url: URL | undefined;
  try {
    // `localhost:9100` parses as a URL of scheme `localhost:`; without `://` it is none.
    if (text.includes('://')) url = new URL(text);
  } catch {
    // said below
  }
  if (!url) throw new Error(`${flag} ${JSON.stringify(text)} is not a URL; give one such as http://127.0.0.1:9100`);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`${flag} ${text}: only http and https URLs can be fetched`);
  return url;
}
