/**
 * What a label holds, decided from its name and from the values it lists. Identifiers, addresses
 * and free text take one value per user, request or message: a label of that kind is unbounded by
 * nature, whatever bound it declares. Names are read as snake_case words, the last one being what
 * the label is (`customer_ref` is a ref, `ref_type` a type).
 */
import type { LabelKind } from '../dsl/labels.ts';

export interface KindFinding {
  readonly kind: LabelKind;
  /** What gave it away, for the message: `'ref' in its name`, `value '10.0.0.1' (an IP address)`. */
  readonly evidence: string;
  /** The bounded label to use instead. */
  readonly instead: string;
}

const INSTEAD: Readonly<Record<LabelKind, string>> = {
  identifier: 'a bounded category (type, plan, tier) and keep the ids in logs or traces',
  address: 'a route template or a bounded peer/service name, and keep addresses in logs',
  text: 'an enumerated reason or type label, and keep the text in logs',
};

interface Word {
  readonly kind?: LabelKind;
  /** Better advice than the kind's, when the word says more (a tenant has a tier). */
  readonly instead?: string;
}

const id = { kind: 'identifier' } as const;
/** A person: as many values as users; what such a label was for is their plan, role or cohort. */
const person = { kind: 'identifier', instead: 'a plan, role or cohort label' } as const;
const address = { kind: 'address' } as const;
const text = { kind: 'text' } as const;
const route = { kind: 'address', instead: 'a route template label with declared values (/tasks/:id)' } as const;
const moment = () => ({ kind: 'identifier', instead: 'a gauge whose value is the time (…_timestamp_seconds)' }) as const;

/** Words that, as the last word of a label name, say what the label holds. */
const WORDS: Readonly<Record<string, Word>> = {
  // Identifiers: one value per thing.
  id, ids: id, uid: id, pid: id, ppid: id, uuid: id, guid: id, key: id, ref: id, reference: id, serial: id,
  hash: id, sha: id, md: id, digest: id, checksum: id, fingerprint: id, token: id, nonce: id, secret: id, password: id,
  sku: id, imei: id, phone: id, jwt: id, etag: id, displayname: id, fullname: id, username: person,
  // Things there are as many of as users or traffic; as an earlier word they only give the advice.
  user: person, customer: person, account: person, member: person,
  tenant: { kind: 'identifier', instead: 'a tenant tier label' },
  organization: { kind: 'identifier', instead: 'a plan label' },
  org: { kind: 'identifier', instead: 'a plan label' },
  room: { instead: 'a room type label' },
  session: { kind: 'identifier', instead: 'nothing: sessions belong in logs or traces' },
  request: { kind: 'identifier', instead: 'nothing: requests belong in logs or traces' },
  order: { kind: 'identifier', instead: 'nothing: orders belong in logs' },
  invoice: { kind: 'identifier', instead: 'nothing: invoices belong in logs' },
  transaction: { kind: 'identifier', instead: 'nothing: transactions belong in logs or traces' },
  trace: { kind: 'identifier', instead: 'exemplars or traces' },
  span: { kind: 'identifier', instead: 'exemplars or traces' },
  // Moments: a new one every second, so one series per moment. A time is a sample's value, not a label.
  timestamp: moment(), datetime: moment(), date: moment(), epoch: moment(), time: moment(),
  // Addresses: where something is.
  ip: address, ips: address, ipv: address, ipaddr: address, addr: address, address: address, addresses: address,
  email: { kind: 'address', instead: 'a plan, role or cohort label' }, mail: address,
  host: address, hostname: address, hostport: address, fqdn: address, mac: address, socket: address,
  referer: address, referrer: address,
  url: route, urls: route, uri: route, uris: route, href: route, path: route, paths: route, filepath: route, filename: route,
  // Free text: anything a person or a program wrote.
  message: text, messages: text, msg: text, text, description: text, desc: text, detail: text, details: text,
  body: text, content: text, title: text, logline: text, comment: text, note: text, notes: text, subject: text, payload: text, prompt: text,
  query: { kind: 'text', instead: 'a query type label' }, querystring: { kind: 'text', instead: 'a query type label' },
  sql: { kind: 'text', instead: 'a query type label' }, statement: { kind: 'text', instead: 'a query type label' },
  stmt: { kind: 'text', instead: 'a query type label' },
  stack: text, stacktrace: text, backtrace: text, traceback: text, cmdline: text, commandline: text, argv: text, args: text,
  arguments: text, headers: text, cookie: text, useragent: { kind: 'text', instead: 'a client type label (browser, mobile, bot)' },
};

/** Words that only qualify the word after them, so `clientip` reads as client + ip. */
const QUALIFIERS = new Set(['client', 'remote', 'local', 'source', 'src', 'destination', 'dest', 'dst', 'target', 'peer', 'server', 'raw', 'full', 'http', 'error', 'file', 'api', 'x']);
/** `*_name`, `*_number` of a user-like thing identify it (`customer_name`, `account_number`); of other things (`attempt_number`) they may not. */
const NAMING = new Set(['name', 'names', 'number', 'num', 'no', 'code', 'handle', 'login']);

function word(token: string): Word | undefined {
  return Object.hasOwn(WORDS, token) ? WORDS[token] : undefined;
}

