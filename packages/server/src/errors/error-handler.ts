/**
 * Turns every failure (ours, Fastify's validation and body errors, unknown throws) into the error body
 * `{ code, message: { zh, en }, details? }` with the registry's status (SDK `API_ERRORS`).
 */
import type { ApiErrorCode } from '@brightkitchen/sdk';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from './app-error.js';
import { ajvErrorsToIssues } from './validation-issues.js';

const FASTIFY_CODES: Readonly<Record<string, ApiErrorCode>> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'VALIDATION_FAILED',
  FST_ERR_CTP_INVALID_JSON_BODY: 'VALIDATION_FAILED',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'VALIDATION_FAILED',
  FST_ERR_VALIDATION: 'VALIDATION_FAILED',
};

/** The part of the request Ajv checked (`body`, `querystring` …), to tell a missing value from a wrong one. */
function validatedData(request: FastifyRequest | undefined, context: string | undefined): unknown {
  if (!request) return undefined;
  if (context === 'querystring') return request.query;
  if (context === 'params') return request.params;
  if (context === 'headers') return request.headers;
  return request.body;
}

export function toAppError(error: unknown, request?: FastifyRequest): AppError {
  if (error instanceof AppError) return error;
  const fe = error as Partial<FastifyError> & { body?: unknown };
  if (fe.validation) {
    const data = validatedData(request, fe.validationContext);
    return new AppError('VALIDATION_FAILED', { issues: ajvErrorsToIssues(fe.validation, fe.validationContext, data) });
  }
  const mapped = fe.code ? FASTIFY_CODES[fe.code] : undefined;
  if (mapped) return new AppError(mapped, fe.message ? { reason: fe.message } : undefined);
  if ((error as SyntaxError)?.name === 'SyntaxError' && fe.statusCode === 400) {
    return new AppError('VALIDATION_FAILED', { reason: fe.message });
  }
  if (fe.statusCode === 404) return new AppError('NOT_FOUND');
  if (fe.statusCode === 413) return new AppError('PAYLOAD_TOO_LARGE');
  if (fe.statusCode === 415) return new AppError('UNSUPPORTED_MEDIA_TYPE');
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    return new AppError('VALIDATION_FAILED', { reason: fe.message });
  }
  return new AppError('INTERNAL');
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const appError = toAppError(error, request);
    if (appError.status >= 500) request.log.error({ err: error }, 'request failed');
    const retryAfter = (appError.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
    if (typeof retryAfter === 'number' && !reply.hasHeader('retry-after')) reply.header('retry-after', retryAfter);
    reply.status(appError.status).send(appError.toJSON());
  });
  app.setNotFoundHandler((_request, reply) => {
    reply.status(404).send(new AppError('NOT_FOUND').toJSON());
  });
}
