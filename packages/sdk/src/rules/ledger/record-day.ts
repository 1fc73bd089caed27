/**
 * The venue-local day a ledger record belongs to: the day of the act it records (REGULATIONS.md), which is
 * what today's completion counts, lists filter by and retention counts from. A retained sample belongs to
 * the day it was sampled (however long it is then kept), an air disinfection to the day it started (a run
 * past midnight is that day's), a purchase to its purchase date, an accompanying meal to its date.
 */
import type { LedgerRecord } from '../../domain/ledger.js';
import { DEFAULT_TIME_ZONE, localDay } from '../../time.js';

/**
 * The record's day (`YYYY-MM-DD`) in the venue's time zone.
 * @example ledgerRecordDay(sample, 'Asia/Shanghai') // '2024-06-13' for a sample taken 2024-06-13T11:30+08:00
 */
export function ledgerRecordDay(record: LedgerRecord, timeZone: string = DEFAULT_TIME_ZONE): string {
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