/** The word a glued token ends with, when the rest is a word too: `clientip`, `userid`, `errormsg`. */
function gluedWord(token: string): { head: string; tail: string } | undefined {
  for (let i = 2; i <= token.length - 2; i++) {
    const head = token.slice(0, i);
    const tail = token.slice(i);
    if (!(word(head) || QUALIFIERS.has(head))) continue;
    if (word(tail)?.kind || (NAMING.has(tail) && word(head)?.kind === 'identifier')) return { head, tail };
  }
  return undefined;
}

/** The kind a label name says its values are, if any. */
export function kindFromName(name: string): KindFinding | undefined {
  const tokens = name.toLowerCase().split('_').filter(Boolean).map((token) => token.replace(/\d+$/, '') || token);
  if (tokens.length === 0) return undefined;
  const last = tokens[tokens.length - 1]!;
  const pair = tokens.length > 1 ? `${tokens[tokens.length - 2]}${last}` : undefined;
  const advice = (...words: string[]) =>
    [...words, ...[...tokens].reverse()].map((t) => word(t)?.instead).find((instead) => instead !== undefined);
  const finding = (kind: LabelKind, what: string, ...words: string[]): KindFinding => ({
    kind,
    evidence: `'${what}' in its name`,
    instead: advice(...words) ?? INSTEAD[kind],
  });

  // `user_agent`, `stack_trace`, `user_name`: two words that are one thing.
  if (pair !== undefined && word(pair)?.kind) return finding(word(pair)!.kind!, tokens.slice(-2).join('_'), pair);
  const kind = word(last)?.kind;
  if (kind) return finding(kind, last, last);
  if (NAMING.has(last)) {
    const owner = tokens.slice(0, -1).find((t) => word(t)?.kind === 'identifier');
    if (owner) return { ...finding('identifier', last, owner), evidence: `'${owner}' and '${last}' in its name` };
  }
  const glued = gluedWord(last);
  if (glued) {
    const gluedKind = word(glued.tail)?.kind ?? 'identifier';
    return finding(gluedKind, last, glued.tail, glued.head);
  }
  return undefined;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const URL_LIKE = /^[a-z][a-z0-9+.-]*:\/\//i;
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}(:\d{1,5})?(\/\d{1,2})?$/;
const IPV6 = /^\[?[0-9a-f]{0,4}(:[0-9a-f]{0,4}){2,7}\]?(:\d{1,5})?$/i;
const HOST_PORT = /^[a-z0-9]([a-z0-9.-]*[a-z0-9])?:\d{1,5}$/i;
const DIGITS = /^\d{6,}$/;
/** An ISO 8601 date, with or without a time of day. */
const DATE = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const HEX = /^(0x)?[0-9a-f]{8,}$/i;
/** Long runs of letters and digits with no words in them (API keys, JWT parts, base64), after a short prefix such as `sk_live_`. */
const TOKEN = /^([a-z]{2,8}[_-])*([A-Za-z0-9+/=-]{16,})$/;
/** Longer than any category name; longer values are sentences or payloads. */
export const MAX_VALUE_LENGTH = 64;

function idLike(segment: string): boolean {
  return UUID.test(segment) || /^\d+$/.test(segment) || (HEX.test(segment) && /\d/.test(segment) && /[a-f]/i.test(segment));
}

/** What a single listed value looks like, when it looks like something a category is not. */
function kindOfValue(value: string): { kind: LabelKind; what: string } | undefined {
  if (UUID.test(value)) return { kind: 'identifier', what: 'a UUID' };
  if (EMAIL.test(value)) return { kind: 'address', what: 'an email address' };
  if (URL_LIKE.test(value)) return { kind: 'address', what: 'a URL' };
  if (IPV4.test(value) || (IPV6.test(value) && (value.match(/:/g)?.length ?? 0) >= 2)) return { kind: 'address', what: 'an IP address' };
  if (HOST_PORT.test(value)) return { kind: 'address', what: 'a host:port address' };
  if (value.startsWith('/') && (value.includes('?') || value.split('/').some(idLike))) {
    return { kind: 'address', what: 'a raw path with an id in it; template it (/tasks/:id)' };
  }
  if (DATE.test(value)) return { kind: 'identifier', what: 'a date or time; one series per moment' };
  if (DIGITS.test(value)) return { kind: 'identifier', what: 'a number used as an id' };
  if (HEX.test(value) && /\d/.test(value) && (/[a-f]/i.test(value) || value.length >= 16)) return { kind: 'identifier', what: 'a hex id or hash' };
  const token = TOKEN.exec(value)?.[2];
  if (token && (token.match(/\d/g)?.length ?? 0) >= 3 && /[a-z]/i.test(token)) return { kind: 'identifier', what: 'a random token' };
  if (/\s/u.test(value)) return { kind: 'text', what: 'text with spaces; label values are single tokens' };
  if (value.length > MAX_VALUE_LENGTH) return { kind: 'text', what: `longer than ${MAX_VALUE_LENGTH} characters` };
  return undefined;
}

/** The kind the listed values of a label show, from the first value that shows one. */
export function kindFromValues(values: readonly unknown[]): KindFinding | undefined {
  for (const value of values) {
    if (typeof value !== 'string') continue;
    const found = kindOfValue(value);
    if (found) {
      const quoted = value.length > 40 ? `${value.slice(0, 37)}…` : value;
      return { kind: found.kind, evidence: `value '${quoted}' (${found.what})`, instead: INSTEAD[found.kind] };
    }
  }
  return undefined;
}
