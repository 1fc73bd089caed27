/**
 * What one consumer may send per local day (BK_LIMIT_CONSUMER_DAILY): ratings, notices, complaints and the
 * bytes of their photos. Counted in `consumer_quotas` with one atomic upsert per take, so a burst of
 * concurrent requests cannot all slip under the limit, and every instance counts the same.
 */
import { inZone } from '@brightkitchen/sdk';
import { sql } from 'kysely';
import type { Principal } from '../auth/principal.js';
import type { ConsumerDailyLimits } from '../config/values.js';
import type { AppContext } from '../context.js';
import type { Database } from '../db/index.js';
import { AppError } from '../errors/index.js';

export type QuotaKind = keyof ConsumerDailyLimits;

/** Seconds until the next local midnight: when the day's allowance comes back. */
function untilTomorrow(nowMs: number): number {
  const now = inZone(nowMs);
  return Math.max(1, now.add(1, 'day').startOf('day').diff(now, 'second'));
}

/**
 * Takes `amount` of the consumer's allowance of `kind` for today, or throws RATE_LIMITED (nothing taken)
 * when that would pass `limit`.
 */
export async function takeConsumerQuota(
  database: Database,
  userId: string,
  kind: QuotaKind,
  amount: number,
  limit: number,
  nowMs = Date.now(),
): Promise<void> {
  if (amount <= 0) return;
  const refuse = () =>
    new AppError('RATE_LIMITED', { limit: kind, perDay: limit, retryAfterSeconds: untilTomorrow(nowMs) });
  if (amount > limit) throw refuse();
  const localDay = inZone(nowMs).format('YYYY-MM-DD');
  const result = await database.db
    .insertInto('consumer_quotas')
    .values({ user_id: userId, local_day: localDay, kind, used: amount })
    .onConflict((oc) =>
      oc
        .columns(['user_id', 'local_day', 'kind'])
        .doUpdateSet({ used: sql`consumer_quotas.used + ${amount}` })
        .where(sql<boolean>`consumer_quotas.used + ${amount} <= ${limit}`),
    )
    .executeTakeFirst();
  if (Number(result.numInsertedOrUpdatedRows ?? 0n) !== 1) throw refuse();
}

/** The route's side: consumers only (regulators' notices are their work), with the configured limit. */
export function takeDailyAllowance(ctx: AppContext, principal: Principal, kind: QuotaKind, amount = 1): Promise<void> {
  if (principal.role !== 'consumer') return Promise.resolve();
  return takeConsumerQuota(ctx.database, principal.userId, kind, amount, ctx.config.limits.consumerDaily[kind]);
}
