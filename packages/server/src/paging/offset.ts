/**
 * Pages of a list computed whole (today's gaps, a risk ranking): the cursor is the offset into it, opaque
 * (base64url of `o<n>`). A forged cursor is a 400, not the first page.
 */
import { AppError } from '../errors/index.js';

export function offsetCursor(offset: number): string {
  return Buffer.from(`o${offset}`).toString('base64url');
}

export function offsetOf(cursor: string | undefined): number {
  if (cursor === undefined) return 0;
  const n = /^o(\d{1,7})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'))?.[1];
  if (n === undefined) {
    throw new AppError('VALIDATION_FAILED', {
      issues: [{ code: 'FIELD_FORMAT', path: 'cursor', message: { zh: '分页游标无效', en: 'Invalid cursor' } }],
    });
  }
  return Number(n);
}

/** The page of `items` at `cursor`, in the contract's list shape. */
export function slicePage<T>(items: readonly T[], limit: number, cursor: string | undefined) {
  const start = offsetOf(cursor);
  return {
    items: items.slice(start, start + limit),
    nextCursor: start + limit < items.length ? offsetCursor(start + limit) : null,
  };
}
