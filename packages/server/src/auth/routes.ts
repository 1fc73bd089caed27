/**
 * POST /v1/auth/login | wechat | sms/code | sms | refresh: sessions for staff and regulators (password) and consumers
 * (WeChat in the mini-program, a phone number and SMS code in the H5 app: sms-routes.ts).
 */
import {
  LoginInputSchema,
  RefreshInputSchema,
  type Role,
  TokenAnswerSchema,
  WechatLoginInputSchema,
} from '@brightkitchen/sdk';
import type { FastifyPluginAsync } from 'fastify';
import type * as v from 'valibot';
import { createUser, issueSession, publicUser, refreshSession } from '../accounts/index.js';
import { audit } from '../audit/store.js';
import { AppError } from '../errors/index.js';
import { assertNotLocked, clearLoginFailures, recordLoginFailure } from '../limits/login-lock.js';
import { errorResponses, jsonSchema, PUBLIC } from '../schemas/index.js';
import { verifyPassword } from './password.js';
import { smsRoutes } from './sms-routes.js';
import { code2session } from './wechat.js';

// A fixed hash to spend the same time on unknown logins as on wrong passwords.
const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

const sessionResponse = { 200: jsonSchema(TokenAnswerSchema), ...errorResponses };

export const authRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app.ctx.database;

  app.post<{ Body: v.InferOutput<typeof LoginInputSchema> }>(
    '/login',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        operationId: 'login',
        summary: 'Log in with a login and password (staff, managers, regulators, admins)',
        security: PUBLIC,
        body: jsonSchema(LoginInputSchema),
        response: sessionResponse,
      },
    },
    async (request) => {
      const { login, password } = request.body;
      await assertNotLocked(app.ctx.database, login);
      const user = await db.selectFrom('users').selectAll().where('login', '=', login).executeTakeFirst();
      const ok = await verifyPassword(password, user?.password_hash ?? DUMMY_HASH);
      if (!user || !ok || user.disabled_at) {
        const lockedUntil = await recordLoginFailure(app.ctx.database, login, app.ctx.config.limits.loginLockAfter);
        await audit(app.ctx.database, request, {
          action: lockedUntil ? 'login.locked' : 'login.failed',
          subject: login,
          ...(user ? { actorId: user.id } : {}),
          ...(lockedUntil ? { details: { lockedUntil: lockedUntil.toISOString() } } : {}),
        });
        throw new AppError('INVALID_CREDENTIALS');
      }
      await clearLoginFailures(app.ctx.database, login);
      await audit(app.ctx.database, request, {
        action: 'login.succeeded',
        subject: login,
        actorId: user.id,
        actorRole: user.role as Role,
      });
      return issueSession(app.ctx, publicUser(user));
    },
  );

  app.post<{ Body: v.InferOutput<typeof WechatLoginInputSchema> }>(
    '/wechat',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        operationId: 'wechatLogin',
        summary: 'Log in a consumer with the code of wx.login()',
        security: PUBLIC,
        body: jsonSchema(WechatLoginInputSchema),
        response: sessionResponse,
      },
    },
    async (request) => {
      const session = await code2session(app.ctx.config.wechat, request.body.code);
      const existing = await db
        .selectFrom('users')
        .selectAll()
        .where('wechat_openid', '=', session.openid)
        .executeTakeFirst();
      if (existing?.disabled_at) throw new AppError('FORBIDDEN');
      const user = existing
        ? publicUser(existing)
        : await createUser(app.ctx.database, {
            role: 'consumer' satisfies Role,
            displayName: `微信用户${session.openid.slice(-4)}`,
            wechatOpenid: session.openid,
          });
      return issueSession(app.ctx, user);
    },
  );

  await app.register(smsRoutes);

  app.post<{ Body: v.InferOutput<typeof RefreshInputSchema> }>(
    '/refresh',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        operationId: 'refreshSession',
        summary: 'Exchange the refresh token for a new session (the old token is spent)',
        security: PUBLIC,
        body: jsonSchema(RefreshInputSchema),
        response: sessionResponse,
      },
    },
    async (request) => refreshSession(app.ctx, request.body.refreshToken),
  );
};
