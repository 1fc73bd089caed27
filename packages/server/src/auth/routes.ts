/** POST /v1/auth/login | wechat | refresh: sessions for staff and regulators (password) and consumers (WeChat). */
import type { Role } from '@brightkitchen/sdk';
import type { FastifyPluginAsync } from 'fastify';
import type * as v from 'valibot';
import { createUser, issueSession, publicUser, refreshSession } from '../accounts/index.js';
import { AppError } from '../errors/index.js';
import { LoginBodySchema, RefreshBodySchema, SessionSchema, WechatLoginBodySchema } from '../schemas/auth.js';
import { errorResponses, jsonSchema } from '../schemas/index.js';
import { verifyPassword } from './password.js';
import { code2session } from './wechat.js';

// A fixed hash to spend the same time on unknown logins as on wrong passwords.
const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

const sessionResponse = { 200: jsonSchema(SessionSchema), ...errorResponses };

export const authRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app.ctx.database;

  app.post<{ Body: v.InferOutput<typeof LoginBodySchema> }>(
    '/login',
    {
      config: { public: true },
      schema: { tags: ['auth'], body: jsonSchema(LoginBodySchema), response: sessionResponse },
    },
    async (request) => {
      const { login, password } = request.body;
      const user = await db.selectFrom('users').selectAll().where('login', '=', login).executeTakeFirst();
      const ok = await verifyPassword(password, user?.password_hash ?? DUMMY_HASH);
      if (!user || !ok || user.disabled_at) throw new AppError('INVALID_CREDENTIALS');
      return issueSession(app.ctx, publicUser(user));
    },
  );

  app.post<{ Body: v.InferOutput<typeof WechatLoginBodySchema> }>(
    '/wechat',
    {
      config: { public: true },
      schema: { tags: ['auth'], body: jsonSchema(WechatLoginBodySchema), response: sessionResponse },
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

  app.post<{ Body: v.InferOutput<typeof RefreshBodySchema> }>(
    '/refresh',
    {
      config: { public: true },
      schema: { tags: ['auth'], body: jsonSchema(RefreshBodySchema), response: sessionResponse },
    },
    async (request) => refreshSession(app.ctx, request.body.refreshToken),
  );
};
