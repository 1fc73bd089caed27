/** `POST /v1/auth/login | wechat | sms/code | sms | refresh`, `POST /v1/me/phone`: the bodies and the answers. */
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

/** A mainland China mobile number, 11 digits starting 1[3-9] (`+86` and spaces are the app's to strip). */
export const PhoneNumberSchema = v.pipe(v.string(), v.regex(/^1[3-9]\d{9}$/));

/** Consumers outside WeChat (the H5 app) ask for a one-time code by SMS. */
export const SmsCodeRequestSchema = v.object({ phone: PhoneNumberSchema });
/** Consumers outside WeChat (the H5 app) ask for a one-time code by SMS. Type of {@link SmsCodeRequestSchema}. */
export type SmsCodeRequest = v.InferOutput<typeof SmsCodeRequestSchema>;

/** A code was sent: how long it stays valid and when another may be asked for, in seconds. */
export const SmsCodeAnswerSchema = v.object({
  /** The number it went to, masked (`138****0000`). */
  sentTo: v.string(),
  expiresIn: v.number(),
  resendAfter: v.number(),
});
/** A code was sent. Type of {@link SmsCodeAnswerSchema}. */
export type SmsCodeAnswer = v.InferOutput<typeof SmsCodeAnswerSchema>;

/** The number and the 6-digit code it received: signs a consumer in, or links the number to the signed-in one. */
export const SmsLoginInputSchema = v.object({
  phone: PhoneNumberSchema,
  code: v.pipe(v.string(), v.regex(/^\d{6}$/)),
});
/** The number and the code it received. Type of {@link SmsLoginInputSchema}. */
export type SmsLoginInput = v.InferOutput<typeof SmsLoginInputSchema>;

/** The number now linked to the signed-in consumer, masked (`138****0000`). */
export const PhoneLinkAnswerSchema = v.object({ phone: v.string() });
/** The number now linked to the signed-in consumer. Type of {@link PhoneLinkAnswerSchema}. */
export type PhoneLinkAnswer = v.InferOutput<typeof PhoneLinkAnswerSchema>;

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
