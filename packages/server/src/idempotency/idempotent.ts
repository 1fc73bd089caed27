/**
 * Idempotent writes for routes whose records do not carry their key (ratings, notices, complaints):
 * the first answer is kept per principal, route and `Idempotency-Key`; a retry with the same body gets
 * it again (200) and stores nothing, the same key with another body is refused (IDEMPOTENCY_KEY_REUSED).
 * A key is claimed before the write runs, so two concurrent retries never both write.
 */

import { canonicalJson } from '@brightkitchen/sdk';
import type { FastifyReply, FastifyRequest } from 'fastify';
import * as v from 'valibot';
import { type Database, nowIso, readJson, storedValue, toJson } from '../db/index.js';
import { AppError } from '../errors/index.js';
import { requestHash } from '../ledgers/index.js';
import { readIdempotencyKey } from './key.js';

/** A claim older than this belongs to a request that died mid-way: the key may be claimed again. */
const ABANDONED_AFTER_MS = 60_000;
const RUNNING = 0;

export interface WriteAnswer<T> {
  readonly status: number;
  readonly body: T;
}

interface Scope {
  readonly principal_id: string;
  readonly route: string;
  readonly key: string;
}

async function claim(database: Database, scope: Scope, hash: string): Promise<boolean> {
  const result = await database.db
    .insertInto('idempotent_requests')
    .values({ ...scope, request_hash: hash, status: RUNNING, body: '', created_at: nowIso() })
    .onConflict((oc) => oc.columns(['principal_id', 'route', 'key']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
}

function whereScope(database: Database, scope: Scope) {
  return database.db
    .selectFrom('idempotent_requests')
    .selectAll()
    .where('principal_id', '=', scope.principal_id)
    .where('route', '=', scope.route)
    .where('key', '=', scope.key);
}

async function release(database: Database, scope: Scope): Promise<void> {
  await database.db
    .deleteFrom('idempotent_requests')
    .where('principal_id', '=', scope.principal_id)
    .where('route', '=', scope.route)
    .where('key', '=', scope.key)
    .execute();
}

/**
 * Runs `write` once per key: without an `Idempotency-Key` header it simply runs; with one, a replay
 * answers the stored first answer with status 200. Refusals (thrown errors) are not kept.
 */
export async function idempotentWrite<T>(
  database: Database,
  request: FastifyRequest,
  principalId: string,
  write: () => Promise<WriteAnswer<T>>,
): Promise<WriteAnswer<T | unknown> & { readonly replayed: boolean }> {
  const key = readIdempotencyKey(request);
  if (key === undefined) return { ...(await write()), replayed: false };
  // The route's pattern and its decoded parameters: `%76en_…` and `ven_…` are one venue, one write.
  const params = request.params as Record<string, string> | undefined;
  const route = `${request.method} ${request.routeOptions.url} ${canonicalJson(params ?? {})}`;
  const scope: Scope = { principal_id: principalId, route, key };
  const hash = requestHash(request.body ?? null);

  for (let attempt = 0; !(await claim(database, scope, hash)); attempt++) {
    const first = await whereScope(database, scope).executeTakeFirst();
    if (!first) continue; // released meanwhile: claim again
    if (first.request_hash !== hash) throw new AppError('IDEMPOTENCY_KEY_REUSED');
    if (first.status !== RUNNING) {
      // The first answer is replayed as it was sent: any JSON; unreadable text answers 500 (logged).
      const at = { table: 'idempotent_requests', column: 'body', id: `${scope.route} ${scope.key}` };
      return { status: 200, body: storedValue(readJson(v.unknown(), first.body, at)), replayed: true };
    }
    const abandoned = Date.now() - Date.parse(first.created_at) > ABANDONED_AFTER_MS;
    if (!abandoned || attempt > 0) throw new AppError('CONFLICT', { reason: 'a request with this key is running' });
    await release(database, scope);
  }

  let answer: WriteAnswer<T>;
  try {
    answer = await write();
  } catch (error) {
    await release(database, scope);
    throw error;
  }
  await database.db
    .updateTable('idempotent_requests')
    .set({ status: answer.status, body: toJson(answer.body) })
    .where('principal_id', '=', scope.principal_id)
    .where('route', '=', scope.route)
    .where('key', '=', scope.key)
    .execute();
  return { ...answer, replayed: false };
}

/** Sends an idempotent write's answer: its status, and `Idempotent-Replayed: true` on a replay. */
export function sendWriteAnswer(reply: FastifyReply, answer: WriteAnswer<unknown> & { replayed: boolean }): unknown {
  reply.status(answer.status);
  if (answer.replayed) reply.header('idempotent-replayed', 'true');
  return answer.body;
}
