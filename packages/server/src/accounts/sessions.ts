/** Login sessions: a short-lived access token plus a stored, rotating refresh token. */
import { createHash, randomBytes } from 'node:crypto';
import type { Role } from '@brightkitchen/sdk';
import { issueAccessToken } from '../auth/access-token.js';
import type { AppContext } from '../context.js';
import { nowIso } from '../db/index.js';
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
  return createHash('sha256').update(token).digest('hex');
}

export async function issueSession(ctx: AppContext, user: PublicUser): Promise<Session> {
  const refreshToken = randomBytes(32).toString('base64url');
  const now = Date.now();
  await ctx.database.db
    .insertInto('refresh_tokens')
    .values({
      token_hash: tokenHash(refreshToken),
      user_id: user.id,
      expires_at: new Date(now + ctx.config.refreshTokenTtl * 1000).toISOString(),
      revoked_at: null,
      created_at: new Date(now).toISOString(),
    })
    .execute();
  const accessToken = issueAccessToken(
    ctx.config.tokenSecret,
    { userId: user.id, role: user.role },
    ctx.config.accessTokenTtl,
    now,
  );
  return { accessToken, refreshToken, expiresIn: ctx.config.accessTokenTtl, user };
}

/** Exchanges a refresh token for a new session; the old token is spent (rotation). */
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
  if (Number(spent.numUpdatedRows) !== 1) throw new AppError('TOKEN_INVALID');
  const row = await db
    .selectFrom('refresh_tokens')
    .innerJoin('users', 'users.id', 'refresh_tokens.user_id')
    .select(['users.id', 'users.role', 'users.display_name', 'users.login', 'users.disabled_at'])
    .where('refresh_tokens.token_hash', '=', hash)
    .executeTakeFirstOrThrow();
  if (row.disabled_at) throw new AppError('TOKEN_INVALID');
  return issueSession(ctx, publicUser({ ...row, role: row.role as Role }));
}
