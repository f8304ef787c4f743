/**
 * The downstream dependencies both roles call: a database behind a circuit breaker, and a cache.
 * Their metrics are the catalogue's database, circuit_breaker and cache domains.
 */
import cacheDomain from '../../catalog/cache.ts';
import circuitBreaker from '../../catalog/circuit_breaker.ts';
import database from '../../catalog/database.ts';
import type { DEPENDENCIES } from '../../catalog/shared/labels.ts';
import { known, type Known, type KnownOf } from '../vocabulary.ts';
import { latency, sleep, type SimulationContext } from './context.ts';

type BreakerState = Known<typeof circuitBreaker.metrics.transitions, 'to_state'>;
const STATE_VALUE: Record<BreakerState, number> = { closed: 0, open: 1, half_open: 2 };
const FAILURES_TO_OPEN = 5;
const OPEN_SECONDS = 10;

export class CircuitOpenError extends Error {}

export class CircuitBreaker {
  private state: BreakerState = 'closed';
  private failures = 0;
  private openedAt = 0;

  constructor(
    private readonly context: SimulationContext,
    private readonly service: KnownOf<typeof DEPENDENCIES>,
  ) {
    const { metrics } = context;
    metrics.circuitBreaker.state.set({ service }, 0);
    metrics.circuitBreaker.failures.set({ service }, 0);
    for (const result of known(circuitBreaker.metrics.calls, 'result')) metrics.circuitBreaker.calls.inc({ service, result }, 0);
    metrics.circuitBreaker.transitions.inc({ service, from_state: 'closed', to_state: 'open' }, 0);
  }

  async call<T>(operation: () => Promise<T>): Promise<T> {
    const { metrics } = this.context;
    const service = this.service;
    if (this.context.faults.circuit_open) this.transition('open');
    else if (this.state === 'open' && Date.now() - this.openedAt > OPEN_SECONDS * 1000) this.transition('half_open');
    if (this.state === 'open') {
      metrics.circuitBreaker.calls.inc({ service, result: 'rejected' });
      throw new CircuitOpenError(`circuit breaker for ${service} is open`);
    }
    try {
      const result = await operation();
      metrics.circuitBreaker.calls.inc({ service, result: 'success' });
      this.failures = 0;
      if (this.state === 'half_open') this.transition('closed');
      metrics.circuitBreaker.failures.set({ service }, 0);
      return result;
    } catch (error) {
      metrics.circuitBreaker.calls.inc({ service, result: 'failure' });
      this.failures++;
      metrics.circuitBreaker.failures.set({ service }, this.failures);
      if (this.state === 'half_open' || this.failures >= FAILURES_TO_OPEN) this.transition('open');
      throw error;
    }
  }

  private transition(to: BreakerState): void {
    if (to === this.state) return;
    this.context.metrics.circuitBreaker.transitions.inc({ service: this.service, from_state: this.state, to_state: to });
    this.state = to;
    if (to === 'open') this.openedAt = Date.now();
    this.context.metrics.circuitBreaker.state.set({ service: this.service }, STATE_VALUE[to]);
  }
}

export type QueryType = Known<typeof database.metrics.queryDuration, 'query_type'>;
export type Table = Known<typeof database.metrics.queryDuration, 'table'>;
const POOL_SIZE = 20;
const QUERY_SECONDS: Record<QueryType, number> = { select: 0.003, insert: 0.006, update: 0.005, delete: 0.004 };

export class DatabaseError extends Error {}

export class Database {
  private inUse = 0;
  readonly breaker: CircuitBreaker;

  constructor(private readonly context: SimulationContext) {
    this.breaker = new CircuitBreaker(context, 'database');
    context.metrics.database.maxConnections.set({}, POOL_SIZE);
    this.report();
    for (const query_type of known(database.metrics.queryErrors, 'query_type')) {
      context.metrics.database.queryErrors.inc({ query_type, error_type: 'timeout' }, 0);
    }
  }

  query(queryType: QueryType, table: Table): Promise<void> {
    return this.breaker.call(async () => {
      const { metrics, faults } = this.context;
      this.inUse++;
      this.report();
      const stop = metrics.database.queryDuration.startTimer({ query_type: queryType, table });
      try {
        await sleep(latency(QUERY_SECONDS[queryType]) + faults.slow_database);
        if (Math.random() < 0.002) {
          const error_type = Math.random() < 0.5 ? 'deadlock' : 'connection';
          metrics.database.queryErrors.inc({ query_type: queryType, error_type });
          throw new DatabaseError(`${queryType} on ${table} failed: ${error_type}`);
        }
      } finally {
        stop();
        this.inUse--;
        this.report();
      }
    });
  }

  private report(): void {
    this.context.metrics.database.connections.set({ state: 'in_use' }, this.inUse);
    this.context.metrics.database.connections.set({ state: 'idle' }, Math.max(0, POOL_SIZE - this.inUse));
  }
}

type CacheName = Known<typeof cacheDomain.metrics.entries, 'cache'>;
const CAPACITY = 5_000;

export class Cache {
  private readonly entries = new Map<string, number>();
  private hits = 0;
  private gets = 0;

  constructor(
    private readonly context: SimulationContext,
    private readonly name: CacheName,
  ) {
    for (const reason of known(cacheDomain.metrics.evictions, 'reason')) context.metrics.cache.evictions.inc({ cache: name, reason }, 0);
    context.every(context.config.tickMs, () => this.expire());
    this.report();
  }

  async get(key: string): Promise<boolean> {
    const { metrics, faults } = this.context;
    const stop = metrics.cache.operationDuration.startTimer({ cache: this.name, operation: 'get' });
    await sleep(latency(0.0004));
    const present = this.entries.has(key) && !(faults.cache_misses && Math.random() < 0.9);
    stop();
    metrics.cache.operations.inc({ cache: this.name, operation: 'get', result: present ? 'hit' : 'miss' });
    this.gets++;
    if (present) this.hits++;
    this.report();
    return present;
  }

  async set(key: string): Promise<void> {
    const { metrics } = this.context;
    const stop = metrics.cache.operationDuration.startTimer({ cache: this.name, operation: 'set' });
    await sleep(latency(0.0005));
    if (this.entries.size >= CAPACITY) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
      metrics.cache.evictions.inc({ cache: this.name, reason: 'capacity' });
    }
    this.entries.set(key, Date.now());
    stop();
    metrics.cache.operations.inc({ cache: this.name, operation: 'set', result: 'success' });
    this.report();
  }

  async delete(key: string): Promise<void> {
    const { metrics } = this.context;
    const stop = metrics.cache.operationDuration.startTimer({ cache: this.name, operation: 'delete' });
    await sleep(latency(0.0003));
    if (this.entries.delete(key)) metrics.cache.evictions.inc({ cache: this.name, reason: 'manual' });
    stop();
    metrics.cache.operations.inc({ cache: this.name, operation: 'delete', result: 'success' });
    this.report();
  }

  /** Entries live about five minutes. */
  private expire(): void {
    const limit = Date.now() - 300_000;
    for (const [key, at] of this.entries) {
      if (at > limit) break;
      this.entries.delete(key);
      this.context.metrics.cache.evictions.inc({ cache: this.name, reason: 'ttl' });
    }
    this.report();
  }

  private report(): void {
    this.context.metrics.cache.entries.set({ cache: this.name }, this.entries.size);
    this.context.metrics.cache.hitRatio.set({ cache: this.name }, this.gets === 0 ? 1 : this.hits / this.gets);
  }
}
