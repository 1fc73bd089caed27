export { type AppendItem, type AppendOutcome, appendLedgerRecords, requestHash } from './append.js';
export { type LedgerEntry, toLedgerEntry } from './entry.js';
export { loadRuleContext, type PreparedRecord, prepareRecord, type VenueRuleContext } from './prepare.js';
export { purgeExpiredLedgers } from './purge.js';
export { recordLocalDay } from './record-day.js';
export { ledgersToday } from './today.js';
