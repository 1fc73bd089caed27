/**
 * What an error body may repeat of the input: every text cut to 200 characters (SDK `clipEcho`), at most 100
 * issues, nesting bounded. A 2.7 MB value sent in a field must not come back in the 400 answer.
 */
import { type ApiErrorDetails, clipEcho } from '@brightkitchen/sdk';

/** Issues listed at most; a body with more problems than that is fixed a hundred at a time. */
export const MAX_ISSUES = 100;
const MAX_DEPTH = 6;
const MAX_ENTRIES = 50;

export function clipDetails(details: unknown): ApiErrorDetails {
  return clip(details, 0) as ApiErrorDetails;
}

function clip(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return clipEcho(value);
  if (typeof value !== 'object' || value === null) return value;
  if (depth >= MAX_DEPTH) return null;
  if (Array.isArray(value)) {
    const limit = depth === 1 ? MAX_ISSUES : MAX_ENTRIES;
    return value.slice(0, limit).map((item) => clip(item, depth + 1));
  }
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value).slice(0, MAX_ENTRIES)) out[clipEcho(key)] = clip(item, depth + 1);
  return out;
}
