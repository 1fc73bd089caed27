/**
 * The idempotency of machine pushes (a gateway's event batches, a partner's violations): the first
 * answer is stored under (scope, key) with the body's hash; the same key and body again answers the
 * stored result (replayed), the same key with another body is refused (IDEMPOTENCY_KEY_REUSED).
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '@brightkitchen/sdk';
import { type Database, nowIso, parseJson, toJson } from '../db/index.js';
import { AppError } from '../errors/index.js';

/** What `Idempotency-Key` may look like (as for ledgers). */
export const PUSH_KEY = /^[A-Za-z0-9_.:-]{8,200}$/;

export function bodyHash(body: unknown): string {
  return createHash('sha256').update(canonicalJson(body)).digest('hex');
}

export interface PushKey {
  readonly scope: string;
  readonly key: string;
}

/** The stored answer of an earlier push with this key, or undefined; throws when the body differs. */
export async function replayedPush<T>(database: Database, at: PushKey, hash: string): Promise<T | undefined> {
  const row = await database.db
    .selectFrom('ingest_requests')
    .select(['request_hash', 'response'])
    .where('scope', '=', at.scope)
    .where('request_key', '=', at.key)
    .executeTakeFirst();
  if (!row) return undefined;
  if (row.request_hash !== hash) throw new AppError('IDEMPOTENCY_KEY_REUSED');
  return parseJson<T>(row.response, undefined as T);
}

/** The stored answer under this key, whatever body came with it (a partner's resent alarm). */
export async function storedPush<T>(database: Database, at: PushKey): Promise<T | undefined> {
  const row = await database.db
    .selectFrom('ingest_requests')
    .select('response')
    .where('scope', '=', at.scope)
    .where('request_key', '=', at.key)
    .executeTakeFirst();
  return row ? parseJson<T>(row.response, undefined as T) : undefined;
}

/** Remembers the answer (a concurrent twin that stored first wins; its answer is kept). */
export async function rememberPush(database: Database, keys: readonly PushKey[], hash: string, response: unknown) {
  const created = nowIso();
  for (const at of keys) {
    await database.db
      .insertInto('ingest_requests')
      .values({
        scope: at.scope,
        request_key: at.key,
        request_hash: hash,
        response: toJson(response),
        created_at: created,
      })
      .onConflict((oc) => oc.columns(['scope', 'request_key']).doNothing())
      .execute();
  }
}

/** Reads and checks the `Idempotency-Key` header (optional unless `required`). */
export function pushKeyOf(header: string | string[] | undefined, required: boolean): string | undefined {
  const key = Array.isArray(header) ? header[0] : header;
  if (key === undefined || key === '') {
    if (required) throw new AppError('IDEMPOTENCY_KEY_REQUIRED');
    return undefined;
  }
  if (!PUSH_KEY.test(key)) {
    throw new AppError('VALIDATION_FAILED', {
      issues: [
        {
          code: 'FIELD_INVALID',
          path: 'Idempotency-Key',
          message: { zh: 'Idempotency-Key 格式不正确', en: 'Idempotency-Key must be 8–200 of A-Z a-z 0-9 _ . : -' },
        },
      ],
    });
  }
  return key;
}
