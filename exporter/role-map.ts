/**
 * The exporter's roles, defined once: the catalogue domains each records (its registry exposes only
 * these, and prom-client's runtime metrics) and the port it listens on unless EXPORTER_PORT says
 * otherwise. The exporter reads it to register and listen, scrape/ to declare what each job
 * exposes and where, and the native stack (through those jobs) to start them.
 */
import { APP_CATALOGUE, type AppCatalogue } from './instruments/catalogue.ts';

export const ROLES = {
  api: { port: 8080, domains: ['http', 'auth', 'business', 'cache', 'database', 'circuitBreaker', 'errors', 'service', 'instrumentation'] },
  worker: { port: 8081, domains: ['jobs', 'queue', 'worker', 'eventbus', 'cache', 'database', 'circuitBreaker', 'errors', 'service', 'instrumentation'] },
} as const satisfies Record<string, { readonly port: number; readonly domains: readonly (keyof AppCatalogue)[] }>;

export type Role = keyof typeof ROLES;

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && Object.hasOwn(ROLES, value);
}

/** The catalogue domains a role records, as definitions (what its scrape job exposes). */
export function roleDomains(role: Role): AppCatalogue[keyof AppCatalogue][] {
  return ROLES[role].domains.map((domain) => APP_CATALOGUE[domain]);
}
