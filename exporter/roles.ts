/** What each role runs: the api serves the task API; the worker runs the queues and the event bus. */
import type { Server } from 'node:http';
import type { Metrics } from './instruments/index.ts';
import { TaskApi } from './http/api.ts';
import { operationalRoutes, type Readiness } from './http/ops.ts';
import { createHttpServer, HttpError, type Route } from './http/server.ts';
import { startApiLoad, startWorkerLoad } from './load.ts';
import { startBusiness } from './sim/business.ts';
import { SimulationContext } from './sim/context.ts';
import { Cache, Database } from './sim/dependencies.ts';
import { EventBus } from './sim/eventbus.ts';
import { JOB_TYPES, JobSystem, QUEUE_NAMES } from './sim/jobs.ts';
import { startLifecycle } from './sim/lifecycle.ts';
import { Tracer } from './sim/tracing.ts';
import type { ExporterConfig } from './config.ts';
import { oneOf } from './vocabulary.ts';

export interface RunningRole {
  readonly server: Server;
  readonly readiness: Readiness;
  /** Stops the simulation and load; the caller closes the server. */
  stop(): void;
  /** Called once the server listens, with its base URL. */
  started(baseUrl: string): void;
}

export function startRole(config: ExporterConfig, metrics: Metrics): RunningRole {
  const context = new SimulationContext(config, metrics.instruments);
  const readiness: Readiness = { ready: false };
  const tracer = new Tracer(context);
  const lifecycle = startLifecycle(context);
  const database = new Database(context);
  const ops = operationalRoutes(context, metrics.registry, readiness);

  if (config.role === 'api') {
    const api = new TaskApi(context, { database, taskCache: new Cache(context, 'task_cache'), sessionCache: new Cache(context, 'session_cache'), tracer });
    startBusiness(context);
    const server = createHttpServer({
      routes: [...ops, ...api.routes()],
      metrics: { instruments: metrics.instruments, tracer },
      rawPathLabels: () => context.faults.bad_labels === 1,
    });
    return {
      server,
      readiness,
      started: (baseUrl) => {
        readiness.ready = true;
        startApiLoad(context, baseUrl, () => [...api.tasks.keys()]);
      },
      stop: () => {
        readiness.ready = false;
        lifecycle.setState('inactive');
        context.stop();
      },
    };
  }

  const bus = new EventBus(context, tracer);
  const jobs = new JobSystem(context, { database, cache: new Cache(context, 'tenant_cache'), bus, tracer });
  const enqueue: Route = {
    method: 'POST',
    path: '/internal/jobs',
    handler: ({ body }) => {
      const input = (typeof body === 'object' && body !== null ? body : {}) as { type?: unknown; queue?: unknown };
      if (!oneOf(JOB_TYPES, input.type) || !oneOf(QUEUE_NAMES, input.queue)) {
        throw new HttpError(422, `type must be one of ${JOB_TYPES.join(', ')} and queue one of ${QUEUE_NAMES.join(', ')}`);
      }
      jobs.submit(input.type, input.queue);
      bus.publish('task_created');
      return { status: 202, body: { accepted: true } };
    },
  };
  const server = createHttpServer({ routes: [...ops, enqueue] });
  return {
    server,
    readiness,
    started: () => {
      readiness.ready = true;
      startWorkerLoad(context, jobs);
      context.every(config.tickMs * 5, () => bus.publish(Math.random() < 0.5 ? 'user_registered' : 'notification_requested'));
    },
    stop: () => {
      readiness.ready = false;
      lifecycle.setState('inactive');
      jobs.stop();
      bus.stop();
      context.stop();
    },
  };
}
