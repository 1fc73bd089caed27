/**
 * Reads credentials on every request (after the body is parsed, before validation):
 * `Authorization: Bearer` access tokens, or partner `X-BK-Key` / `X-BK-Timestamp` / `X-BK-Signature`.
 * Secure by default: every route needs a principal unless it declares `config: { public: true }`;
 * public routes treat refused credentials as anonymous. Refusals happen before body validation.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isSessionRevoked } from '../accounts/sessions.js';
import type { RequestAuth } from '../context.js';
import { AppError } from '../errors/index.js';
import { verifyAccessToken } from './access-token.js';
import { signatureMatches } from './partner-signature.js';

function header(request: FastifyRequest, name: string): string | undefined {
  const v = request.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

async function authenticatePartner(app: FastifyInstance, request: FastifyRequest, keyId: string): Promise<RequestAuth> {
  const timestamp = header(request, 'x-bk-timestamp') ?? '';
  const signature = header(request, 'x-bk-signature') ?? '';
  const { database, config, replayCache } = app.ctx;
  const key = await database.db
    .selectFrom('partner_keys')
    .select(['secret', 'user_id', 'revoked_at'])
    .where('key_id', '=', keyId)
    .executeTakeFirst();
  if (!key || key.revoked_at) return { state: 'refused', error: new AppError('SIGNATURE_INVALID') };
  const ts = Number(timestamp);
  if (!Number.isFinite(ts) || Math.abs(Date.now() - ts) > config.partnerWindowMs) {
    return { state: 'refused', error: new AppError('TIMESTAMP_OUT_OF_WINDOW') };
  }
  const signed = { method: request.method, pathWithQuery: request.url, timestamp, body: request.rawBody ?? '' };
  if (!signature || !signatureMatches(key.secret, signed, signature)) {
    return { state: 'refused', error: new AppError('SIGNATURE_INVALID') };
  }
  if (!(await replayCache.remember(signature.toLowerCase())))
    return { state: 'refused', error: new AppError('REPLAYED_REQUEST') };
  return { state: 'ok', principal: { userId: key.user_id, role: 'partner', keyId } };
}

async function readCredentials(app: FastifyInstance, request: FastifyRequest): Promise<RequestAuth> {
  const partnerKey = header(request, 'x-bk-key');
  if (partnerKey) return authenticatePartner(app, request, partnerKey);
  const authorization = header(request, 'authorization');
  if (!authorization) return { state: 'anonymous' };
  const match = /^Bearer\s+(\S+)$/i.exec(authorization);
  if (!match?.[1]) return { state: 'refused', error: new AppError('TOKEN_INVALID') };
  try {
    return { state: 'ok', principal: verifyAccessToken(app.ctx.config.tokenSecret, match[1]) };
  } catch (err) {
    return { state: 'refused', error: err instanceof AppError ? err : new AppError('TOKEN_INVALID') };
  }
}

/** Route options `config` understood by the hook. */
export interface RouteAuthConfig {
  /** No login needed (health, docs, login itself, the public profile). */
  readonly public?: boolean;
}

export function registerAuthenticate(app: FastifyInstance): void {
  // Fastify wants a non-reference initial value; the hook sets the real one on every request.
  app.decorateRequest<RequestAuth | null>('auth', null);
  app.addHook('preValidation', async (request) => {
    const auth = await readCredentials(app, request);
    const isPublic = (request.routeOptions.config as RouteAuthConfig | undefined)?.public === true;
    if (isPublic) {
      request.auth = auth.state === 'refused' ? { state: 'anonymous' } : auth;
      return;
    }
    if (auth.state === 'refused') throw auth.error;
    if (auth.state === 'anonymous') throw new AppError('UNAUTHENTICATED');
    // Checked where it protects something: public routes (the QR profile) stay free of a lookup.
    const sessionId = auth.principal.sessionId;
    if (sessionId && (await isSessionRevoked(app.ctx.database, sessionId))) throw new AppError('TOKEN_INVALID');
    request.auth = auth;
  });
}
