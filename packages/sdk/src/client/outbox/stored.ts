/**
 * Reading the outbox's stored lists back. Storage outlives app versions and can be damaged (a write cut
 * short, a value edited by hand), so each list and each item in it is checked: what is whole is kept,
 * what is not is set aside with the reason, and never stops the rest.
 */
import type { KeyValueStorage } from '../storage.js';
import { OUTBOX_KINDS } from './item.js';

/** A stored value that could not be read, kept as it was so that nothing is silently lost. */
export interface QuarantinedValue {
  /** The storage key it was read from. */
  readonly key: string;
  /** The raw text: the whole stored value, or one item of a stored list as JSON. */
  readonly value: string;
  readonly reason: string;
}

export interface StoredList<T> {
  readonly items: T[];
  readonly setAside: QuarantinedValue[];
}

/** Why `value` is not an item of the list, or `null` when it is one. */
export type ItemCheck = (value: unknown) => string | null;

/** Reads a stored JSON list: unreadable text sets the whole value aside, a bad item only itself. */
export function readStoredList<T>(key: string, text: string | null, check: ItemCheck): StoredList<T> {
  if (text === null) return { items: [], setAside: [] };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? `: ${error.message}` : '';
    return { items: [], setAside: [{ key, value: text, reason: `not JSON${detail}`.slice(0, 300) }] };
  }
  if (!Array.isArray(parsed)) return { items: [], setAside: [{ key, value: text, reason: 'not a list' }] };
  const items: T[] = [];
  const setAside: QuarantinedValue[] = [];
  for (const value of parsed) {
    const reason = check(value);
    if (reason === null) items.push(value as T);
    else setAside.push({ key, value: JSON.stringify(value) ?? String(value), reason });
  }
  return { items, setAside };
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Checks the fields sending relies on; the body is the caller's and is sent as stored. */
export const checkOutboxItem: ItemCheck = (value) => {
  if (!isRecord(value)) return 'item is not an object';
  const bad: string[] = [];
  if (typeof value.id !== 'string' || value.id === '') bad.push('id');
  if (!(OUTBOX_KINDS as readonly unknown[]).includes(value.kind)) bad.push('kind');
  if (typeof value.idempotencyKey !== 'string' || value.idempotencyKey === '') bad.push('idempotencyKey');
  if (typeof value.path !== 'string' || !value.path.startsWith('/')) bad.push('path');
  if (typeof value.enqueuedAt !== 'number' || !Number.isFinite(value.enqueuedAt)) bad.push('enqueuedAt');
  if (!Number.isInteger(value.attempts) || (value.attempts as number) < 0) bad.push('attempts');
  if (value.lastError !== undefined && !isRecord(value.lastError)) bad.push('lastError');
  return bad.length === 0 ? null : `bad ${bad.join(', ')}`;
};

export const checkRejectedItem: ItemCheck = (value) => {
  if (!isRecord(value)) return 'item is not an object';
  const item = checkOutboxItem(value.item);
  if (item !== null) return `item: ${item}`;
  if (!isRecord(value.error) || typeof value.error.code !== 'string') return 'bad error';
  if (typeof value.rejectedAt !== 'number') return 'bad rejectedAt';
  return null;
};

/** Values kept under the quarantine key at most (the oldest go first). */
export const MAX_QUARANTINED = 20;

/**
 * Adds the values to the quarantine key (a JSON list of `QuarantinedValue` with `at`, epoch ms). True when they are
 * kept; false when storage refused, so the caller leaves the damaged value where it was.
 */
export async function quarantine(
  storage: KeyValueStorage,
  key: string,
  values: readonly QuarantinedValue[],
  at: number,
): Promise<boolean> {
  try {
    const earlier = readStoredList<QuarantinedValue>(key, await storage.get(key), (v) =>
      typeof v === 'object' && v !== null ? null : 'not an object',
    ).items;
    const kept = [...earlier, ...values.map((v) => ({ ...v, at }))].slice(-MAX_QUARANTINED);
    await storage.set(key, JSON.stringify(kept));
    return true;
  } catch {
    return false;
  }
}
