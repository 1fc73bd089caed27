/**
 * POST /v1/auth/sms/code and POST /v1/auth/sms: consumers outside WeChat (the H5 app) sign in with a mainland
 * mobile number and the 6-digit code sent to it. A number is one consumer; a WeChat consumer who linked the number
 * (POST /v1/me/phone) is that same consumer, so one rating per person, venue and day holds across both sign-ins.
 */
import {
  type Role,
  SmsCodeAnswerSchema,
  SmsCodeRequestSchema,
  SmsLoginInputSchema,
  TokenAnswerSchema,
} from '@brightkitchen/sdk';
import type { FastifyPluginAsync } from 'fastify';
import type * as v from 'valibot';
import { createUser, issueSession, publicUser } from '../accounts/index.js';
import { AppError } from '../errors/index.js';
import { errorResponses, jsonSchema, PUBLIC } from '../schemas/index.js';
import { createSmsSender } from '../sms/index.js';
import { sendSmsCode, verifySmsCode } from './sms-codes.js';

export const smsRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app.ctx.database;
  const sender = createSmsSender(app.ctx.config.sms, (line) => app.log.warn(line));

  app.post<{ Body: v.InferOutput<typeof SmsCodeRequestSchema> }>(
    '/sms/code',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        operationId: 'requestSmsCode',
        summary: 'Send a consumer a 6-digit sign-in code by SMS (one a minute and a few a day per number)',
        security: PUBLIC,
        body: jsonSchema(SmsCodeRequestSchema),
        response: { 200: jsonSchema(SmsCodeAnswerSchema), ...errorResponses },
      },
    },
    async (request) => sendSmsCode(app.ctx, sender, request.body.phone),
  );

  app.post<{ Body: v.InferOutput<typeof SmsLoginInputSchema> }>(
    '/sms',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        operationId: 'smsLogin',
        summary: 'Log in a consumer with a mobile number and the SMS code it received',
        security: PUBLIC,
        body: jsonSchema(SmsLoginInputSchema),
        response: { 200: jsonSchema(TokenAnswerSchema), ...errorResponses },
      },
    },
    async (request) => {
      const { phone, code } = request.body;
      await verifySmsCode(app.ctx, phone, code);
      const byPhone = () => db.selectFrom('users').selectAll().where('phone', '=', phone).executeTakeFirst();
      let user = await byPhone();
      if (!user) {
        try {
          await createUser(app.ctx.database, {
            role: 'consumer' satisfies Role,
            displayName: `手机用户${phone.slice(-4)}`,
            phone,
          });
        } catch (error) {
          // A sign-in racing this one created the consumer first: the unique index keeps them one.
          if (!(await byPhone())) throw error;
        }
        user = await byPhone();
      }
      if (!user || user.disabled_at) throw new AppError('FORBIDDEN');
      return issueSession(app.ctx, publicUser(user));
    },
  );
};
