/**
 * A small HTTP server on node:http: routing by template, JSON bodies with a size limit, clear 4xx
 * answers for bad requests, and the RED middleware that records the catalogue's HTTP metrics.
 * A request can make it answer an error; it cannot make it crash.
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { HTTP_METHODS, HTTP_STATUS_CODES, type HTTP_ROUTES } from '../../catalog/shared/labels.ts';
import type { AppInstruments } from '../instruments/index.ts';
import type { Tracer } from '../sim/tracing.ts';
import { oneOf, type KnownOf } from '../vocabulary.ts';

export const MAX_BODY_BYTES = 64 * 1024;
/** A route template of the catalogue; `unmatched` is what the middleware records when no route takes a request. */
export type RouteTemplate = Exclude<(typeof HTTP_ROUTES)[number], 'unmatched'>;
type Method = KnownOf<typeof HTTP_METHODS>;

export interface Request {
  readonly method: string;
  readonly path: string;
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  readonly body: unknown;
}

export interface Reply {
  readonly status: number;
  readonly body?: unknown;
  /** Plain text instead of JSON (the /metrics exposition). */
  readonly text?: string;
  readonly contentType?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers?: Readonly<Record<string, string>>,
  ) {
    super(message);
  }
}

export interface Route {
  readonly method: Method;
  /** A route template, `/api/v1/tasks/:id`; instrumented routes use the catalogue's templates. */
  readonly path: string;
  /** Recorded in the HTTP metrics under this template; unset for operational endpoints (/metrics, /admin). */
  readonly instrumentedAs?: RouteTemplate;
  /**
   * Run before the body is read and the handler runs: fault injection on API routes, the token on
   * the fault switches (so a request without it is 401/403 whatever its body).
   */
  readonly before?: (headers: IncomingHttpHeaders) => Promise<void> | void;
  readonly handler: (request: Request) => Promise<Reply> | Reply;
}

interface CompiledRoute extends Route {
  readonly pattern: RegExp;
  readonly names: readonly string[];
}

function compile(route: Route): CompiledRoute {
  const names: string[] = [];
  const source = route.path.replace(/:([a-z]+)/g, (_, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return { ...route, pattern: new RegExp(`^${source}$`), names };
}

export interface ServerOptions {
  readonly routes: readonly Route[];
  /** Record HTTP metrics (the api role); the worker serves only operational endpoints. */
  readonly metrics?: { readonly instruments: AppInstruments; readonly tracer: Tracer };
  /** The bad_labels fault: record the raw path instead of the route template, as a buggy middleware would. */
  readonly rawPathLabels?: () => boolean;
}

export function createHttpServer(options: ServerOptions): Server {
  const routes = options.routes.map(compile);
  const server = createServer((req, res) => {
    void handle(routes, options, req, res);
  });
  // Malformed requests (bad request line, oversized headers) never reach the handler: answer 400.
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });
  const instruments = options.metrics?.instruments;
  if (instruments) {
    server.on('connection', (socket) => {
      instruments.http.activeConnections.inc({});
      socket.once('close', () => instruments.http.activeConnections.dec({}));
    });
  }
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  return server;
}

