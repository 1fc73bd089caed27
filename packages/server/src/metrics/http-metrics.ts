/**
 * Requests by route, method and status with their durations: one histogram, whose `_count` is the request count.
 * One `onResponse` hook, about a microsecond a request (prom-client's observe); the route is the pattern
 * (`/v1/public/venues/:publicCode`), and requests no route matched share `unmatched`, so scans add no series.
 */
import type { FastifyInstance } from 'fastify';
import { Histogram, type Registry } from 'prom-client';

/** Seconds: the QR profile answers in about a millisecond, a batch of 500 ledger writes in a few hundred. */
const BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export function registerHttpMetrics(app: FastifyInstance, registry: Registry): void {
  const duration = new Histogram({
    name: 'bk_http_request_duration_seconds',
    help: 'HTTP requests by route pattern, method and status, and the time to answer them (_count: requests).',
    labelNames: ['route', 'method', 'status'] as const,
    buckets: BUCKETS,
    registers: [registry],
  });
  app.addHook('onResponse', (request, reply, done) => {
    duration.observe(
      { route: request.routeOptions.url ?? 'unmatched', method: request.method, status: reply.statusCode },
      reply.elapsedTime / 1000,
    );
    done();
  });
}
