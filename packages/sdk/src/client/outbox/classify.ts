import { isBrightKitchenError } from '../errors/bright-kitchen-error.js';

/** Statuses that say "not now" rather than "never": auth to renew, timeout, rate limit. */
const RETRYABLE_4XX = new Set([401, 408, 429]);

/**
 * True when the server refused the write for good (its rules or validation: a 4xx other than
 * 401/408/429). Such a write leaves the outbox with its error; everything else is retried.
 */
export function isRefusal(error: unknown): boolean {
  if (!isBrightKitchenError(error) || error.status === undefined) return false;
  return error.status >= 400 && error.status < 500 && !RETRYABLE_4XX.has(error.status);
}
