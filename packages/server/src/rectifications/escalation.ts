/**
 * Escalation of overdue rectification notices: a notice not accepted by the end of its deadline (the venue's
 * local day) raises one `RECTIFICATION_OVERDUE` alert at the venue, which its regulators see. Once only, also
 * with two instances: the alert is stored in the transaction that sets `escalated_at` where it was still null.
 */
import { RECTIFICATION_OVERDUE } from '@brightkitchen/sdk';
import { type AlertAnnouncer, alertRow } from '../alerts/alert-book.js';
import type { AlertsTable, Database } from '../db/index.js';
import { overdueSql } from './service.js';

/** Raises the alert of each overdue notice not yet escalated; answers the alerts stored by this call. */
export async function escalateOverdue(
  database: Database,
  now: Date = new Date(),
  announcer?: AlertAnnouncer,
): Promise<AlertsTable[]> {
  const { db } = database;
  const due = await db
    .selectFrom('rectifications')
    .innerJoin('venues', 'venues.id', 'rectifications.venue_id')
    .select(['rectifications.id', 'rectifications.venue_id', 'rectifications.deadline', 'rectifications.data'])
    .where('rectifications.escalated_at', 'is', null)
    .where(await overdueSql(database, now))
    .execute();
  const raised: AlertsTable[] = [];
  for (const notice of due) {
    const obligation = (JSON.parse(notice.data) as { obligation?: string }).obligation ?? '';
    const row = alertRow({
      venueId: notice.venue_id,
      source: 'system',
      type: RECTIFICATION_OVERDUE,
      severity: 'warning',
      subject: notice.id,
      message: {
        zh: `整改通知逾期未销号（期限 ${notice.deadline}，${obligation}）`,
        en: `Rectification notice overdue (deadline ${notice.deadline}, ${obligation})`,
      },
      details: { rectificationId: notice.id, deadline: notice.deadline },
      openedAt: now.toISOString(),
    });
    const stored = await db.transaction().execute(async (trx) => {
      const marked = await trx
        .updateTable('rectifications')
        .set({ escalated_at: row.opened_at, escalation_alert_id: row.id })
        .where('id', '=', notice.id)
        .where('escalated_at', 'is', null)
        .executeTakeFirst();
      if (Number(marked.numUpdatedRows) !== 1) return false;
      await trx.insertInto('alerts').values(row).execute();
      return true;
    });
    if (stored) raised.push(row);
  }
  if (raised.length > 0) announcer?.announce(raised);
  return raised;
}
