/**
 * The national default set (region `null`): courses written from REGULATIONS.md and a bank of 168 questions, in
 * our own words. Ids are fixed: `ensureDefaultTraining` adds what a database lacks and never changes a stored row.
 */
import type { Question } from '@brightkitchen/sdk/training';
import { ENVIRONMENT_QUESTIONS, GRADING_QUESTIONS } from './questions-environment-grading.js';
import { HYGIENE_QUESTIONS, PURCHASE_QUESTIONS } from './questions-hygiene-purchase.js';
import { HEALTH_QUESTIONS, LAW_QUESTIONS } from './questions-law-health.js';
import { ROOM_QUESTIONS, TABLEWARE_QUESTIONS } from './questions-room-tableware.js';
import { SAMPLE_QUESTIONS, SCHOOL_QUESTIONS } from './questions-sample-school.js';
import { COOKING_QUESTIONS, STORAGE_QUESTIONS } from './questions-storage-cooking.js';

export { DEFAULT_COURSES } from './courses.js';
export { DEFAULT_EXAM } from './exam.js';

export const DEFAULT_QUESTIONS: readonly Question[] = [
  ...LAW_QUESTIONS,
  ...HEALTH_QUESTIONS,
  ...HYGIENE_QUESTIONS,
  ...PURCHASE_QUESTIONS,
  ...STORAGE_QUESTIONS,
  ...COOKING_QUESTIONS,
  ...ROOM_QUESTIONS,
  ...TABLEWARE_QUESTIONS,
  ...SAMPLE_QUESTIONS,
  ...SCHOOL_QUESTIONS,
  ...ENVIRONMENT_QUESTIONS,
  ...GRADING_QUESTIONS,
];
