/**
 * The idempotency of machine pushes (a gateway's event batches, a partner's violations): the first
 * answer is stored under (scope, key) with the body's hash; the same key and body again answers the
 * stored result (replayed), the same key with another body is refused (IDEMPOTENCY_KEY_REUSED).
 * The key is read with `readIdempotencyKey` and the body hashed with `requestHash`, as for ledgers.
 */
import { type Database, nowIso, parseJson, toJson } from '../db/index.js';
import { AppError } from '../errors/index.js';

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
