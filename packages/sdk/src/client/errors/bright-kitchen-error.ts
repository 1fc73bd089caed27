/** Marks our errors with a registry symbol, so the guard works across realms (iframes, vm contexts, bundles). */
const BRAND = Symbol.for('@brightkitchen/sdk/error');

/** The JSON shape of any Bright Kitchen error: the server's wire format plus the error's class name. */
export interface BrightKitchenErrorJSON {
  readonly name: string;
  readonly code: string;
  readonly message: string;
  readonly status?: number;
  readonly details?: unknown;
}

export interface BrightKitchenErrorOptions {
  readonly status?: number;
  readonly details?: unknown;
  readonly cause?: unknown;
}

/**
 * Base of every error the SDK client throws. Carries a stable UPPER_SNAKE `code`, the HTTP `status`
 * when a server answered, and the server's `details`.
 *
 * @example
 * try { await client.ledgers.submitNow(venueId, record) } catch (e) {
 *   if (isBrightKitchenError(e) && e.code === 'TOKEN_INVALID') await client.auth.login(login, password)
 * }
 */
export class BrightKitchenError extends Error {
  readonly code: string;
  readonly status: number | undefined;
  readonly details: unknown;

  constructor(code: string, message: string, options: BrightKitchenErrorOptions = {}) {
    super(message);
    this.name = 'BrightKitchenError';
    this.code = code;
    this.status = options.status;
    this.details = options.details;
    if (options.cause !== undefined) Object.defineProperty(this, 'cause', { value: options.cause, enumerable: false });
    Object.defineProperty(this, BRAND, { value: true, enumerable: false });
  }

  toJSON(): BrightKitchenErrorJSON {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
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
