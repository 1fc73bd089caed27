import type { Severity } from '../../domain/enums.js';
import type { LocalizedText } from '../../domain/text.js';

/** Who a notification goes to. A level includes those below it: the dispatcher notifies them too. */
export const ESCALATION_LEVELS = ['manager', 'venue_head', 'regulator'] as const;
/** One of {@link ESCALATION_LEVELS}. */
export type EscalationLevel = (typeof ESCALATION_LEVELS)[number];

/** Display names of {@link ESCALATION_LEVELS} in zh-CN and en. */
export const ESCALATION_LEVEL_LABELS: Readonly<Record<EscalationLevel, LocalizedText>> = {
  manager: { zh: '食品安全管理员', en: 'Food-safety manager' },
  venue_head: { zh: '单位负责人', en: 'Head of the venue' },
  regulator: { zh: '监管人员', en: 'Regulator' },
};

/** From the `afterRepeats`-th reminder on, notifications go to `level`. */
export interface EscalationStep {
  readonly afterRepeats: number;
  readonly level: EscalationLevel;
}

/** How alerts of one severity are repeated and escalated. */
export interface SeverityEscalation {
  /** Time between reminders while nobody acknowledges; undefined → notify once, never repeat. */
  readonly repeatIntervalMs?: number;
  /** Last reminder number to send; undefined → until acknowledged or resolved. */
  readonly maxRepeats?: number;
  /** Levels by reminder number; before the first step, notifications go to the manager. */
  readonly levels: readonly EscalationStep[];
  /** How long an acknowledgement silences reminders; after it, reminders restart until resolved. */
  readonly ackHoldMs: number;
}

/** For each alert severity, who is notified and after how long an alert is still open. */
export type EscalationPolicy = Readonly<Record<Severity, SeverityEscalation>>;

const MINUTE = 60_000;

/**
 * The default policy (configurable per region):
 * - critical: notify the manager at once, repeat every 5 min until acknowledged; from the 3rd
 *   reminder (15 min) also the head of the venue, from the 6th (30 min) the regulator. An
 *   acknowledgement holds 30 min; unresolved after that, reminders restart and keep escalating.
 * - warning: every 15 min, the head of the venue from the 4th reminder (1 h), at most 12 reminders;
 *   an acknowledgement holds 2 h.
 * - info: one notification to the manager, no reminders.
 */
export const DEFAULT_ESCALATION_POLICY: EscalationPolicy = {
  critical: {
    repeatIntervalMs: 5 * MINUTE,
    levels: [
      { afterRepeats: 0, level: 'manager' },
      { afterRepeats: 3, level: 'venue_head' },
      { afterRepeats: 6, level: 'regulator' },
    ],
    ackHoldMs: 30 * MINUTE,
  },
  warning: {
    repeatIntervalMs: 15 * MINUTE,
    maxRepeats: 12,
    levels: [
      { afterRepeats: 0, level: 'manager' },
      { afterRepeats: 4, level: 'venue_head' },
    ],
    ackHoldMs: 120 * MINUTE,
  },
  info: {
    levels: [{ afterRepeats: 0, level: 'manager' }],
    ackHoldMs: 0,
  },
};

/** The level a given reminder number goes to (0 is the first notification). */
export function escalationLevelFor(rule: SeverityEscalation, repeat: number): EscalationLevel {
  let level: EscalationLevel = 'manager';
  let reached = Number.NEGATIVE_INFINITY;
  for (const step of rule.levels) {
    if (step.afterRepeats <= repeat && step.afterRepeats >= reached) {
      level = step.level;
      reached = step.afterRepeats;
    }
  }
  return level;
}
