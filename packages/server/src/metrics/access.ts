/**
 * Who may read `/metrics`. With BK_METRICS_TOKEN: whoever sends it as `Authorization: Bearer <token>`, from
 * anywhere. Without: callers on this machine only (loopback), and not through a proxy (a request a proxy relayed
 * carries `Forwarded` or `X-Forwarded-For`, and would otherwise look local).
 */
import type { FastifyRequest } from 'fastify';
import { sameSecret } from '../crypto/index.js';
import { AppError } from '../errors/index.js';

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;
const RELAYED = ['forwarded', 'x-forwarded-for', 'x-real-ip'];

/** Throws UNAUTHENTICATED (token set, not given) or FORBIDDEN (no token set, not a local direct caller). */
export function checkMetricsAccess(request: FastifyRequest, token: string): void {
  if (token) {
    const given = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1] ?? '';
    if (!sameSecret(given, token)) throw new AppError('UNAUTHENTICATED');
    return;
  }
  const local = LOOPBACK.test(request.socket.remoteAddress ?? '');
  if (!local || RELAYED.some((name) => request.headers[name] !== undefined)) {
    throw new AppError('FORBIDDEN', { reason: 'metrics answer loopback callers only; set BK_METRICS_TOKEN' });
  }
}
