import { API_ERRORS, type ApiErrorBody, type ApiErrorCode, type LocalizedText } from '@brightkitchen/sdk';
import { clipDetails } from './clip-details.js';

/** A failure the API reports to the caller: a registry code (SDK `API_ERRORS`), its HTTP status, optional details. */
export class AppError extends Error {
  readonly code: ApiErrorCode;
  readonly status: number;
  readonly details: unknown;
  /** What the caller reads; the registry's message unless a more precise one is given. */
  readonly text: LocalizedText;

  constructor(code: ApiErrorCode, details?: unknown, text?: LocalizedText) {
    const definition = API_ERRORS[code];
    super((text ?? definition.message).en);
    this.name = 'AppError';
    this.code = code;
    this.status = definition.status;
    this.details = details;
    this.text = text ?? definition.message;
  }

  /** The error body: `{ code, message: { zh, en }, details? }`, no echoed text over 200 characters. */
  toJSON(): ApiErrorBody {
    const body = { code: this.code, message: this.text };
    return this.details === undefined ? body : { ...body, details: clipDetails(this.details) };
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
