/**
 * Per-IP rate limits with @fastify/rate-limit, answered `429 RATE_LIMITED` with `Retry-After`: login routes
 * (BK_LIMIT_LOGIN_PER_IP a minute), SMS codes (BK_LIMIT_SMS_PER_IP an hour) and every public route
 * (BK_LIMIT_PUBLIC_PER_IP a minute). The counters
 * are the plugin's in-memory store alone on SQLite, and in the database on PostgreSQL, where several instances
 * behind a balancer count an address together (as the account lock-out and the consumer quotas always have).
 */
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, onRequestHookHandler } from 'fastify';
import type { RouteAuthConfig } from '../auth/authenticate.js';
import { AppError } from '../errors/index.js';
import { databaseRateStore } from './database-rate-store.js';

const LOGIN_PATHS = new Set(['/v1/auth/login', '/v1/auth/wechat', '/v1/auth/sms', '/v1/me/phone']);
/** Each of these sends a text message that costs money and reaches a stranger's phone: limited per hour. */
const SMS_PATHS = new Set(['/v1/auth/sms/code']);
const HOUR_MS = 3600_000;
const MINUTE_MS = 60_000;

const refusal = (_: unknown, context: { ttl: number }) =>
  new AppError('RATE_LIMITED', { retryAfterSeconds: Math.max(1, Math.ceil(context.ttl / 1000)) });

/** Registers the plugin on the root (no global limit); call before `limitRoutes`. */
export async function registerRateLimits(app: FastifyInstance): Promise<void> {
  const { database } = app.ctx;
  // Public routes count in batches across instances (see database-rate-store.ts); logins and SMS exactly.
  const store = database.dialect === 'postgres' ? databaseRateStore(database, { batched: new Set(['public']) }) : null;
  if (store) {
    app.addHook('onClose', async () => {
      store.close();
      await store.flush();
    });
  }
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: refusal,
    ...(store ? { store } : {}),
  });
}

/** In the `/v1` context, before its routes: gives login and public routes their per-IP limiter. */
export function limitRoutes(api: FastifyInstance): void {
  const { limits } = api.ctx.config;
  const login = api.rateLimit({ max: limits.loginPerIpPerMinute, timeWindow: MINUTE_MS, groupId: 'login' });
  const open = api.rateLimit({ max: limits.publicPerIpPerMinute, timeWindow: MINUTE_MS, groupId: 'public' });
  const sms = api.rateLimit({ max: limits.smsPerIpPerHour, timeWindow: HOUR_MS, groupId: 'sms' });
  api.addHook('onRoute', (route) => {
    const limiters: onRequestHookHandler[] = [];
    if (LOGIN_PATHS.has(route.url)) limiters.push(login);
    if (SMS_PATHS.has(route.url)) limiters.push(sms);
    if ((route.config as RouteAuthConfig | undefined)?.public === true) limiters.push(open);
    if (limiters.length === 0) return;
    const existing = route.onRequest;
    route.onRequest = [...limiters, ...(existing === undefined ? [] : Array.isArray(existing) ? existing : [existing])];
  });
}
