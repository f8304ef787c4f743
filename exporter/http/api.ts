/**
 * The task API of the api role: create, read and list tasks, log in and register.
 * It talks to the simulated database and cache, and forwards new tasks to the worker role.
 */
import { randomUUID } from 'node:crypto';
import auth from '../../catalog/auth.ts';
import { pick, sleep, type SimulationContext } from '../sim/context.ts';
import type { Cache, Database } from '../sim/dependencies.ts';
import { JOB_TYPES, QUEUE_NAMES, type JobType, type QueueName } from '../sim/jobs.ts';
import type { Tracer } from '../sim/tracing.ts';
import { known, oneOf } from '../vocabulary.ts';
import { HttpError, type Route } from './server.ts';

interface Task {
  readonly id: string;
  readonly type: JobType;
  readonly queue: QueueName;
  readonly createdAt: string;
  status: 'queued' | 'accepted_locally';
}

const MAX_TASKS = 10_000;
const LOGIN_METHODS = known(auth.metrics.loginAttempts, 'method');

export class TaskApi {
  readonly tasks = new Map<string, Task>();

  constructor(
    private readonly context: SimulationContext,
    private readonly deps: { database: Database; taskCache: Cache; sessionCache: Cache; tracer: Tracer },
  ) {
    const { metrics } = context;
    for (const status of known(auth.metrics.registrations, 'status')) {
      metrics.auth.registrations.inc({ status }, 0);
      for (const method of LOGIN_METHODS) metrics.auth.loginAttempts.inc({ status, method }, 0);
    }
  }

  routes(): Route[] {
    const before = () => this.injectFaults();
    return [
      { method: 'POST', path: '/api/v1/tasks', instrumentedAs: '/api/v1/tasks', before, handler: ({ body }) => this.create(body) },
      { method: 'GET', path: '/api/v1/tasks', instrumentedAs: '/api/v1/tasks', before, handler: () => this.list() },
      { method: 'GET', path: '/api/v1/tasks/:id', instrumentedAs: '/api/v1/tasks/:id', before, handler: ({ params }) => this.read(params.id!) },
      { method: 'POST', path: '/auth/login', instrumentedAs: '/auth/login', before, handler: ({ body }) => this.login(body) },
      { method: 'POST', path: '/auth/register', instrumentedAs: '/auth/register', before, handler: ({ body }) => this.register(body) },
    ];
  }

  /** The errors and latency fault switches act on API requests only. */
  private async injectFaults(): Promise<void> {
    const { faults } = this.context;
    if (faults.latency > 0) await sleep(faults.latency);
    if (faults.errors > 0 && Math.random() < faults.errors) throw new HttpError(500, 'injected fault: errors');
  }

  private async create(body: unknown): Promise<{ status: number; body: unknown }> {
    const input = object(body);
    const type = input.type;
    if (!oneOf(JOB_TYPES, type)) throw new HttpError(422, `type must be one of ${JOB_TYPES.join(', ')}`);
    const queue = input.queue ?? 'default';
    if (!oneOf(QUEUE_NAMES, queue)) throw new HttpError(422, `queue must be one of ${QUEUE_NAMES.join(', ')}`);
    await this.deps.database.query('insert', 'tasks');
    const task: Task = { id: randomUUID(), type, queue, createdAt: new Date().toISOString(), status: 'queued' };
    this.remember(task);
    this.context.metrics.business.billingUsage.inc({ plan: pick([['free', 5], ['pro', 3], ['enterprise', 2]]), job_type: task.type });
    await this.deps.taskCache.set(task.id);
    if (!(await this.forward(task))) task.status = 'accepted_locally';
    return { status: 201, body: task };
  }

  private async read(id: string): Promise<{ status: number; body: unknown }> {
    if (!(await this.deps.taskCache.get(id))) {
      await this.deps.database.query('select', 'tasks');
      if (this.tasks.has(id)) await this.deps.taskCache.set(id);
    }
    const task = this.tasks.get(id);
    if (!task) throw new HttpError(404, `no task ${id}`);
    return { status: 200, body: task };
  }

  private async list(): Promise<{ status: number; body: unknown }> {
    await this.deps.database.query('select', 'tasks');
    return { status: 200, body: { tasks: [...this.tasks.values()].slice(-20) } };
  }

  private async login(body: unknown): Promise<{ status: number; body: unknown }> {
    const input = object(body);
    const method = input.method ?? 'password';
    if (!oneOf(LOGIN_METHODS, method)) throw new HttpError(422, `method must be one of ${LOGIN_METHODS.join(', ')}`);
    const labels = { method };
    if (typeof input.username !== 'string' || typeof input.password !== 'string') throw new HttpError(400, 'username and password are required');
    await this.deps.sessionCache.get(input.username);
    await this.deps.database.query('select', 'users');
    if (input.password !== 'correct-horse') {
      this.context.metrics.auth.loginAttempts.inc({ ...labels, status: 'failed' });
      throw new HttpError(401, 'wrong username or password');
    }
    this.context.metrics.auth.loginAttempts.inc({ ...labels, status: 'success' });
    await this.deps.database.query('insert', 'sessions');
    await this.deps.sessionCache.set(input.username);
    return { status: 200, body: { token: randomUUID() } };
  }

  private async register(body: unknown): Promise<{ status: number; body: unknown }> {
    const input = object(body);
    if (typeof input.username !== 'string' || !/^[a-z0-9_]{3,32}$/.test(input.username)) {
      this.context.metrics.auth.registrations.inc({ status: 'failed' });
      throw new HttpError(422, 'username must be 3–32 of a-z, 0-9 and _');
    }
    await this.deps.database.query('insert', 'users');
    this.context.metrics.auth.registrations.inc({ status: 'success' });
    return { status: 201, body: { username: input.username } };
  }

  private remember(task: Task): void {
    this.tasks.set(task.id, task);
    if (this.tasks.size > MAX_TASKS) this.tasks.delete(this.tasks.keys().next().value!);
  }

  /** Hands the task to the worker role; false when there is none or it does not answer. */
  private async forward(task: Task): Promise<boolean> {
    const url = this.context.config.workerUrl;
    if (!url) return false;
    try {
      const response = await fetch(`${url}/internal/jobs`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ type: task.type, queue: task.queue }),
        signal: AbortSignal.timeout(2_000),
      });
      if (!response.ok) throw new Error(`worker answered ${response.status}`);
      return true;
    } catch (error) {
      this.deps.tracer.error('api', error, 'warning');
      return false;
    }
  }
}

function object(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new HttpError(400, 'the body must be a JSON object');
  return body as Record<string, unknown>;
}
