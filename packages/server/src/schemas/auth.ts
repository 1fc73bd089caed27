/**
 * Auth transport shapes: login, WeChat and refresh bodies and the session answer. The user and
 * `GET /v1/me` are the SDK's domain schemas (`PublicUserSchema`, `MeSchema`).
 */
import { MeSchema, PublicUserSchema } from '@brightkitchen/sdk';
import * as v from 'valibot';

export { MeSchema, PublicUserSchema };

export const LoginBodySchema = v.object({
  login: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
  password: v.pipe(v.string(), v.minLength(1), v.maxLength(500)),
});

export const WechatLoginBodySchema = v.object({ code: v.pipe(v.string(), v.minLength(1), v.maxLength(200)) });

export const RefreshBodySchema = v.object({ refreshToken: v.pipe(v.string(), v.minLength(1), v.maxLength(500)) });

export const SessionSchema = v.object({
  accessToken: v.string(),
  refreshToken: v.string(),
  expiresIn: v.number(),
  user: PublicUserSchema,
});
