/**
 * How long a ledger record must be kept. Purchase records (食品安全法 §50): 6 months after the shelf life
 * ends, 2 years where there is no shelf life. Other ledgers: 2 years after their day (platform rule).
 */
import type { LedgerRecord } from '../../domain/ledger.js';
import { addDays, addMonths } from '../../domain/ledger-dates.js';
import { DEFAULT_TIME_ZONE } from '../../time.js';
import { NATIONAL_PROFILE, type RuleProfile } from '../profile.js';
import { ledgerRecordDay } from './record-day.js';

/**
 * The date (`YYYY-MM-DD`, venue-local) before which the record may not be deleted.
 * @example retentionUntil(purchase) // '2025-01-11' for goods produced 2024-07-01 with 10 days' shelf life
 */
export function retentionUntil(
  record: LedgerRecord,
  profile: RuleProfile = NATIONAL_PROFILE,
  timeZone: string = DEFAULT_TIME_ZONE,
): string {
  const { monthsAfterShelfLife, yearsWithoutShelfLife, otherRecordYears } = profile.ledger.retention;
  if (record.kind === 'purchase_inspection') {
    if (record.shelfLifeDays === undefined || record.shelfLifeDays === null) {
      return addMonths(record.purchaseDate, yearsWithoutShelfLife * 12);
    }
    // Without a production date (batch only), goods were produced on or before the purchase date,
    // so purchase date + shelf life is the latest the shelf life can end: the safe bound.
    const expiresOn = addDays(record.productionDate ?? record.purchaseDate, record.shelfLifeDays);
    return addMonths(expiresOn, monthsAfterShelfLife);
  }
  return addMonths(ledgerRecordDay(record, timeZone), otherRecordYears * 12);
}
