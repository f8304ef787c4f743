/** The exporter's metrics: a registry of its own, the catalogue's instruments, prom-client's runtime metrics. */
import { collectDefaultMetrics, Registry } from 'prom-client';
import { createInstruments, type Instruments } from 'sextant/instruments';
import config from '../../sextant.config.ts';
import { ROLES, type Role } from '../role-map.ts';
import { APP_CATALOGUE, type AppCatalogue } from './catalogue.ts';

export type AppInstruments = Instruments<AppCatalogue>;

export interface Metrics {
  readonly registry: Registry;
  readonly instruments: AppInstruments;
}

/** A registry for one role (only its domains), or for the whole application catalogue. */
export function createMetrics(options: { runtime?: boolean; role?: Role } = {}): Metrics {
  const registry = new Registry();
  const instruments = createInstruments(registry, APP_CATALOGUE, {
    namespace: config.namespace,
    ...(options.role ? { exposed: ROLES[options.role].domains } : {}),
    foldCounter: APP_CATALOGUE.instrumentation.metrics.labelValuesFolded,
  });
  // The runtime domain of the catalogue is exactly prom-client's default metrics (a test keeps it so).
  if (options.runtime ?? true) collectDefaultMetrics({ register: registry });
  return { registry, instruments };
}
