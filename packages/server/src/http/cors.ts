/**
 * CORS for the origins of BK_CORS_ORIGINS only: a page of a listed origin may call the API (its preflight answers
 * 204 with the allowed methods and headers); any other origin gets no CORS header at all (its preflight: 404). With
 * no origin listed nothing is registered: same origin only, at no cost per request.
 */
import cors from '@fastify/cors';
import type { FastifyInstance } from 'fastify';

/** What a client sends: credentials (bearer, partner signature), idempotent writes, its own request id. */
const ALLOWED_HEADERS = [
  'Authorization',
  'Content-Type',
  'Idempotency-Key',
  'X-Request-Id',
  'X-BK-Key',
  'X-BK-Timestamp',
  'X-BK-Signature',
];
/** What a client may read back besides the simple headers. */
const EXPOSED_HEADERS = ['X-Request-Id', 'Retry-After', 'Location'];

export async function registerCors(app: FastifyInstance, origins: readonly string[]): Promise<void> {
  if (origins.length === 0) return;
  const allowed = new Set(origins);
  await app.register(cors, {
    // Only a listed origin is answered; false leaves the answer without CORS headers.
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin)),
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ALLOWED_HEADERS,
    exposedHeaders: EXPOSED_HEADERS,
    // Bearer tokens, not cookies: nothing is sent with credentials mode.
    credentials: false,
    maxAge: 600,
  });
}
