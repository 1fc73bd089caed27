import type { ApiErrorCode } from '../../contract/errors.js';
import type { LocalizedText } from '../../domain/text.js';

/** Marks our errors with a registry symbol, so the guard works across realms (iframes, vm contexts, bundles). */
const BRAND = Symbol.for('@brightkitchen/sdk/error');

/**
 * Codes the client gives an error itself: no answer at all (`NETWORK_ERROR`), or an answer that is not the
 * API's error body, such as a proxy's 502 page (`HTTP_502`).
 */
export type ClientErrorCode = 'NETWORK_ERROR' | `HTTP_${number}`;

/** Every code a {@link BrightKitchenError} carries: the API's registry (`API_ERRORS`) or the client's own. */
export type BrightKitchenErrorCode = ApiErrorCode | ClientErrorCode;

/** The JSON of any Bright Kitchen error: the server's error body plus the class name and the HTTP status. */
export interface BrightKitchenErrorJSON {
  readonly name: string;
  readonly code: BrightKitchenErrorCode;
  readonly message: LocalizedText;
  readonly status?: number;
  readonly details?: unknown;
}

/** The optional parts of a {@link BrightKitchenError}: the HTTP status, the server's details and the cause. */
export interface BrightKitchenErrorOptions {
  readonly status?: number;
  readonly details?: unknown;
  readonly cause?: unknown;
}

/**
 * Base of every error the SDK client throws. Carries a stable UPPER_SNAKE `code`, the message in both languages
 * (`text`; the standard `message` is its English half, for logs), the HTTP `status` when a server answered, and
 * the server's `details`.
 *
 * @example
 * try { await client.ledgers.submitNow(venueId, record) } catch (e) {
 *   if (isBrightKitchenError(e) && e.code === 'TOKEN_INVALID') await client.auth.login(login, password)
 *   else if (isBrightKitchenError(e)) showToast(e.text.zh)
 * }
 */
export class BrightKitchenError extends Error {
  readonly code: BrightKitchenErrorCode;
  /** What a person reads, in zh-CN and en: pick the app's language. */
  readonly text: LocalizedText;
  readonly status: number | undefined;
  readonly details: unknown;

  constructor(code: BrightKitchenErrorCode, text: LocalizedText, options: BrightKitchenErrorOptions = {}) {
    super(text.en);
    this.name = 'BrightKitchenError';
    this.code = code;
    this.text = text;
    this.status = options.status;
    this.details = options.details;
    if (options.cause !== undefined) Object.defineProperty(this, 'cause', { value: options.cause, enumerable: false });
    Object.defineProperty(this, BRAND, { value: true, enumerable: false });
  }

  /** The wire shape `{ code, message: { zh, en }, details? }` with the class name and status. */
  toJSON(): BrightKitchenErrorJSON {
    return {
      name: this.name,
      code: this.code,
      message: this.text,
      ...(this.status === undefined ? {} : { status: this.status }),
      ...(this.details === undefined ? {} : { details: this.details }),
    };
  }
}

/** Error class names, for {@link isBrightKitchenError}'s optional narrowing without `instanceof`. */
export type BrightKitchenErrorName = 'BrightKitchenError' | 'ApiError' | 'NetworkError' | 'RuleError';

/**
 * True for any error thrown by the SDK, even one created by another copy of the SDK or in another realm,
 * where `instanceof` fails. Pass a class name to check the kind as well.
 */
export function isBrightKitchenError(value: unknown, name?: BrightKitchenErrorName): value is BrightKitchenError {
  if (typeof value !== 'object' || value === null) return false;
  if ((value as { [BRAND]?: unknown })[BRAND] !== true) return false;
  return name === undefined || (value as { name?: unknown }).name === name;
}
