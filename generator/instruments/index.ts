/**
 * Typed instruments for a Node service, built from its catalogue domains: the only way the service
 * records a metric. Names (through the same resolver as the rules and dashboards), types, help,
 * buckets and label names all come from the definitions; the prom-client registry is the caller's,
 * never the global one, so a service (or a test) holds as many as it needs.
 */
import { Counter, type Registry } from 'prom-client';
import type { DomainDef } from '../dsl/domain.ts';
import type { MetricDef } from '../dsl/metrics.ts';
import { catalogueResolver } from '../model/build.ts';
import { LabelGuard, type FoldAction } from './guard.ts';
import { instrumentFor, type Instruments } from './instrument.ts';

export { OTHER, LabelGuard, type FoldAction } from './guard.ts';
export type { CounterInstrument, GaugeInstrument, Instrument, Instruments, ObserverInstrument } from './instrument.ts';

/** A label value the guard refused: which metric and label, what it did, and the value (for a log line). */
export interface Fold {
  readonly metric: string;
  readonly label: string;
  readonly action: FoldAction;
  readonly value: string | undefined;
}

export interface InstrumentOptions<C> {
  /** The project's namespace (`namespace` of sextant.config.ts): the prefix of every exposed name. */
  readonly namespace: string;
  /** Domains to register; the others record into metrics no registry holds. Default: all. */
  readonly exposed?: readonly (keyof C)[];
  /**
   * A counter of one of the domains, labelled `metric`, `label` and `action`, that counts every fold,
   * so a cardinality bug shows up as a series an alert can watch. Without it folds are not counted
   * (the values still fold).
   */
  readonly foldCounter?: MetricDef;
  /** Called on every fold, after counting: for a log line naming the value. */
  readonly onFold?: (fold: Fold) => void;
}

/** The labels a fold counter carries, in this order. */
const FOLD_LABELS = ['metric', 'label', 'action'] as const;

type Labels = Record<string, string>;

export function createInstruments<C extends Readonly<Record<string, DomainDef>>>(registry: Registry, domains: C, options: InstrumentOptions<C>): Instruments<C> {
  for (const [key, domain] of Object.entries(domains)) {
    if (domain.owner !== 'app') throw new Error(`createInstruments: domain '${domain.name}' (${key}) is an upstream exporter's, not the service's: pass only the domains the service records (owner 'app')`);
  }
  const resolver = catalogueResolver(Object.values(domains), options.namespace);
  const folds = options.foldCounter ? foldCounter(options.foldCounter, domains, resolver.name(options.foldCounter), registry) : undefined;
  const onFold = options.onFold;

  const instruments: Record<string, Record<string, unknown>> = {};
  for (const [domainKey, domain] of Object.entries(domains)) {
    const domainInstruments: Record<string, unknown> = {};
    for (const [key, metric] of Object.entries(domain.metrics)) {
      if (folds && metric === options.foldCounter) {
        // The fold counter counts without a guard: its own labels never fold.
        domainInstruments[key] = { inc: (labels: Labels, value?: number) => folds.inc(labels, value ?? 1) };
        continue;
      }
      const name = resolver.name(metric);
      const guard = new LabelGuard(metric.labels, (label, action, value) => {
        folds?.inc({ metric: name, label, action });
        onFold?.({ metric: name, label, action, value });
      });
      // A service registers only its own domains: an unlabelled gauge of another service's domain would
      // otherwise show 0 on this service's /metrics and fire alerts about nothing.
      const registers = !options.exposed || options.exposed.includes(domainKey) ? [registry] : [];
      domainInstruments[key] = instrumentFor(metric, name, guard, registers);
    }
    instruments[domainKey] = domainInstruments;
  }
  return instruments as Instruments<C>;
}

/** The fold counter's prom-client counter, once its definition is known to fit. */
function foldCounter(definition: MetricDef, domains: Readonly<Record<string, DomainDef>>, name: string, registry: Registry): Counter {
  const labels = Object.keys(definition.labels);
  const fits = definition.type === 'counter' && labels.length === FOLD_LABELS.length && FOLD_LABELS.every((label) => labels.includes(label));
  if (!fits) {
    throw new Error(
      `createInstruments: foldCounter ${name} is a ${definition.type} labelled [${labels.join(', ')}]; it must be a counter labelled exactly [${FOLD_LABELS.join(', ')}]`,
    );
  }
  if (!Object.values(domains).some((domain) => Object.values(domain.metrics).includes(definition))) {
    throw new Error(`createInstruments: foldCounter ${name} is in none of the domains passed: pass the domain that catalogues it too`);
  }
  return new Counter({ name, help: definition.help, labelNames: [...FOLD_LABELS], registers: [registry] });
}
