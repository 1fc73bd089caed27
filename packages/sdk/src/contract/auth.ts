/** `POST /v1/auth/login | wechat | refresh`: the bodies and the session they answer. */
import * as v from 'valibot';
import { PublicUserSchema } from '../domain/user.js';

/** Staff, managers, regulators and admins log in with a login and password. */
export const LoginInputSchema = v.object({
  login: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
  password: v.pipe(v.string(), v.minLength(1), v.maxLength(500)),
});
/** Staff, managers, regulators and admins log in with a login and password. Type of {@link LoginInputSchema}. */
export type LoginInput = v.InferOutput<typeof LoginInputSchema>;

/** Consumers log in with the code of `wx.login()`; the server runs WeChat's `code2session`. */
export const WechatLoginInputSchema = v.object({ code: v.pipe(v.string(), v.minLength(1), v.maxLength(200)) });
/**
 * Consumers log in with the code of `wx.login()`; the server runs WeChat's `code2session`. Type of {@link
 * WechatLoginInputSchema}.
 */
export type WechatLoginInput = v.InferOutput<typeof WechatLoginInputSchema>;

/** The refresh token of the current session; it is spent (rotated) by the refresh. */
export const RefreshInputSchema = v.object({ refreshToken: v.pipe(v.string(), v.minLength(1), v.maxLength(500)) });
/**
 * The refresh token of the current session; it is spent (rotated) by the refresh. Type of {@link RefreshInputSchema}.
 */
export type RefreshInput = v.InferOutput<typeof RefreshInputSchema>;

/** The answer of a login, WeChat login or refresh. */
export const TokenAnswerSchema = v.object({
  accessToken: v.string(),
  refreshToken: v.string(),
  /** Access-token lifetime in seconds. */
  expiresIn: v.number(),
  user: PublicUserSchema,
});
/** The answer of a login, WeChat login or refresh. Type of {@link TokenAnswerSchema}. */
export type TokenAnswer = v.InferOutput<typeof TokenAnswerSchema>;
