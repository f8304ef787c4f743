/**
 * The event bus: events published onto an in-memory transport and dispatched to
 * handlers by a dispatcher loop, with depth, lag, processing time and errors measured.
 */
import eventbus from '../../catalog/eventbus.ts';
import { known, type Known } from '../vocabulary.ts';
import { latency, pick, sleep, type SimulationContext } from './context.ts';
import type { Tracer } from './tracing.ts';

export type EventType = Known<typeof eventbus.metrics.dispatched, 'event_type'>;
type Handler = Known<typeof eventbus.metrics.dispatched, 'handler'>;

const HANDLERS: Record<EventType, readonly Handler[]> = {
  task_created: ['index_handler', 'audit_handler'],
  task_completed: ['index_handler', 'notification_handler', 'webhook_handler'],
  task_failed: ['notification_handler', 'audit_handler'],
  user_registered: ['notification_handler', 'audit_handler'],
  notification_requested: ['notification_handler'],
};
const CAPACITY = 10_000;

interface Event {
  readonly type: EventType;
  readonly publishedAt: number;
}

export class EventBus {
  private readonly queue: Event[] = [];

  constructor(
    private readonly context: SimulationContext,
    private readonly tracer: Tracer,
  ) {
    const { metrics } = context;
    for (const event_type of known(eventbus.metrics.errors, 'event_type')) metrics.eventbus.errors.inc({ event_type, error_type: 'handler_error' }, 0);
    this.report();
    void this.dispatchLoop();
    // The outbox and Kafka transports of a real deployment, kept shallow.
    context.every(context.config.tickMs, () => {
      metrics.eventbus.queueDepth.set({ transport: 'outbox' }, Math.floor(Math.random() * 3));
      metrics.eventbus.queueDepth.set({ transport: 'kafka' }, Math.floor(Math.random() * 20));
    });
  }

  private running = true;

  publish(type: EventType): void {
    const tier = pick([['free', 6], ['pro', 3], ['enterprise', 1]]);
    this.context.metrics.eventbus.published.inc({ event_type: type, tenant_tier: tier });
    if (this.queue.length >= CAPACITY) {
      this.context.metrics.eventbus.errors.inc({ event_type: type, error_type: 'dead_lettered' });
      return;
    }
    this.queue.push({ type, publishedAt: Date.now() });
    this.report();
  }

  stop(): void {
    this.running = false;
  }

  private async dispatchLoop(): Promise<void> {
    while (this.running) {
      const event = this.queue.shift();
      this.report();
      if (!event) {
        await sleep(0.02);
        continue;
      }
      this.context.metrics.eventbus.lag.observe({ event_type: event.type }, (Date.now() - event.publishedAt) / 1000);
      for (const handler of HANDLERS[event.type]) await this.handle(event, handler);
    }
  }

  private async handle(event: Event, handler: Handler): Promise<void> {
    const { metrics } = this.context;
    const stop = metrics.eventbus.processingDuration.startTimer({ event_type: event.type, handler });
    try {
      await this.tracer.span('event_dispatch', async () => {
        await sleep(latency(0.002));
        if (Math.random() < 0.003) throw new Error(`${handler} failed on ${event.type}`);
      });
      metrics.eventbus.dispatched.inc({ event_type: event.type, handler });
    } catch (error) {
      metrics.eventbus.errors.inc({ event_type: event.type, error_type: 'handler_error' });
      this.tracer.error('eventbus', error, 'warning');
    } finally {
      stop();
    }
  }

  private report(): void {
    this.context.metrics.eventbus.queueDepth.set({ transport: 'in_memory' }, this.queue.length);
  }
}
