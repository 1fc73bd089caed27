/**
 * Food-safety rules: pure functions over values. Rule codes and their messages live in one registry
 * (codes.ts); every number lives in a profile (profile.ts).
 */

// Rule codes
export type { RuleCode, RuleDefinition, RuleParams, RuleSeverity } from './codes.js';
export { isRuleCode, REGULATION_SOURCES, RULE_CODES, ruleMessage } from './codes.js';
// Daily ledger requirements (what completion is measured against)
export type {
  DayCompletion,
  MealPlan,
  Requirement,
  RequirementCode,
  RequirementGap,
  VenueDayPlan,
} from './completion/requirements.js';
export {
  DEFAULT_DISHES_PER_MEAL,
  DEFAULT_MEALS,
  dayCompletion,
  dayRequirements,
  mealsOf,
  REQUIREMENT_CODES,
  REQUIREMENT_LEDGER_KINDS,
  REQUIREMENT_MESSAGES,
} from './completion/requirements.js';
// Alert life cycle and escalation
export type {
  AlertAction,
  AlertLifecycle,
  AlertRuleCode,
  AlertRuleError,
  AlertTransitionResult,
  DueNotification,
  EscalatingAlert,
  EscalationLevel,
  EscalationPolicy,
  EscalationStep,
  SentNotification,
  SeverityEscalation,
} from './escalation/index.js';
export {
  ALERT_RULE_CODES,
  ALERT_RULE_MESSAGES,
  AUTO_CLEARING_SOURCES,
  DEFAULT_ESCALATION_POLICY,
  dueNotifications,
  ESCALATION_LEVEL_LABELS,
  ESCALATION_LEVELS,
  escalationLevelFor,
  nextDueAt,
  transitionAlert,
} from './escalation/index.js';
// Quantified grading (量化分级)
export type { AnnualGradeOutcome, DynamicGradeInput, DynamicGradeOutcome, NoGradeReason } from './grading/index.js';
export {
  annualGrade,
  dynamicGrade,
  GRADE_CUTOFFS,
  INCIDENT_MONTHS,
  KEY_ITEMS_FAILED_LIMIT,
  NEW_LICENCE_MONTHS,
  NO_GRADE_REASON_MESSAGES,
  NO_GRADE_REASONS,
} from './grading/index.js';
// The inspection checklist (监督检查表) and how answers are scored
export {
  CHECKLIST_CODES,
  checklistFor,
  NATIONAL_CHECKLIST,
  NATIONAL_KEY_ITEMS,
  type ScoredAnswers,
  scoreAnswers,
} from './inspection/index.js';
// Ledger validation
export type { LedgerIssue } from './ledger/context.js';
export { ledgerRecordDay } from './ledger/record-day.js';
export { retentionUntil } from './ledger/retention.js';
export type { LedgerValidationOptions, LedgerValidationResult } from './ledger/validate.js';
export { isStaffUnfit, ledgerAlerts, validateLedger } from './ledger/validate.js';
// Profiles
export type {
  DeepPartial,
  HeatDisinfectionLimit,
  InspectionRuleNumbers,
  LedgerRuleNumbers,
  ResolveProfileOptions,
  RuleProfile,
  RuleProfileOverride,
  SensorLocationKind,
  SensorRuleNumbers,
  TemperatureRange,
  VideoRuleNumbers,
} from './profile.js';
export { isSampleRetentionRequired, NATIONAL_PROFILE, resolveProfile } from './profile.js';
export { parseProfileOverride } from './profile-override.js';
// Sensor thresholds (delay, hysteresis, silence)
export type {
  Breach,
  BrokenBound,
  Instant,
  SensorLimit,
  SensorThresholdProfile,
  ThresholdCleared,
  ThresholdInput,
  ThresholdPhase,
  ThresholdRaised,
  ThresholdReadingInput,
  ThresholdSilence,
  ThresholdSilenceCleared,
  ThresholdState,
  ThresholdStatus,
  ThresholdStep,
  ThresholdTickInput,
  ThresholdTransition,
  ThresholdTransitionKind,
} from './thresholds/index.js';
export {
  breachOf,
  clearsAlarm,
  DEFAULT_SENSOR_THRESHOLDS,
  evaluateThresholdSeries,
  FREEZER_STRICT_MAX_C,
  initialThresholdState,
  nextThresholdCheckAt,
  sensorThresholdsFromProfile,
  stepThreshold,
  ThresholdStateSchema,
  thresholdStatus,
  withSensorLimits,
} from './thresholds/index.js';
