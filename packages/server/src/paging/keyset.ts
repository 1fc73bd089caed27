/**
 * Keyset paging over `(created_at, id)`, newest first: the cursor is the last item's pair, opaque to callers.
 * Stable under inserts (no offsets) and portable (plain comparisons on text columns).
 */
import { type RawBuilder, type SelectQueryBuilder, sql } from 'kysely';
import { type CorruptValueLog, readEach } from '../db/index.js';
import { AppError } from '../errors/index.js';

export interface Keyset {
  readonly createdAt: string;
  readonly id: string;
}

export function encodeCursor(key: Keyset): string {
  return Buffer.from(`${key.createdAt}|${key.id}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): Keyset {
  const [createdAt, id, extra] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!createdAt || !id || extra !== undefined) {
    throw new AppError('VALIDATION_FAILED', {
      issues: [{ code: 'FIELD_FORMAT', path: 'cursor', message: { zh: '分页游标无效', en: 'Invalid cursor' } }],
    });
  }
  return { createdAt, id };
}

/** Rows strictly after the cursor in `created_at desc, id desc` order. */
export function afterCursor(cursor: string, createdAtColumn: string, idColumn: string): RawBuilder<boolean> {
  const { createdAt, id } = decodeCursor(cursor);
  const c = sql.ref(createdAtColumn);
  const i = sql.ref(idColumn);
  return sql<boolean>`(${c} < ${createdAt} or (${c} = ${createdAt} and ${i} < ${id}))`;
}

/**
 * Runs a list query newest first by `(at, id)`, after `cursor` when given, fetching `limit + 1` rows (the one
 * extra tells `pageBy` there is a next page).
 */
export function newestFirst<DB, TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>,
  at: string,
  id: string,
  cursor: string | undefined,
  limit: number,
): Promise<O[]> {
  const q = cursor ? query.where(afterCursor(cursor, at, id)) : query;
  return q
    .orderBy(sql.ref(at), 'desc')
    .orderBy(sql.ref(id), 'desc')
    .limit(limit + 1)
    .execute();
}

/**
 * Cuts `limit + 1` fetched rows to a page and its next cursor, keyed by `at` (the row's instant) and its id.
 * A row whose stored JSON is damaged (`map` throws `CorruptStoredValue`) is reported to `log` and left out;
 * the cursor still moves past it.
 */
export function pageBy<R extends { id: string }, T>(
  rows: readonly R[],
  limit: number,
  map: (row: R) => T,
  log: CorruptValueLog,
  at: (row: R) => string,
): { items: T[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: readEach(page, map, log),
    nextCursor: rows.length > limit && last ? encodeCursor({ createdAt: at(last), id: last.id }) : null,
  };
}

/** `pageBy` for rows keyed by their `created_at`. */
export function pageOf<R extends { created_at: string; id: string }, T>(
  rows: readonly R[],
  limit: number,
  map: (row: R) => T,
  log: CorruptValueLog,
): { items: T[]; nextCursor: string | null } {
  return pageBy(rows, limit, map, log, (row) => row.created_at);
}
