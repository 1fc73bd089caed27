import type { LedgerRecord } from '@brightkitchen/sdk';
import { localDay } from '@brightkitchen/sdk';

/**
 * The venue-local day a record counts for (today's completion, listing by day).
 * TODO(sdk): rules/ledger/retention.ts has the same mapping privately; import it once exported.
 */
export function recordLocalDay(record: LedgerRecord, timeZone: string): string {
  switch (record.kind) {
    case 'morning_check':
    case 'tableware_disinfection':
      return localDay(record.time, timeZone);
    case 'sample_retention':
      return localDay(record.sampledAt, timeZone);
    case 'air_disinfection':
      return localDay(record.start, timeZone);
    case 'accompanying_meal':
      return record.date;
    case 'purchase_inspection':
      return record.purchaseDate;
  }
}
