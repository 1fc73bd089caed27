/**
 * Wrong passwords lock an account: after `lockAfter` in a row it is locked for 1 min, and each further
 * failure doubles the lock, up to 1 h. Kept in `login_locks`, shared by every instance; a success clears it.
 * A locked account is refused before its password is checked, so a guesser also stops costing scrypt time.
 */
import { sql } from 'kysely';
import type { Database } from '../db/index.js';
import { AppError } from '../errors/index.js';

const FIRST_LOCK_MS = 60_000;
const LONGEST_LOCK_MS = 3600_000;

const retryAfter = (untilMs: number, nowMs: number) => Math.max(1, Math.ceil((untilMs - nowMs) / 1000));

/** Throws RATE_LIMITED (with `retryAfterSeconds`) while the login is locked. */
export async function assertNotLocked(database: Database, login: string, nowMs = Date.now()): Promise<void> {
  const row = await database.db
    .selectFrom('login_locks')
    .select('locked_until')
    .where('login', '=', login)
    .executeTakeFirst();
  const until = row?.locked_until ? Date.parse(row.locked_until) : 0;
  if (until > nowMs) throw new AppError('RATE_LIMITED', { retryAfterSeconds: retryAfter(until, nowMs) });
}

/** Counts a wrong password; answers the lock's end when this failure locks (or extends the lock of) the login. */
export async function recordLoginFailure(
  database: Database,
  login: string,
  lockAfter: number,
  nowMs = Date.now(),
): Promise<Date | undefined> {
  const now = new Date(nowMs).toISOString();
  const row = await database.db
    .insertInto('login_locks')
    .values({ login, failures: 1, locked_until: null, updated_at: now })
    .onConflict((oc) => oc.column('login').doUpdateSet({ failures: sql`login_locks.failures + 1`, updated_at: now }))
    .returning('failures')
    .executeTakeFirstOrThrow();
  const failures = Number(row.failures);
  if (failures < lockAfter) return undefined;
  const lockMs = Math.min(LONGEST_LOCK_MS, FIRST_LOCK_MS * 2 ** (failures - lockAfter));
  const until = new Date(nowMs + lockMs);
  await database.db
    .updateTable('login_locks')
    .set({ locked_until: until.toISOString() })
    .where('login', '=', login)
    .execute();
  return until;
}

export async function clearLoginFailures(database: Database, login: string): Promise<void> {
  await database.db.deleteFrom('login_locks').where('login', '=', login).execute();
}
