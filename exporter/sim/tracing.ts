/** Spans and module errors (the errors domain): every unit of work is a span; failures are module errors. */
import type errors from '../../catalog/errors.ts';
import type { ERROR_TYPES } from '../../catalog/shared/labels.ts';
import type { Known, KnownOf } from '../vocabulary.ts';
import type { SimulationContext } from './context.ts';

export type Operation = Known<typeof errors.metrics.spansCreated, 'operation'>;
export type Module = Known<typeof errors.metrics.moduleErrors, 'module'>;
export type ErrorType = KnownOf<typeof ERROR_TYPES>;
type Severity = Known<typeof errors.metrics.moduleErrors, 'severity'>;

export class Tracer {
  constructor(private readonly context: SimulationContext) {
    for (const operation of ['http_request', 'job_process', 'event_dispatch'] as const) {
      context.metrics.errors.spansWithErrors.inc({ operation, error_type: 'internal' }, 0);
    }
    context.metrics.errors.moduleErrors.inc({ module: context.config.role, error_type: 'internal', severity: 'error' }, 0);
  }

  /** Runs `work` as a span of `operation`, counting it, timing it, and recording its error if it throws. */
  async span<T>(operation: Operation, work: () => Promise<T>): Promise<T> {
    const { metrics } = this.context;
    metrics.errors.spansCreated.inc({ operation });
    const stop = metrics.errors.spanDuration.startTimer({ operation });
    try {
      return await work();
    } catch (error) {
      metrics.errors.spansWithErrors.inc({ operation, error_type: classify(error) });
      throw error;
    } finally {
      stop();
    }
  }

  error(module: Module, error: unknown, severity: Severity = 'error'): void {
    this.context.metrics.errors.moduleErrors.inc({ module, error_type: classify(error), severity });
  }
}

export function classify(error: unknown): ErrorType {
  const name = error instanceof Error ? error.constructor.name : '';
  if (name === 'TimeoutError' || /timeout/i.test(String(error))) return 'timeout';
  if (name === 'ValidationError') return 'validation';
  if (name === 'CircuitOpenError' || name === 'DatabaseError') return 'dependency';
  return 'internal';
}
