export { idempotentWrite, sendWriteAnswer, type WriteAnswer } from './idempotent.js';
export { IDEMPOTENCY_KEY, readIdempotencyKey } from './key.js';
export { IDEMPOTENT_ANSWER_DAYS, purgeIdempotentAnswers } from './purge.js';
