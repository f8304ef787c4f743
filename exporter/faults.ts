/**
 * Fault switches: ways to make the reference system misbehave on purpose, each naming the alerts it
 * should fire. Set at start-up from EXPORTER_FAULTS or at run time through /admin/faults.
 */
import type { Role } from './role-map.ts';

export interface FaultSwitch {
  readonly name: string;
  readonly description: string;
  /** Which role acts on it; the other ignores it. */
  readonly role: Role | 'both';
  readonly kind: 'ratio' | 'seconds' | 'flag';
  /** Alerts this switch is expected to fire (the live tests hold it to that). */
  readonly alerts: readonly string[];
}

export const FAULT_SWITCHES = [
  { name: 'errors', description: 'Share of API requests answered 500.', role: 'api', kind: 'ratio', alerts: ['HttpErrorRatioHigh', 'HttpAvailabilityBurnRate1h', 'HttpTasksBurnRate1h'] },
  { name: 'latency', description: 'Seconds added to every API request.', role: 'api', kind: 'seconds', alerts: ['HttpLatencyP95High', 'HttpLatencyBurnRate1h'] },
  { name: 'stall_workers', description: 'Workers stop consuming: the queues back up.', role: 'worker', kind: 'flag', alerts: ['NoActiveWorkers', 'QueueBacklogSecondsHigh'] },
  { name: 'fail_jobs', description: 'Share of job attempts that fail.', role: 'worker', kind: 'ratio', alerts: ['JobFailureRatioHigh'] },
  { name: 'circuit_open', description: 'The circuit breaker in front of the database opens and stays open.', role: 'both', kind: 'flag', alerts: ['CircuitBreakerOpen'] },
  { name: 'cache_misses', description: 'The task cache misses almost every lookup.', role: 'both', kind: 'flag', alerts: ['CacheHitRatioLow'] },
  { name: 'slow_database', description: 'Seconds added to every database query.', role: 'both', kind: 'seconds', alerts: ['DatabaseQueriesSlow'] },
  {
    name: 'bad_labels',
    description: 'An instrumentation bug: the API records raw paths as the route label (the guard drops and counts them).',
    role: 'api',
    kind: 'flag',
    alerts: ['InstrumentationLabelValuesFolded'],
  },
] as const satisfies readonly FaultSwitch[];

export type FaultName = (typeof FAULT_SWITCHES)[number]['name'];
export type FaultState = Record<FaultName, number>;

export const NO_FAULTS: FaultState = Object.fromEntries(FAULT_SWITCHES.map((fault) => [fault.name, 0])) as FaultState;

const byName = new Map<string, FaultSwitch>(FAULT_SWITCHES.map((fault) => [fault.name, fault]));

const DECIMAL = /^\d+(\.\d+)?$/;

/** Reads one value for a switch; throws with a message that says what is accepted. */
export function parseFaultValue(name: string, raw: unknown): number {
  const fault = byName.get(name);
  if (!fault) throw new Error(`unknown fault switch '${name}'; known: ${FAULT_SWITCHES.map((f) => f.name).join(', ')}`);
  // Strings are plain decimals only: Number() would also take '0x1', '1e0', ' 1' and 'Infinity'.
  // true and false are a flag's values; a ratio or a latency given as true would be a guess (1? all?).
  const value = typeof raw === 'boolean' ? (fault.kind === 'flag' ? Number(raw) : NaN) : typeof raw === 'number' ? raw : typeof raw === 'string' && DECIMAL.test(raw) ? Number(raw) : NaN;
  const ok =
    fault.kind === 'flag' ? value === 0 || value === 1 : fault.kind === 'ratio' ? value >= 0 && value <= 1 : Number.isFinite(value) && value >= 0 && value <= 60;
  if (!ok) {
    const expected = fault.kind === 'flag' ? 'true, false, 1 or 0' : fault.kind === 'ratio' ? 'a ratio between 0 and 1' : 'seconds between 0 and 60';
    throw new Error(`fault '${name}' takes ${expected}, got ${JSON.stringify(raw)}`);
  }
  return value;
}

/** `errors=0.5,latency=2` (the EXPORTER_FAULTS syntax) into a state. */
export function parseFaultList(text: string): FaultState {
  const state = { ...NO_FAULTS };
  for (const item of text.split(',').map((part) => part.trim()).filter(Boolean)) {
    const [name, value, extra] = item.split('=');
    if (name === undefined || value === undefined || extra !== undefined) throw new Error(`'${item}' is not name=value`);
    state[name.trim() as FaultName] = parseFaultValue(name.trim(), value.trim() === 'true' ? true : value.trim() === 'false' ? false : value.trim());
  }
  return state;
}

/** Applies a JSON object of switch values (an admin request) to a state; throws on anything unknown. */
export function applyFaultUpdate(state: FaultState, update: unknown): FaultState {
  if (typeof update !== 'object' || update === null || Array.isArray(update)) throw new Error('the body must be a JSON object such as {"errors": 0.5}');
  const next = { ...state };
  for (const [name, raw] of Object.entries(update)) next[name as FaultName] = parseFaultValue(name, raw);
  return next;
}

/** The switches and their current values, as /admin/faults shows them. */
export function describeFaults(state: FaultState) {
  return FAULT_SWITCHES.map((fault) => ({ ...fault, value: state[fault.name] }));
}
