import type { Alert } from '../../domain/alert.js';
import { type Instant, toEpochMs } from '../thresholds/instant.js';
import { type EscalationLevel, type EscalationPolicy, escalationLevelFor } from './policy.js';

/** The part of an alert its notification schedule reads. */
export type EscalatingAlert = Pick<Alert, 'severity' | 'state' | 'openedAt' | 'acknowledgedAt'>;

/** A notification already sent for this alert; `dueAt` exactly as `dueNotifications` returned it. */
export interface SentNotification {
  readonly repeat: number;
  readonly dueAt: Instant;
}

/** A notification to send now. `repeat` 0 is the first notification, 1… are reminders. */
export interface DueNotification {
  readonly repeat: number;
  readonly level: EscalationLevel;
  /** When it fell due, epoch ms. */
  readonly dueAt: number;
}

interface Slot {
  readonly repeat: number;
  readonly dueAt: number;
}

function lastSent(sentLog: readonly SentNotification[]): Slot | undefined {
  let last: Slot | undefined;
  for (const entry of sentLog) {
    const dueAt = toEpochMs(entry.dueAt);
    if (!Number.isFinite(dueAt)) continue;
    if (!last || entry.repeat > last.repeat) last = { repeat: entry.repeat, dueAt };
  }
  return last;
}

/** The next notification not yet sent, whether due or not; undefined when none will come. */
function nextSlot(
  alert: EscalatingAlert,
  sentLog: readonly SentNotification[],
  policy: EscalationPolicy,
): Slot | undefined {
  if (alert.state === 'resolved') return undefined;
  const rule = policy[alert.severity];
  const interval = rule.repeatIntervalMs !== undefined && rule.repeatIntervalMs > 0 ? rule.repeatIntervalMs : undefined;
  const ackAt = alert.state === 'acknowledged' && alert.acknowledgedAt ? toEpochMs(alert.acknowledgedAt) : Number.NaN;
  const holdUntil = Number.isFinite(ackAt) ? ackAt + rule.ackHoldMs : Number.NEGATIVE_INFINITY;
  const last = lastSent(sentLog);
  let slot: Slot;
  if (!last) {
    slot = { repeat: 0, dueAt: Math.max(toEpochMs(alert.openedAt), holdUntil) };
  } else {
    if (interval === undefined) return undefined;
    slot = { repeat: last.repeat + 1, dueAt: Math.max(last.dueAt + interval, holdUntil) };
  }
  if (!Number.isFinite(slot.dueAt)) return undefined;
  if (rule.maxRepeats !== undefined && slot.repeat > rule.maxRepeats) return undefined;
  return slot;
}

/**
 * The notifications due now for one alert, given those already sent (its `sentLog`). Pure: the
 * caller sends them and appends them to the log, so a second call at the same time returns nothing.
 *
 * Reminders repeat every `repeatIntervalMs` until the alert is acknowledged; an acknowledgement
 * holds for `ackHoldMs`, after which reminders restart (numbering continues, so escalation goes
 * on) until it is resolved. Escalation follows elapsed time: when several reminders were missed
 * (the server was down), only the latest one is returned, at the level it has reached.
 * The result holds at most one notification.
 */
export function dueNotifications(
  alert: EscalatingAlert,
  sentLog: readonly SentNotification[],
  policy: EscalationPolicy,
  now: Instant,
): DueNotification[] {
  const at = toEpochMs(now);
  const slot = nextSlot(alert, sentLog, policy);
  if (!slot || !(at >= slot.dueAt)) return [];
  const rule = policy[alert.severity];
  const interval = rule.repeatIntervalMs ?? 0;
  let missed = interval > 0 ? Math.floor((at - slot.dueAt) / interval) : 0;
  if (rule.maxRepeats !== undefined) missed = Math.min(missed, rule.maxRepeats - slot.repeat);
  const repeat = slot.repeat + missed;
  return [{ repeat, level: escalationLevelFor(rule, repeat), dueAt: slot.dueAt + missed * interval }];
}

/**
 * When the next notification for this alert falls due (epoch ms; possibly already past), or
 * undefined when none will (resolved, notify-once already sent, reminders exhausted). For scheduling.
 */
export function nextDueAt(
  alert: EscalatingAlert,
  sentLog: readonly SentNotification[],
  policy: EscalationPolicy,
): number | undefined {
  return nextSlot(alert, sentLog, policy)?.dueAt;
}
