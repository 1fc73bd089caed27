export { type AppendItem, type AppendOutcome, appendLedgerRecords, requestHash } from './append.js';
export { checkpointEarlierPurges } from './earlier-purges.js';
export { type LedgerEntry, toLedgerEntry } from './entry.js';
export { unfitAtMorningCheck } from './morning-checks.js';
export { loadRuleContext, type PreparedRecord, prepareRecord, type VenueRuleContext } from './prepare.js';
export { type PurgeContext, type PurgeLog, purgeExpiredLedgers } from './purge.js';
export { ledgersToday } from './today.js';
