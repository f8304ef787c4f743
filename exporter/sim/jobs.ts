/**
 * The task platform's worker side: queues, a pool of workers per queue,
 * retries, failures by error type, durations, and the events and billing a finished job produces.
 */
import * as vocabulary from '../../catalog/shared/labels.ts';
import { withoutOther, type KnownOf } from '../vocabulary.ts';
import { latency, pick, sleep, type SimulationContext } from './context.ts';
import type { Cache, Database } from './dependencies.ts';
import type { EventBus } from './eventbus.ts';
import { classify, type ErrorType, type Tracer } from './tracing.ts';

export const QUEUE_NAMES = withoutOther(vocabulary.QUEUES);
export const JOB_TYPES = withoutOther(vocabulary.JOB_TYPES);
export type QueueName = KnownOf<typeof vocabulary.QUEUES>;
export type JobType = KnownOf<typeof vocabulary.JOB_TYPES>;

const MEDIAN_SECONDS: Record<JobType, number> = { email: 0.05, report: 0.4, notification: 0.02, export: 0.8, webhook: 0.1 };
const MAX_ATTEMPTS = 3;
const TIMEOUT_SECONDS = 5;

interface Job {
  readonly type: JobType;
  readonly queue: QueueName;
  readonly attempt: number;
  readonly enqueuedAt: number;
}

class JobError extends Error {
  constructor(readonly errorType: ErrorType, message: string) {
    super(message);
  }
}

export class JobSystem {
  private readonly queues = new Map<QueueName, Job[]>(QUEUE_NAMES.map((name) => [name, []]));
  private readonly busy = new Map<QueueName, number>(QUEUE_NAMES.map((name) => [name, 0]));
  private readonly busyMs = new Map<QueueName, number>(QUEUE_NAMES.map((name) => [name, 0]));
  private running = true;

  constructor(
    private readonly context: SimulationContext,
    private readonly deps: { database: Database; cache: Cache; bus: EventBus; tracer: Tracer },
  ) {
    const { metrics, config } = context;
    for (const queue of QUEUE_NAMES) {
      metrics.worker.poolSize.set({ queue }, config.workers);
      for (const job_type of JOB_TYPES) {
        metrics.jobs.retries.inc({ queue, job_type }, 0);
        metrics.jobs.failed.inc({ queue, job_type, error_type: 'timeout' }, 0);
        for (const result of ['success', 'failed'] as const) metrics.jobs.processed.inc({ queue, job_type, result }, 0);
      }
      for (let i = 0; i < config.workers; i++) void this.workerLoop(queue);
    }
    context.every(config.tickMs, () => this.report());
    this.report();
  }

  submit(type: JobType, queue: QueueName): void {
    this.context.metrics.jobs.submitted.inc({ queue, job_type: type });
    this.enqueue({ type, queue, attempt: 1, enqueuedAt: Date.now() });
  }

  stop(): void {
    this.running = false;
  }

  private enqueue(job: Job): void {
    this.context.metrics.queue.enqueued.inc({ queue: job.queue });
    this.queues.get(job.queue)!.push(job);
  }

  private async workerLoop(queue: QueueName): Promise<void> {
    while (this.running) {
      const job = this.context.faults.stall_workers ? undefined : this.queues.get(queue)!.shift();
      if (!job) {
        await sleep(0.05);
        continue;
      }
      const { metrics } = this.context;
      metrics.queue.dequeued.inc({ queue });
      metrics.queue.waitDuration.observe({ queue }, (Date.now() - job.enqueuedAt) / 1000);
      this.busy.set(queue, this.busy.get(queue)! + 1);
      const started = Date.now();
      const stop = metrics.worker.processingDuration.startTimer({ queue, job_type: job.type });
      try {
        await this.process(job);
      } finally {
        stop();
        this.busy.set(queue, this.busy.get(queue)! - 1);
        this.busyMs.set(queue, this.busyMs.get(queue)! + (Date.now() - started));
      }
    }
  }

  private async process(job: Job): Promise<void> {
    const { metrics, faults } = this.context;
    const labels = { queue: job.queue, job_type: job.type };
    try {
      await this.deps.tracer.span('job_process', async () => {
        const stop = metrics.jobs.processingDuration.startTimer(labels);
        try {
          await this.deps.database.query('select', 'tasks');
          const seconds = latency(MEDIAN_SECONDS[job.type]);
          if (seconds > TIMEOUT_SECONDS) throw new JobError('timeout', `${job.type} job took longer than ${TIMEOUT_SECONDS}s`);
          await sleep(seconds);
          if (Math.random() < Math.max(0.01, faults.fail_jobs)) {
            throw new JobError(pick([['dependency', 3], ['validation', 1], ['internal', 1]]), `${job.type} job failed`);
          }
          await this.deps.database.query('update', 'tasks');
          await this.deps.cache.set(`job:${job.type}:${Math.floor(Math.random() * 1000)}`);
        } finally {
          stop();
        }
      });
      metrics.jobs.processed.inc({ ...labels, result: 'success' });
      this.deps.bus.publish('task_completed');
    } catch (error) {
      const errorType = error instanceof JobError ? error.errorType : classify(error);
      metrics.jobs.failed.inc({ ...labels, error_type: errorType });
      this.deps.tracer.error('worker', error, 'warning');
      if (job.attempt < MAX_ATTEMPTS && errorType !== 'validation') {
        metrics.jobs.retries.inc(labels);
        this.enqueue({ ...job, attempt: job.attempt + 1, enqueuedAt: Date.now() });
        return;
      }
      metrics.jobs.processed.inc({ ...labels, result: errorType === 'timeout' ? 'timeout' : 'failed' });
      this.deps.bus.publish('task_failed');
    }
  }

  private report(): void {
    const { metrics, config, faults } = this.context;
    for (const queue of QUEUE_NAMES) {
      const waiting = this.queues.get(queue)!;
      metrics.queue.length.set({ queue }, waiting.length);
      metrics.queue.oldestJobAge.set({ queue }, waiting.length === 0 ? 0 : (Date.now() - waiting[0]!.enqueuedAt) / 1000);
      const running = faults.stall_workers ? 0 : config.workers;
      metrics.worker.running.set({ queue }, running);
      metrics.worker.busy.set({ queue }, this.busy.get(queue)!);
      metrics.worker.utilization.set({ queue }, running === 0 ? 0 : Math.min(1, this.busyMs.get(queue)! / (running * config.tickMs)));
      this.busyMs.set(queue, 0);
    }
  }
}
