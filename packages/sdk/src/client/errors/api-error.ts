import type { ApiErrorCode } from '../../contract/errors.js';
import type { LocalizedText } from '../../domain/text.js';
import { BrightKitchenError } from './bright-kitchen-error.js';

/**
 * The server answered with an error body `{ code, message: { zh, en }, details? }`; `status` is the HTTP status.
 * An answer that is not such a body (a proxy's page) has the code `HTTP_<status>`.
 *
 * @example
 * if (isBrightKitchenError(e, 'ApiError') && e.code === 'RATING_ALREADY_TODAY') showToast(e.text.zh)
 */
export class ApiError extends BrightKitchenError {
  declare readonly code: ApiErrorCode | `HTTP_${number}`;
  declare readonly status: number;

  constructor(code: ApiErrorCode | `HTTP_${number}`, text: LocalizedText, status: number, details?: unknown) {
    super(code, text, { status, details });
    this.name = 'ApiError';
  }
}
