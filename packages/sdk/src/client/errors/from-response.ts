import { ApiError } from './api-error.js';
import type { BrightKitchenError } from './bright-kitchen-error.js';
import { RuleError, type RuleIssue } from './rule-error.js';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isIssue(value: unknown): value is RuleIssue {
  return isRecord(value) && typeof value.code === 'string' && typeof value.path === 'string';
}

/**
 * Turns a non-2xx answer into a typed error: `RuleError` when the body lists field issues,
 * `ApiError` otherwise. A body that is not our error shape still yields `HTTP_<status>`.
 */
export function errorFromResponse(status: number, body: unknown): BrightKitchenError {
  const code = isRecord(body) && typeof body.code === 'string' ? body.code : `HTTP_${status}`;
  const message = isRecord(body) && typeof body.message === 'string' ? body.message : `HTTP ${status}`;
  const details = isRecord(body) ? body.details : undefined;
  const issues = isRecord(details) && Array.isArray(details.issues) ? details.issues.filter(isIssue) : [];
  if (issues.length > 0) return new RuleError(code, message, issues, status, details);
  return new ApiError(code, message, status, details);
}
