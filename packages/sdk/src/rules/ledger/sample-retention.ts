/**
 * Food sample retention 食品留样 (2018 规范 7.9.2–7.9.4). The rules apply to every retained sample,
 * also at venue kinds that need not retain (a voluntary sample must still be usable in an investigation).
 */
import type { SampleRetentionRecord } from '../../domain/ledger.js';
import { futureInstant, instantMs, type LedgerIssue, type LedgerRuleContext, ledgerIssue } from './context.js';

export function checkSampleRetention(record: SampleRetentionRecord, ctx: LedgerRuleContext): LedgerIssue[] {
  const issues = [
    ...futureInstant(ctx, record.sampledAt, 'sampledAt'),
    ...futureInstant(ctx, record.disposedAt, 'disposedAt'),
  ];
  const { minGrams, minHours, storageMinC, storageMaxC } = ctx.profile.ledger.sample;
  if (record.weightGrams < minGrams) {
    issues.push(
      ledgerIssue('LEDGER_SAMPLE_UNDERWEIGHT', 'weightGrams', { actual: record.weightGrams, limit: minGrams }),
    );
  }
  if (!record.sealedSeparately) issues.push(ledgerIssue('LEDGER_SAMPLE_NOT_SEALED', 'sealedSeparately'));
  const temp = record.storageTempC;
  if (temp !== undefined && (temp < storageMinC || temp > storageMaxC)) {
    issues.push(
      ledgerIssue('LEDGER_SAMPLE_STORAGE_TEMP', 'storageTempC', { actual: temp, min: storageMinC, max: storageMaxC }),
    );
  }
  if (record.disposedAt !== undefined) {
    const keptMs = instantMs(record.disposedAt) - instantMs(record.sampledAt);
    if (keptMs < minHours * 3_600_000) {
      // Rounded down so that 47.99 h never reads as "48 h".
      const actual = Math.floor((Math.max(keptMs, 0) / 3_600_000) * 10) / 10;
      issues.push(ledgerIssue('LEDGER_SAMPLE_DISPOSED_EARLY', 'disposedAt', { actual, limit: minHours }));
    }
  }
  return issues;
}
