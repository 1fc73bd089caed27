import type { LocalizedText } from '../../domain/text.js';

/** Why an alert could not change state. */
export const ALERT_RULE_CODES = ['ALERT_INVALID_TRANSITION', 'ALERT_CORRECTIVE_ACTION_REQUIRED'] as const;
/** One of {@link ALERT_RULE_CODES}. */
export type AlertRuleCode = (typeof ALERT_RULE_CODES)[number];

/** The message of each {@link AlertRuleCode} in zh-CN and en. */
export const ALERT_RULE_MESSAGES: Readonly<Record<AlertRuleCode, LocalizedText>> = {
  ALERT_INVALID_TRANSITION: {
    zh: '告警当前状态下不能执行该操作',
    en: 'This action is not allowed in the alert’s current state',
  },
  ALERT_CORRECTIVE_ACTION_REQUIRED: {
    zh: '处置告警必须填写整改措施',
    en: 'Resolving an alert requires a corrective action',
  },
};

/** A refused alert action: a stable code, its message, and where the alert stood. */
export interface AlertRuleError {
  readonly code: AlertRuleCode;
  readonly message: LocalizedText;
  /** The field at fault (`correctiveAction`), `''` for the alert as a whole. */
  readonly path: string;
}

export function alertRuleError(code: AlertRuleCode, path = ''): AlertRuleError {
  return { code, message: ALERT_RULE_MESSAGES[code], path };
}
