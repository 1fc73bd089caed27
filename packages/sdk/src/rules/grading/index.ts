export { type AnnualGradeOutcome, annualGrade } from './annual.js';
export { GRADE_CUTOFFS } from './cutoffs.js';
export {
  type DynamicGradeInput,
  type DynamicGradeOutcome,
  dynamicGrade,
  INCIDENT_MONTHS,
  KEY_ITEMS_FAILED_LIMIT,
  NEW_LICENCE_MONTHS,
} from './dynamic.js';
export { NO_GRADE_REASON_MESSAGES, NO_GRADE_REASONS, type NoGradeReason } from './reasons.js';
