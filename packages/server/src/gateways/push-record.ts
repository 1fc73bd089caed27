/**
 * The idempotency of machine pushes (a gateway's event batches, a partner's violations): the first
 * answer is stored under (scope, key) with the body's hash; the same key and body again answers the
 * stored result (replayed), the same key with another body is refused (IDEMPOTENCY_KEY_REUSED).
 * The key is read with `readIdempotencyKey` and the body hashed with `requestHash`, as for ledgers.
 */
import type * as v from 'valibot';
import { type Database, nowIso, readJson, storedValue, toJson } from '../db/index.js';
import { AppError } from '../errors/index.js';

export interface PushKey {
  readonly scope: string;
  readonly key: string;
}

/**
 * The stored answer of an earlier push with this key (checked with `schema`), or undefined; throws when the
 * body differs, and `CorruptStoredValue` (500) when the stored answer is damaged.
 */
export async function replayedPush<T>(
  database: Database,
  at: PushKey,
  hash: string,
  schema: v.GenericSchema<unknown, T>,
): Promise<T | undefined> {
  const row = await recordOf(database, at);
  if (!row) return undefined;
  if (row.request_hash !== hash) throw new AppError('IDEMPOTENCY_KEY_REUSED');
  return storedAnswer(row.response, at, schema);
}

/** The stored answer under this key, whatever body came with it (a partner's resent alarm). */
export async function storedPush<T>(
  database: Database,
  at: PushKey,
  schema: v.GenericSchema<unknown, T>,
): Promise<T | undefined> {
  const row = await recordOf(database, at);
  return row ? storedAnswer(row.response, at, schema) : undefined;
}

function recordOf({ db }: Database, at: PushKey) {
  return db
    .selectFrom('ingest_requests')
    .select(['request_hash', 'response'])
    .where('scope', '=', at.scope)
    .where('request_key', '=', at.key)
    .executeTakeFirst();
}

function storedAnswer<T>(text: string, at: PushKey, schema: v.GenericSchema<unknown, T>): T {
  return storedValue(
    readJson(schema, text, { table: 'ingest_requests', column: 'response', id: `${at.scope}/${at.key}` }),
  );
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
