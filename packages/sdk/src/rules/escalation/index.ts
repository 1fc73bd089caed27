export { ALERT_RULE_CODES, ALERT_RULE_MESSAGES, type AlertRuleCode, type AlertRuleError } from './errors.js';
export {
  DEFAULT_ESCALATION_POLICY,
  ESCALATION_LEVEL_LABELS,
  ESCALATION_LEVELS,
  type EscalationLevel,
  type EscalationPolicy,
  type EscalationStep,
  escalationLevelFor,
  type SeverityEscalation,
} from './policy.js';
export {
  type DueNotification,
  dueNotifications,
  type EscalatingAlert,
  nextDueAt,
  type SentNotification,
} from './schedule.js';
export {
  type AlertAction,
  type AlertLifecycle,
  type AlertTransitionResult,
  AUTO_CLEARING_SOURCES,
  transitionAlert,
} from './transition.js';
