export { AppError, isAppError } from './app-error.js';
export { clipDetails, MAX_ISSUES } from './clip-details.js';
export { registerErrorHandler, toAppError } from './error-handler.js';
export { ajvErrorsToIssues } from './validation-issues.js';
