import { BrightKitchenError } from './bright-kitchen-error.js';

/** The server answered with an error body `{ code, message, details? }`; `status` is the HTTP status. */
export class ApiError extends BrightKitchenError {
  declare readonly status: number;

  constructor(code: string, message: string, status: number, details?: unknown) {
    super(code, message, { status, details });
    this.name = 'ApiError';
  }
}
