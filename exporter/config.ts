/**
 * Exporter configuration, from EXPORTER_* environment variables only. Every value is validated
 * at start-up; an unknown EXPORTER_ variable is an error too, so a typo cannot go unnoticed.
 */
import { readFileSync } from 'node:fs';
import { parseFaultList, type FaultState } from './faults.ts';
import { isRole, ROLES, type Role } from './role-map.ts';

const ROLE_NAMES = Object.keys(ROLES).join(' or ');

export interface ExporterConfig {
  readonly role: Role;
  readonly host: string;
  readonly port: number;
  /** Where the api role forwards created tasks; none runs the api on its own. */
  readonly workerUrl: string | undefined;
  /** Requests per second (api) or jobs per second (worker) the built-in load generator makes; 0 for none. */
  readonly load: number;
  /** Workers per queue (worker role). */
  readonly workers: number;
  /** How often gauges are refreshed and simulated activity happens, in milliseconds. */
  readonly tickMs: number;
  readonly faults: FaultState;
  /** The bearer token /admin/faults requires; none keeps the fault switches off at run time. */
  readonly adminToken: string | undefined;
}

/** Shorter tokens are guessable; a random one: `openssl rand -hex 16`. */
export const MIN_ADMIN_TOKEN_LENGTH = 16;

const VARIABLES = {
  EXPORTER_ROLE: `${ROLE_NAMES} (required)`,
  EXPORTER_HOST: 'address to listen on (default 127.0.0.1; 0.0.0.0 in a container)',
  EXPORTER_PORT: `port to listen on (default ${Object.entries(ROLES).map(([role, { port }]) => `${port} for ${role}`).join(', ')})`,
  EXPORTER_WORKER_URL: 'base URL of the worker role, for the api to forward tasks to',
  EXPORTER_LOAD: 'requests (api) or jobs (worker) per second of built-in load (default 5; 0 for none)',
  EXPORTER_WORKERS: 'workers per queue (default 4)',
  EXPORTER_TICK_MS: 'simulation tick in milliseconds (default 1000)',
  EXPORTER_FAULTS: 'fault switches at start, such as errors=0.5,latency=2',
  EXPORTER_ADMIN_TOKEN: `bearer token for /admin/faults (at least ${MIN_ADMIN_TOKEN_LENGTH} characters); without it the switches are off`,
  EXPORTER_ADMIN_TOKEN_FILE: 'a file holding that token instead (a mounted secret)',
} as const;

export class ConfigError extends Error {}

export function usage(): string {
  return Object.entries(VARIABLES)
    .map(([name, text]) => `  ${name.padEnd(20)} ${text}`)
    .join('\n');
}

export function readConfig(env: NodeJS.ProcessEnv): ExporterConfig {
  const problems: string[] = [];
  for (const name of Object.keys(env)) {
    if (name.startsWith('EXPORTER_') && !Object.hasOwn(VARIABLES, name)) problems.push(`${name} is not a setting of the exporter`);
  }
  const role = env.EXPORTER_ROLE;
  if (!isRole(role)) problems.push(`EXPORTER_ROLE must be ${ROLE_NAMES}, got ${JSON.stringify(role ?? '')}`);
  const integer = (name: keyof typeof VARIABLES, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    // Plain decimal digits only: Number() would also take '0x50', '8e3', ' 80' and '80.0'.
    const value = /^\d+$/.test(raw) ? Number(raw) : NaN;
    if (!Number.isInteger(value) || value < min || value > max) problems.push(`${name} must be an integer from ${min} to ${max}, got ${JSON.stringify(raw)}`);
    return value;
  };
  const port = integer('EXPORTER_PORT', isRole(role) ? ROLES[role].port : 0, 1, 65_535);
  const load = integer('EXPORTER_LOAD', 5, 0, 1_000);
  const workers = integer('EXPORTER_WORKERS', 4, 1, 64);
  const tickMs = integer('EXPORTER_TICK_MS', 1_000, 50, 60_000);
  let workerUrl = env.EXPORTER_WORKER_URL || undefined;
  if (workerUrl !== undefined) {
    try {
      const url = new URL(workerUrl);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error();
      workerUrl = workerUrl.replace(/\/$/, '');
    } catch {
      problems.push(`EXPORTER_WORKER_URL must be an http(s) URL, got ${JSON.stringify(workerUrl)}`);
    }
  }
  let faults = parseFaultList('');
  try {
    faults = parseFaultList(env.EXPORTER_FAULTS ?? '');
  } catch (error) {
    problems.push(`EXPORTER_FAULTS: ${(error as Error).message}`);
  }
  const adminToken = readAdminToken(env, problems);
  if (problems.length > 0) throw new ConfigError(`invalid configuration:\n  ${problems.join('\n  ')}\n\nSettings:\n${usage()}`);
  return { role: role as Role, host: env.EXPORTER_HOST || '127.0.0.1', port, workerUrl, load, workers, tickMs, faults, adminToken };
}

function readAdminToken(env: NodeJS.ProcessEnv, problems: string[]): string | undefined {
  const { EXPORTER_ADMIN_TOKEN: given, EXPORTER_ADMIN_TOKEN_FILE: file } = env;
  if (given && file) {
    problems.push('EXPORTER_ADMIN_TOKEN and EXPORTER_ADMIN_TOKEN_FILE are both set; give one');
    return undefined;
  }
  let token = given || undefined;
  if (file) {
    try {
      token = readFileSync(file, 'utf8').trim();
    } catch (error) {
      problems.push(`EXPORTER_ADMIN_TOKEN_FILE: cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
      return undefined;
    }
  }
  if (token !== undefined && (token.length < MIN_ADMIN_TOKEN_LENGTH || /\s/.test(token))) {
    problems.push(`${file ? 'EXPORTER_ADMIN_TOKEN_FILE' : 'EXPORTER_ADMIN_TOKEN'}: the token must be at least ${MIN_ADMIN_TOKEN_LENGTH} characters without spaces (got ${token.length})`);
  }
  return token;
}
