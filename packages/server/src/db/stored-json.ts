/**
 * Reading JSON columns back. Stored text is parsed and checked against the shape its column holds (the
 * SDK's schema where the SDK owns it), so a damaged value is a typed failure, never an object typed as
 * valid. The caller decides what a failure means: a single read answers 500 INTERNAL (`storedValue`,
 * or a converter that throws `CorruptStoredValue`), a list or background pass logs and skips the item
 * (`readEach`).
 */
import type { ParseResult } from '@brightkitchen/sdk';
import * as v from 'valibot';

/** Where a stored value lives, for the log: table, column and the row's id. */
export interface StoredAt {
  readonly table: string;
  readonly column: string;
  readonly id?: string | undefined;
}

/** A stored JSON value that is not what its column must hold. Thrown, it answers 500 INTERNAL and is logged. */
export class CorruptStoredValue extends Error {
  readonly at: StoredAt;
  readonly reason: string;

  constructor(at: StoredAt, reason: string) {
    super(`corrupt stored value in ${at.table}.${at.column}${at.id === undefined ? '' : ` of ${at.id}`}: ${reason}`);
    this.name = 'CorruptStoredValue';
    this.at = at;
    this.reason = reason;
  }
}

export type StoredRead<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: CorruptStoredValue };

/** A valibot schema, or a check answering the SDK's `ParseResult` (e.g. `parseProfileOverride`). */
export type StoredShape<T> = v.GenericSchema<unknown, T> | ((value: unknown) => ParseResult<T>);

/** Parses and checks a stored JSON text: the typed value, or why it is not one. Never throws. */
export function readJson<T>(shape: StoredShape<T>, text: string | null | undefined, at: StoredAt): StoredRead<T> {
  if (text === null || text === undefined || text === '') return corrupt(at, 'missing');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return corrupt(at, `not JSON (${error instanceof Error ? error.message : 'unreadable'})`);
  }
  if (typeof shape === 'function') {
    const result = shape(value);
    if (result.ok) return { ok: true, value: result.value };
    const first = result.issues[0];
    return corrupt(at, first ? `${first.path || '(root)'}: ${first.message.en}` : 'invalid');
  }
  // Stored values were checked when written: the first issue is enough to tell what broke.
  const result = v.safeParse(shape, value, { abortEarly: true });
  if (result.success) return { ok: true, value: result.output };
  const issue = result.issues[0];
  const path = v.getDotPath(issue) ?? '(root)';
  return corrupt(at, `${path}: ${issue.message}`);
}

/** The value, or throws its `CorruptStoredValue` (the error handler answers 500 INTERNAL and logs it). */
export function storedValue<T>(read: StoredRead<T>): T {
  if (read.ok) return read.value;
  throw read.error;
}

/**
 * What a list reports a skipped item to: a Fastify/pino logger (`request.log`, `app.log`), or the
 * `(message, error) => void` log of the devices runtime and its watchers.
 */
export type CorruptValueLog =
  | { error(details: object, message: string): void }
  | ((message: string, error?: unknown) => void);

/** Reports a corrupt stored value that a list or background pass skipped. */
export function logCorrupt(log: CorruptValueLog, error: CorruptStoredValue): void {
  const message = `${error.message} (skipped)`;
  if (typeof log === 'function') log(message, error);
  else log.error({ err: error, stored: error.at }, message);
}

/**
 * Converts each row with `convert` (a converter that throws `CorruptStoredValue`), skipping and logging the
 * rows whose stored JSON is corrupt: one damaged row never hides the others. Other errors propagate.
 */
export function readEach<R, T>(rows: readonly R[], convert: (row: R) => T, log: CorruptValueLog): T[] {
  const out: T[] = [];
  for (const row of rows) {
    try {
      out.push(convert(row));
    } catch (error) {
      if (!(error instanceof CorruptStoredValue)) throw error;
      logCorrupt(log, error);
    }
  }
  return out;
}

function corrupt(at: StoredAt, reason: string): StoredRead<never> {
  return { ok: false, error: new CorruptStoredValue(at, reason.slice(0, 300)) };
}
