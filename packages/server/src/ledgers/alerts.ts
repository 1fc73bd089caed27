/** A kept record whose rules warn (unfit staff, near-expiry goods …) opens one alert for the venue. */
import type { LedgerIssue } from '@brightkitchen/sdk';
import { alertRow } from '../alerts/alert-book.js';
import type { AlertsTable, LedgerRecordsTable } from '../db/index.js';

/** The staff member a morning check is about, as the record names them (the server filled the archive's name). */
function staffOf(row: LedgerRecordsTable): { id: string; name: string } | undefined {
  if (row.kind !== 'morning_check') return undefined;
  try {
    const body = JSON.parse(row.body) as { staffId?: unknown; staffName?: unknown };
    return typeof body.staffId === 'string' && typeof body.staffName === 'string' && body.staffName !== ''
      ? { id: body.staffId, name: body.staffName }
      : undefined;
  } catch {
    return undefined;
  }
}

/** `alerting`: the issues `ledgerAlerts` picked (their rule code opens an alert). */
export function alertRowsFor(
  row: LedgerRecordsTable,
  alerting: readonly LedgerIssue[],
  openedAt: string,
): AlertsTable[] {
  const first = alerting[0];
  if (!first) return [];
  const staff = staffOf(row);
  return [
    alertRow({
      venueId: row.venue_id,
      source: 'ledger',
      type: first.code,
      severity: 'warning',
      subject: row.id,
      message: first.message,
      details: {
        ledgerKind: row.kind,
        seq: row.seq,
        localDay: row.local_day,
        issues: alerting,
        ...(staff ? { staff } : {}),
      },
      openedAt,
    }),
  ];
}
