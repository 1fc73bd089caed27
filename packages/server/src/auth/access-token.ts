/**
 * Short-lived access tokens: `base64url(payload).base64url(HMAC-SHA256(secret, payload))`.
 * Verified without the database; a token carries its session family (`sid`), which the authenticate hook checks
 * is not revoked (a spent refresh token presented again revokes its family).
 */
import { createHmac } from 'node:crypto';
import type { Role } from '@brightkitchen/sdk';
import { sameSecret } from '../crypto/index.js';
import { AppError } from '../errors/index.js';
import type { Principal } from './principal.js';

interface AccessPayload {
  readonly typ: 'access';
  readonly sub: string;
  readonly role: Role;
  readonly iat: number;
  readonly exp: number;
  /** The session family; absent in tokens issued before families existed. */
  readonly sid?: string;
}

function sign(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url');
}

export function issueAccessToken(secret: string, principal: Principal, ttlSeconds: number, nowMs = Date.now()): string {
  const iat = Math.floor(nowMs / 1000);
  const payload: AccessPayload = {
    typ: 'access',
    sub: principal.userId,
    role: principal.role,
    iat,
    exp: iat + ttlSeconds,
    ...(principal.sessionId ? { sid: principal.sessionId } : {}),
  };
  const encoded = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${encoded}.${sign(secret, encoded)}`;
}

/** A verified token's principal and when the token stops being valid. */
export type VerifiedAccess = Principal & { readonly expiresAtMs: number };

/** The principal of a valid token; throws TOKEN_INVALID (forged, malformed) or TOKEN_EXPIRED. */
export function verifyAccessToken(secret: string, token: string, nowMs = Date.now()): VerifiedAccess {
  const [encoded, signature, extra] = token.split('.');
  if (!encoded || !signature || extra !== undefined) throw new AppError('TOKEN_INVALID');
  if (!sameSecret(signature, sign(secret, encoded))) throw new AppError('TOKEN_INVALID');
  let payload: AccessPayload;
  try {
    payload = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8')) as AccessPayload;
  } catch {
    throw new AppError('TOKEN_INVALID');
  }
  if (payload.typ !== 'access' || typeof payload.sub !== 'string') throw new AppError('TOKEN_INVALID');
  if (payload.exp * 1000 <= nowMs) throw new AppError('TOKEN_EXPIRED');
  const expiresAtMs = payload.exp * 1000;
  return typeof payload.sid === 'string'
    ? { userId: payload.sub, role: payload.role, sessionId: payload.sid, expiresAtMs }
    : { userId: payload.sub, role: payload.role, expiresAtMs };
}
