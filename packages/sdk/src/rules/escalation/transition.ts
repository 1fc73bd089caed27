import type { Alert } from '../../domain/alert.js';
import type { AlertSource } from '../../domain/enums.js';
import type { Instant } from '../thresholds/instant.js';
import { type AlertRuleError, alertRuleError } from './errors.js';

/** The part of an alert its life cycle reads and writes. */
export type AlertLifecycle = Pick<
  Alert,
  'source' | 'state' | 'openedAt' | 'acknowledgedAt' | 'resolvedAt' | 'correctiveAction'
>;

/**
 * What someone (or the threshold machine) does to an alert:
 * - `acknowledge`: "I have seen it" — stops reminders for the policy's ack hold. Allowed again on an
 *   acknowledged alert (answering a restarted reminder renews the hold).
 * - `resolve`: closes it with the corrective action taken (required, non-empty). Allowed from
 *   `open` too: resolving implies acknowledging.
 * - `clear`: auto-resolution when the condition ended by itself (readings back in range); only
 *   for alerts whose source is a sensor or a device.
 */
export type AlertAction =
  | { readonly type: 'acknowledge' }
  | { readonly type: 'resolve'; readonly correctiveAction: string }
  | { readonly type: 'clear' };

/** {@link transitionAlert}'s answer: the alert in its new state, or why the action is refused. */
export type AlertTransitionResult<A> =
  | { readonly ok: true; readonly alert: A }
  | { readonly ok: false; readonly error: AlertRuleError };

/** Sources whose alerts may resolve themselves when the condition ends. */
export const AUTO_CLEARING_SOURCES: readonly AlertSource[] = ['sensor', 'device'];

function iso(at: Instant): string {
  return typeof at === 'number' ? new Date(at).toISOString() : at;
}

/**
 * Applies an action to an alert: open → acknowledged → resolved. Pure; returns the changed alert
 * or a typed error (`ALERT_INVALID_TRANSITION`, `ALERT_CORRECTIVE_ACTION_REQUIRED`), never throws.
 *
 * @example
 * const r = transitionAlert(alert, { type: 'resolve', correctiveAction: '已将食材转移至备用冰箱' }, now);
 * if (!r.ok) show(r.error.message.zh);
 */
export function transitionAlert<A extends AlertLifecycle>(
  alert: A,
  action: AlertAction,
  at: Instant,
): AlertTransitionResult<A> {
  if (alert.state === 'resolved') return { ok: false, error: alertRuleError('ALERT_INVALID_TRANSITION') };
  const when = iso(at);
  switch (action.type) {
    case 'acknowledge':
      return { ok: true, alert: { ...alert, state: 'acknowledged', acknowledgedAt: when } };
    case 'resolve': {
      const correctiveAction = action.correctiveAction.trim();
      if (correctiveAction === '') {
        return { ok: false, error: alertRuleError('ALERT_CORRECTIVE_ACTION_REQUIRED', 'correctiveAction') };
      }
      return {
        ok: true,
        alert: {
          ...alert,
          state: 'resolved',
          acknowledgedAt: alert.acknowledgedAt ?? when,
          resolvedAt: when,
          correctiveAction,
        },
      };
    }
    case 'clear':
      if (!AUTO_CLEARING_SOURCES.includes(alert.source)) {
        return { ok: false, error: alertRuleError('ALERT_INVALID_TRANSITION') };
      }
      return { ok: true, alert: { ...alert, state: 'resolved', resolvedAt: when } };
  }
}
