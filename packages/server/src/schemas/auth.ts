/**
 * Auth transport shapes. TODO(sdk): these describe users and sessions, which the SDK domain
 * does not define yet; move them to packages/sdk/src/domain when it does and import them here.
 */
import { ROLES } from '@brightkitchen/sdk';
import * as v from 'valibot';

export const LoginBodySchema = v.object({
  login: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
  password: v.pipe(v.string(), v.minLength(1), v.maxLength(500)),
});

export const WechatLoginBodySchema = v.object({ code: v.pipe(v.string(), v.minLength(1), v.maxLength(200)) });

export const RefreshBodySchema = v.object({ refreshToken: v.pipe(v.string(), v.minLength(1), v.maxLength(500)) });

export const PublicUserSchema = v.object({
  id: v.string(),
  role: v.picklist(ROLES),
  displayName: v.string(),
  login: v.nullable(v.string()),
});

export const SessionSchema = v.object({
  accessToken: v.string(),
  refreshToken: v.string(),
  expiresIn: v.number(),
  user: PublicUserSchema,
});

export const MeSchema = v.object({
  user: PublicUserSchema,
  memberships: v.array(v.object({ venueId: v.string(), role: v.picklist(['operator_staff', 'operator_manager']) })),
  regionIds: v.array(v.string()),
});
