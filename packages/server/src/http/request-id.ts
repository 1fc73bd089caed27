/**
 * One id per request, in every log line of it (`reqId`) and in the answer's `X-Request-Id`: a caller's own id is
 * kept when it is sane (what a proxy or a client generates), otherwise the server makes one.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';

const SANE = /^[A-Za-z0-9._-]{1,64}$/;

/** Fastify's `genReqId`: the incoming `X-Request-Id` when sane, a random UUID otherwise. */
export function requestIdOf(request: IncomingMessage): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && SANE.test(given) ? given : randomUUID();
}

/** Echoes the id on every answer (404s and errors included). */
export function registerRequestIdHeader(app: FastifyInstance): void {
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    done();
  });
}
