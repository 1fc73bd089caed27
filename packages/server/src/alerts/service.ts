/**
 * Alerts as the API shows them (SDK `Alert`) and their life cycle through the SDK's `transitionAlert`:
 * open → acknowledged → resolved with a corrective action. Updates are conditional on the state read,
 * so two people acting at once cannot both win.
 */
import {
  type Alert,
  type AlertAction,
  type AlertSource,
  AlertStaffSchema,
  type AlertState,
  LocalizedTextSchema,
  type Severity,
  transitionAlert,
} from '@brightkitchen/sdk';
import type { ExpressionBuilder } from 'kysely';
import * as v from 'valibot';
import { type AlertsTable, type Database, type DB, readJson, storedValue } from '../db/index.js';
import { AppError } from '../errors/index.js';

const DetailsSchema = v.nullable(v.record(v.string(), v.unknown()));

/** An alert row, with the content type of its stored snapshot when the query looked it up (`snapshotTypeOf`). */
export type AlertRow = AlertsTable & { readonly snapshot_type?: string | null };

/** The path the API serves an alert's snapshot at. */
export const snapshotPath = (alertId: string) => `/v1/alerts/${encodeURIComponent(alertId)}/snapshot`;

/** Selects `snapshot_type`: the content type of the alert's stored snapshot, null when it has none. */
export function snapshotTypeOf(eb: ExpressionBuilder<DB, 'alerts'>) {
  return eb
    .selectFrom('alert_snapshots')
    .select('alert_snapshots.content_type')
    .whereRef('alert_snapshots.alert_id', '=', 'alerts.id')
    .as('snapshot_type');
}

/** The API's alert for a stored row; throws `CorruptStoredValue` when its message or details are damaged. */
export function toAlert(row: AlertRow): Alert {
  const at = (column: string) => ({ table: 'alerts', column, id: row.id });
  const details = row.details === null ? null : storedValue(readJson(DetailsSchema, row.details, at('details')));
  const staff = v.safeParse(AlertStaffSchema, details?.staff);
  return {
    id: row.id,
    venueId: row.venue_id,
    source: row.source as AlertSource,
    type: row.type,
    severity: row.severity as Severity,
    state: row.state as AlertState,
    openedAt: row.opened_at,
    ...(row.acknowledged_at ? { acknowledgedAt: row.acknowledged_at } : {}),
    ...(row.resolved_at ? { resolvedAt: row.resolved_at } : {}),
    ...(row.corrective_action ? { correctiveAction: row.corrective_action } : {}),
    ...(row.subject ? { subject: row.subject } : {}),
    message: storedValue(readJson(LocalizedTextSchema, row.message, at('message'))),
    ...(details ? { details } : {}),
    ...(row.snapshot_type ? { snapshot: { path: snapshotPath(row.id), contentType: row.snapshot_type } } : {}),
    ...(staff.success ? { staff: staff.output } : {}),
  };
}

/** Applies an action by `userId`; refusals carry the SDK's codes (ALERT_INVALID_TRANSITION, …). */
export async function actOnAlert(
  { db }: Database,
  row: AlertRow,
  action: AlertAction,
  userId: string,
  now: Date = new Date(),
): Promise<Alert> {
  const result = transitionAlert(toAlert(row), action, now.getTime());
  if (!result.ok) {
    const { code, path, message } = result.error;
    throw new AppError(code, { issues: [{ code, path, message }] });
  }
  const next = result.alert;
  const acknowledgedNow = next.acknowledgedAt !== undefined && next.acknowledgedAt !== row.acknowledged_at;
  const update = await db
    .updateTable('alerts')
    .set({
      state: next.state,
      acknowledged_at: next.acknowledgedAt ?? null,
      acknowledged_by: acknowledgedNow ? userId : row.acknowledged_by,
      resolved_at: next.resolvedAt ?? null,
      resolved_by: next.state === 'resolved' ? userId : null,
      corrective_action: next.correctiveAction ?? null,
    })
    .where('id', '=', row.id)
    .where('state', '=', row.state)
    .executeTakeFirst();
  if (Number(update.numUpdatedRows) !== 1) throw new AppError('ALERT_INVALID_TRANSITION');
  return next;
}
