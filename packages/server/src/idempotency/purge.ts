/** Old first answers are forgotten: an outbox that stayed offline longer than this sends as new. */
import type { Database } from '../db/index.js';

export const IDEMPOTENT_ANSWER_DAYS = 30;

/** Removes kept answers older than `days`; returns how many. */
export async function purgeIdempotentAnswers(
  { db }: Database,
  now: Date = new Date(),
  days = IDEMPOTENT_ANSWER_DAYS,
): Promise<number> {
  const before = new Date(now.getTime() - days * 86_400_000).toISOString();
  const result = await db.deleteFrom('idempotent_requests').where('created_at', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}
