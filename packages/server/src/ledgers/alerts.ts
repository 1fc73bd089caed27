/** A kept record whose rules warn (unfit staff, near-expiry goods …) opens one alert for the venue. */
import type { LedgerIssue } from '@brightkitchen/sdk';
import { alertRow } from '../alerts/alert-book.js';
import type { AlertsTable, LedgerRecordsTable } from '../db/index.js';

/** `alerting`: the issues `ledgerAlerts` picked (their rule code opens an alert). */
export function alertRowsFor(
  row: LedgerRecordsTable,
  alerting: readonly LedgerIssue[],
  openedAt: string,
): AlertsTable[] {
  const first = alerting[0];
  if (!first) return [];
  return [
    alertRow({
      venueId: row.venue_id,
      source: 'ledger',
      type: first.code,
      severity: 'warning',
      subject: row.id,
      message: first.message,
      details: { ledgerKind: row.kind, seq: row.seq, localDay: row.local_day, issues: alerting },
      openedAt,
    }),
  ];
}
