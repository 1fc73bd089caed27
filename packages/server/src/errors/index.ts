export { AppError, isAppError } from './app-error.js';
export { ERROR_CODES, type ErrorCode, type ErrorDefinition, errorMessage } from './codes.js';
export { registerErrorHandler, toAppError } from './error-handler.js';
export { ajvErrorsToIssues } from './validation-issues.js';
