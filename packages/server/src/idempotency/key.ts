/** The `Idempotency-Key` header: 8–200 of `A-Z a-z 0-9 _ . : -` (docs/api.md). */
import { IDEMPOTENCY_KEY } from '@brightkitchen/sdk';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors/index.js';

export { IDEMPOTENCY_KEY };

/**
 * The request's key, checked; `undefined` when absent and not required.
 * Absent and required → IDEMPOTENCY_KEY_REQUIRED; malformed → VALIDATION_FAILED.
 */
export function readIdempotencyKey(request: FastifyRequest, options: { required: true }): string;
export function readIdempotencyKey(request: FastifyRequest, options?: { required?: boolean }): string | undefined;
export function readIdempotencyKey(request: FastifyRequest, options: { required?: boolean } = {}): string | undefined {
  const raw = request.headers['idempotency-key'];
  const key = Array.isArray(raw) ? raw[0] : raw;
  if (!key) {
    if (options.required) throw new AppError('IDEMPOTENCY_KEY_REQUIRED');
    return undefined;
  }
  if (!IDEMPOTENCY_KEY.test(key)) {
    throw new AppError('VALIDATION_FAILED', {
      issues: [
        {
          code: 'FIELD_FORMAT',
          path: 'Idempotency-Key',
          message: {
            zh: 'Idempotency-Key 须为 8–200 位字母、数字或 _.:-',
            en: 'Idempotency-Key: 8–200 of A-Z a-z 0-9 _ . : -',
          },
        },
      ],
    });
  }
  return key;
}
