/** The application domains the exporter instruments: the catalogue itself, never a copy of its names. */
import auth from '../../catalog/auth.ts';
import business from '../../catalog/business.ts';
import cache from '../../catalog/cache.ts';
import circuitBreaker from '../../catalog/circuit_breaker.ts';
import database from '../../catalog/database.ts';
import errors from '../../catalog/errors.ts';
import eventbus from '../../catalog/eventbus.ts';
import http from '../../catalog/http.ts';
import instrumentation from '../../catalog/instrumentation.ts';
import jobs from '../../catalog/jobs.ts';
import queue from '../../catalog/queue.ts';
import service from '../../catalog/service.ts';
import worker from '../../catalog/worker.ts';

export const APP_CATALOGUE = { auth, business, cache, circuitBreaker, database, errors, eventbus, http, instrumentation, jobs, queue, service, worker } as const;
export type AppCatalogue = typeof APP_CATALOGUE;
