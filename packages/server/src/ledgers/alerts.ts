/** A kept record whose rules warn (unfit staff, near-expiry goods …) opens one alert for the venue. */
import type { LedgerIssue } from '@brightkitchen/sdk';
import { type AlertsTable, type LedgerRecordsTable, newId, toJson } from '../db/index.js';

/** `alerting`: the issues `ledgerAlerts` picked (their rule code opens an alert). */
export function alertRowsFor(
  row: LedgerRecordsTable,
  alerting: readonly LedgerIssue[],
  openedAt: string,
): AlertsTable[] {
  const first = alerting[0];
  if (!first) return [];
  return [
    {
      id: newId('alr'),
      venue_id: row.venue_id,
      source: 'ledger',
      type: first.code,
      severity: 'warning',
      state: 'open',
      subject: row.id,
      message: toJson(first.message),
      details: toJson({ ledgerKind: row.kind, seq: row.seq, localDay: row.local_day, issues: alerting }),
      opened_at: openedAt,
      acknowledged_at: null,
      acknowledged_by: null,
      resolved_at: null,
      resolved_by: null,
      corrective_action: null,
    },
  ];
}
