import type { ApiErrorCode } from '../../contract/errors.js';
import type { LocalizedText } from '../../domain/text.js';
import { ApiError } from './api-error.js';
import type { BrightKitchenError } from './bright-kitchen-error.js';
import { RuleError, type RuleIssue } from './rule-error.js';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isIssue(value: unknown): value is RuleIssue {
  return isRecord(value) && typeof value.code === 'string' && typeof value.path === 'string';
}

function isText(value: unknown): value is LocalizedText {
  return isRecord(value) && typeof value.zh === 'string' && typeof value.en === 'string';
}

/** The body's `message`; a plain string (a proxy, an older server) serves both languages. */
function textOf(message: unknown, status: number): LocalizedText {
  if (isText(message)) return { zh: message.zh, en: message.en };
  if (typeof message === 'string' && message !== '') return { zh: message, en: message };
  return { zh: `服务器返回 HTTP ${status}`, en: `The server answered HTTP ${status}` };
}

/**
 * Turns a non-2xx answer into a typed error: `RuleError` when the body lists field issues,
 * `ApiError` otherwise. A body that is not our error shape still yields `HTTP_<status>`.
 * A newer server may answer a code this SDK does not list: it is kept as sent.
 */
export function errorFromResponse(status: number, body: unknown): BrightKitchenError {
  const sent = isRecord(body) && typeof body.code === 'string' ? (body.code as ApiErrorCode) : undefined;
  const text = textOf(isRecord(body) ? body.message : undefined, status);
  const details = isRecord(body) ? body.details : undefined;
  const issues = isRecord(details) && Array.isArray(details.issues) ? details.issues.filter(isIssue) : [];
  if (sent && issues.length > 0) return new RuleError(sent, text, issues, status, details);
  return new ApiError(sent ?? `HTTP_${status}`, text, status, details);
}