async function handle(routes: readonly CompiledRoute[], options: ServerOptions, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const started = process.hrtime.bigint();
  let url: URL;
  try {
    url = new URL(req.url ?? '/', 'http://localhost');
  } catch {
    // A request target no URL parser takes (`//[`): as malformed as a bad request line, and answered alike.
    res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'the request target is not a valid path' }));
    return;
  }
  const method = req.method ?? 'GET';
  const matching = routes.filter((route) => route.pattern.test(url.pathname));
  const route = matching.find((candidate) => candidate.method === method);
  const template: RouteTemplate | 'unmatched' | undefined = route ? route.instrumentedAs : matching.length > 0 ? matching[0]!.instrumentedAs : 'unmatched';
  const instruments = template === undefined ? undefined : options.metrics?.instruments;
  instruments?.http.inFlight.inc({});
  let reply: Reply;
  let requestBytes = 0;
  try {
    if (!route) {
      throw matching.length > 0 ? new HttpError(405, `${method} is not allowed on ${url.pathname}`) : new HttpError(404, `no route for ${url.pathname}`);
    }
    await route.before?.(req.headers);
    const body = await readBody(req, method);
    requestBytes = body.bytes;
    const match = route.pattern.exec(url.pathname)!;
    const params = Object.fromEntries(route.names.map((name, i) => [name, decodePathSegment(match[i + 1]!)]));
    const run = () => Promise.resolve(route.handler({ method, path: url.pathname, params, query: url.searchParams, headers: req.headers, body: body.value }));
    reply = options.metrics && instruments ? await options.metrics.tracer.span('http_request', run) : await run();
  } catch (error) {
    if (error instanceof HttpError) reply = { status: error.status, body: { error: error.message }, headers: error.headers };
    else {
      console.error(`${method} ${url.pathname} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      options.metrics?.tracer.error('api', error);
      reply = { status: 500, body: { error: 'internal error' } };
    }
  }
  const payload = reply.text ?? (reply.body === undefined ? '' : JSON.stringify(reply.body));
  const bytes = Buffer.byteLength(payload);
  if (!res.headersSent) {
    res.writeHead(reply.status, {
      'content-type': reply.contentType ?? (reply.text !== undefined ? 'text/plain; charset=utf-8' : 'application/json'),
      'content-length': bytes,
      ...(reply.status === 413 ? { connection: 'close' } : {}),
      ...reply.headers,
    });
    res.end(payload);
  }
  if (instruments && template) {
    // The bad_labels fault is the bug the label guard exists for: a raw path past the types, as a
    // middleware written without them would record it. The guard drops it and counts the drop.
    const route = options.rawPathLabels?.() ? (url.pathname as RouteTemplate) : template;
    // A method or status outside the vocabulary (a scanner's PROPFIND, a 418) is `other` by design, not a bug to count.
    const labels = { method: oneOf(HTTP_METHODS, method) ? method : 'other', route } as const;
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const status = String(reply.status);
    instruments.http.requests.inc({ ...labels, status_code: oneOf(HTTP_STATUS_CODES, status) ? status : 'other' });
    instruments.http.requestDuration.observe(labels, seconds);
    instruments.http.requestSize.observe(labels, requestBytes);
    instruments.http.responseSize.observe(labels, bytes);
    instruments.http.inFlight.dec({});
  }
}

/** A path parameter, percent-decoded; a malformed escape (`%E0%A4%A`) is the client's error. */
function decodePathSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new HttpError(400, `the path has a malformed percent-encoding: ${segment}`);
  }
}

/** Reads a JSON body of at most MAX_BODY_BYTES; 413, 415 and 400 for what does not fit. */
async function readBody(req: IncomingMessage, method: string): Promise<{ value: unknown; bytes: number }> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_BODY_BYTES) {
    req.resume();
    throw new HttpError(413, `the body is larger than ${MAX_BODY_BYTES} bytes`);
  }
  const chunks: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of req) {
    bytes += (chunk as Buffer).length;
    if (bytes > MAX_BODY_BYTES) {
      req.resume();
      throw new HttpError(413, `the body is larger than ${MAX_BODY_BYTES} bytes`);
    }
    chunks.push(chunk as Buffer);
  }
  if (bytes === 0) return { value: undefined, bytes };
  if (method === 'GET' || method === 'DELETE') return { value: undefined, bytes };
  const type = String(req.headers['content-type'] ?? '');
  if (!type.startsWith('application/json')) throw new HttpError(415, 'send the body as application/json');
  try {
    return { value: JSON.parse(Buffer.concat(chunks).toString('utf8')), bytes };
  } catch {
    throw new HttpError(400, 'the body is not valid JSON');
  }
}
