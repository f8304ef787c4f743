/**
 * The built-in load generator: real HTTP requests to the api role's own task API (so every
 * request goes through the same middleware as a user's), or jobs submitted to the worker's queues.
 */
import type auth from '../catalog/auth.ts';
import { pick, type SimulationContext } from './sim/context.ts';
import { JOB_TYPES, QUEUE_NAMES, type JobSystem, type QueueName } from './sim/jobs.ts';
import type { Known } from './vocabulary.ts';

export function startApiLoad(context: SimulationContext, baseUrl: string, knownTasks: () => readonly string[]): void {
  const { load, tickMs } = context.config;
  if (load === 0) return;
  const request = async (method: string, path: string, body?: unknown) => {
    try {
      const response = await fetch(baseUrl + path, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(30_000),
      });
      await response.arrayBuffer();
    } catch {
      // The server may be shutting down; the load generator never takes the process with it.
    }
  };
  context.every(tickMs, () => {
    const count = Math.max(1, Math.round((load * tickMs) / 1000));
    for (let i = 0; i < count; i++) {
      const action = pick([['create', 35], ['read', 30], ['list', 10], ['login', 15], ['register', 4], ['health', 6]]);
      const tasks = knownTasks();
      switch (action) {
        case 'create':
          void request('POST', '/api/v1/tasks', { type: JOB_TYPES[Math.floor(Math.random() * JOB_TYPES.length)], queue: pick<QueueName>([['default', 6], ['critical', 2], ['bulk', 2]]) });
          break;
        case 'read': {
          const known = tasks.length > 0 && Math.random() < 0.9;
          void request('GET', `/api/v1/tasks/${known ? tasks[Math.floor(Math.random() * tasks.length)] : 'missing-task'}`);
          break;
        }
        case 'list':
          void request('GET', '/api/v1/tasks');
          break;
        case 'login':
          void request('POST', '/auth/login', {
            username: 'demo',
            password: Math.random() < 0.12 ? 'wrong' : 'correct-horse',
            method: pick<Known<typeof auth.metrics.loginAttempts, 'method'>>([['password', 6], ['oauth', 3], ['api_token', 1]]),
          });
          break;
        case 'register':
          void request('POST', '/auth/register', { username: Math.random() < 0.2 ? 'X' : `user_${Math.floor(Math.random() * 1e6)}` });
          break;
        case 'health':
          void request('GET', Math.random() < 0.5 ? '/healthz' : '/readyz');
          break;
      }
    }
  });
}

export function startWorkerLoad(context: SimulationContext, jobs: JobSystem): void {
  const { load, tickMs } = context.config;
  if (load === 0) return;
  context.every(tickMs, () => {
    const count = Math.max(1, Math.round((load * tickMs) / 1000));
    for (let i = 0; i < count; i++) {
      jobs.submit(JOB_TYPES[Math.floor(Math.random() * JOB_TYPES.length)]!, QUEUE_NAMES[Math.floor(Math.random() * QUEUE_NAMES.length)]!);
    }
  });
}
