/**
 * One-time sign-in codes sent by SMS (the H5 app's consumer sign-in). One live code per number, kept hashed
 * (HMAC under the token secret) in `sms_codes`, valid {@link SMS_CODE_TTL_S} seconds and {@link SMS_CODE_TRIES}
 * wrong tries, spent by the first right one. Sending is limited per number — one a minute, BK_LIMIT_SMS_PER_PHONE a
 * local day — by one conditional upsert, so concurrent requests cannot slip past it and every instance counts the
 * same (the per-IP limit is the rate limiter's, limits/rate-limits.ts).
 */
import { randomInt } from 'node:crypto';
import { inZone } from '@brightkitchen/sdk';
import { sql } from 'kysely';
import type { AppContext } from '../context.js';
import { nodeHmacSha256Hex, sameSecret } from '../crypto/index.js';
import type { Database } from '../db/index.js';
import { AppError } from '../errors/index.js';
import { maskPhone, type SmsSender } from '../sms/index.js';

/** A code is valid 5 minutes. */
export const SMS_CODE_TTL_S = 300;
/** Another code for the same number after a minute. */
export const SMS_RESEND_AFTER_S = 60;
/** Wrong tries a code survives. */
export const SMS_CODE_TRIES = 5;

const EPOCH = new Date(0).toISOString();

const hashOf = (secret: string, phone: string, code: string) => nodeHmacSha256Hex(secret, `sms:${phone}:${code}`);

export interface SentCode {
  readonly sentTo: string;
  readonly expiresIn: number;
  readonly resendAfter: number;
}

/**
 * Makes a new code for `phone` (replacing any earlier one) and sends it, or throws RATE_LIMITED (with
 * `retryAfterSeconds`) when the number had one in the last minute or its day's allowance is spent. When the
 * provider fails the code is void at once and the number may ask again (the day's count keeps the attempt).
 */
export async function sendSmsCode(
  ctx: AppContext,
  sender: SmsSender,
  phone: string,
  nowMs = Date.now(),
): Promise<SentCode> {
  const { db } = ctx.database;
  const perDay = ctx.config.limits.smsPerPhonePerDay;
  const now = new Date(nowMs).toISOString();
  const resendCutoff = new Date(nowMs - SMS_RESEND_AFTER_S * 1000).toISOString();
  const day = inZone(nowMs).format('YYYY-MM-DD');
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  const row = {
    code_hash: hashOf(ctx.config.tokenSecret, phone, code),
    expires_at: new Date(nowMs + SMS_CODE_TTL_S * 1000).toISOString(),
    attempts: 0,
    sent_at: now,
  };
  const result = await db
    .insertInto('sms_codes')
    .values({ phone, ...row, local_day: day, sent_on_day: 1 })
    .onConflict((oc) =>
      oc
        .column('phone')
        .doUpdateSet({
          ...row,
          local_day: day,
          sent_on_day: sql<number>`case when sms_codes.local_day = ${day} then sms_codes.sent_on_day + 1 else 1 end`,
        })
        .where(
          sql<boolean>`sms_codes.sent_at <= ${resendCutoff} and (sms_codes.local_day <> ${day} or sms_codes.sent_on_day < ${perDay})`,
        ),
    )
    .executeTakeFirst();
  if (Number(result.numInsertedOrUpdatedRows ?? 0n) !== 1) throw await refusal(ctx.database, phone, nowMs, day, perDay);
  try {
    await sender.sendCode({ phone, code, minutes: SMS_CODE_TTL_S / 60 });
  } catch (error) {
    await db.updateTable('sms_codes').set({ expires_at: now, sent_at: EPOCH }).where('phone', '=', phone).execute();
    throw error;
  }
  return { sentTo: maskPhone(phone), expiresIn: SMS_CODE_TTL_S, resendAfter: SMS_RESEND_AFTER_S };
}

/** Why the upsert took nothing: the minute since the last code, or the day's allowance. */
async function refusal({ db }: Database, phone: string, nowMs: number, day: string, perDay: number) {
  const last = await db.selectFrom('sms_codes').selectAll().where('phone', '=', phone).executeTakeFirst();
  const wait = last ? Math.ceil((Date.parse(last.sent_at) + SMS_RESEND_AFTER_S * 1000 - nowMs) / 1000) : 1;
  if (last && last.local_day === day && Number(last.sent_on_day) >= perDay) {
    const now = inZone(nowMs);
    const untilTomorrow = Math.max(1, now.add(1, 'day').startOf('day').diff(now, 'second'));
    return new AppError('RATE_LIMITED', { limit: 'smsPerPhone', perDay, retryAfterSeconds: untilTomorrow });
  }
  return new AppError('RATE_LIMITED', { limit: 'smsResend', retryAfterSeconds: Math.max(1, wait) });
}

/**
 * Spends the code of `phone` if `code` is it; otherwise counts a wrong try and throws SMS_CODE_INVALID, or
 * SMS_CODE_EXPIRED when there is no live code (none sent, past its time, used, or out of tries).
 */
export async function verifySmsCode(ctx: AppContext, phone: string, code: string, nowMs = Date.now()): Promise<void> {
  const { db } = ctx.database;
  const now = new Date(nowMs).toISOString();
  const row = await db.selectFrom('sms_codes').selectAll().where('phone', '=', phone).executeTakeFirst();
  if (!row || row.expires_at <= now || Number(row.attempts) >= SMS_CODE_TRIES) throw new AppError('SMS_CODE_EXPIRED');
  if (!sameSecret(hashOf(ctx.config.tokenSecret, phone, code), row.code_hash)) {
    await db.updateTable('sms_codes').set({ attempts: sql<number>`attempts + 1` }).where('phone', '=', phone).execute();
    throw new AppError(Number(row.attempts) + 1 >= SMS_CODE_TRIES ? 'SMS_CODE_EXPIRED' : 'SMS_CODE_INVALID');
  }
  // Spent: only the request that voids it wins (two sign-ins racing with the same code get one session).
  const spent = await db
    .updateTable('sms_codes')
    .set({ expires_at: now })
    .where('phone', '=', phone)
    .where('code_hash', '=', row.code_hash)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  if (Number(spent.numUpdatedRows) !== 1) throw new AppError('SMS_CODE_EXPIRED');
}
