/** Login sessions: a short-lived access token plus a stored, rotating refresh token. */
import { randomBytes } from 'node:crypto';
import type { Role } from '@brightkitchen/sdk';
import { issueAccessToken } from '../auth/access-token.js';
import type { AppContext } from '../context.js';
import { nodeSha256Hex } from '../crypto/index.js';
import { type Database, newId, nowIso } from '../db/index.js';
import { AppError } from '../errors/index.js';
import { type PublicUser, publicUser } from './users.js';

export interface Session {
  readonly accessToken: string;
  readonly refreshToken: string;
  /** Access-token lifetime in seconds. */
  readonly expiresIn: number;
  readonly user: PublicUser;
}

function tokenHash(token: string): string {
  return nodeSha256Hex(token);
}

/** A new session (a login), or the next one of `familyId` (a refresh). */
export async function issueSession(ctx: AppContext, user: PublicUser, familyId?: string): Promise<Session> {
  const refreshToken = randomBytes(32).toString('base64url');
  const now = Date.now();
  const createdAt = new Date(now).toISOString();
  const family = familyId ?? newId('ses');
  if (!familyId) {
    await ctx.database.db
      .insertInto('session_families')
      .values({ id: family, user_id: user.id, revoked_at: null, revoked_reason: null, created_at: createdAt })
      .execute();
  }
  await ctx.database.db
    .insertInto('refresh_tokens')
    .values({
      token_hash: tokenHash(refreshToken),
      user_id: user.id,
      expires_at: new Date(now + ctx.config.refreshTokenTtl * 1000).toISOString(),
      revoked_at: null,
      created_at: createdAt,
      family_id: family,
    })
    .execute();
  const accessToken = issueAccessToken(
    ctx.config.tokenSecret,
    { userId: user.id, role: user.role, sessionId: family },
    ctx.config.accessTokenTtl,
    now,
  );
  return { accessToken, refreshToken, expiresIn: ctx.config.accessTokenTtl, user };
}

/** True when the session family was revoked (its refresh token was reused). */
export async function isSessionRevoked(database: Database, sessionId: string): Promise<boolean> {
  const row = await database.db
    .selectFrom('session_families')
    .select('revoked_at')
    .where('id', '=', sessionId)
    .executeTakeFirst();
  return !row || row.revoked_at !== null;
}

// A spent token presented again means it was copied: whoever holds either copy loses the session.
async function revokeFamilyOf(database: Database, hash: string, now: string): Promise<void> {
  const token = await database.db
    .selectFrom('refresh_tokens')
    .select(['family_id', 'revoked_at'])
    .where('token_hash', '=', hash)
    .executeTakeFirst();
  if (!token?.family_id || token.revoked_at === null) return;
  await database.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('session_families')
      .set({ revoked_at: now, revoked_reason: 'refresh_token_reused' })
      .where('id', '=', token.family_id as string)
      .where('revoked_at', 'is', null)
      .execute();
    await trx
      .updateTable('refresh_tokens')
      .set({ revoked_at: now })
      .where('family_id', '=', token.family_id as string)
      .where('revoked_at', 'is', null)
      .execute();
  });
}

/**
 * Exchanges a refresh token for a new session of the same family; the old token is spent (rotation).
 * A spent token presented again revokes the family: its refresh tokens and the access tokens issued with them.
 */
export async function refreshSession(ctx: AppContext, refreshToken: string): Promise<Session> {
  const { db } = ctx.database;
  const hash = tokenHash(refreshToken);
  const now = nowIso();
  const spent = await db
    .updateTable('refresh_tokens')
    .set({ revoked_at: now })
    .where('token_hash', '=', hash)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  if (Number(spent.numUpdatedRows) !== 1) {
    await revokeFamilyOf(ctx.database, hash, now);
    throw new AppError('TOKEN_INVALID');
  }
  const row = await db
    .selectFrom('refresh_tokens')
    .innerJoin('users', 'users.id', 'refresh_tokens.user_id')
    .select(['users.id', 'users.role', 'users.display_name', 'users.login', 'users.disabled_at', 'family_id'])
    .where('refresh_tokens.token_hash', '=', hash)
    .executeTakeFirstOrThrow();
  if (row.disabled_at) throw new AppError('TOKEN_INVALID');
  if (row.family_id && (await isSessionRevoked(ctx.database, row.family_id))) throw new AppError('TOKEN_INVALID');
  return issueSession(ctx, publicUser({ ...row, role: row.role as Role }), row.family_id ?? undefined);
}
